import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { acquireBrowser } from "../browser/session";
import worker from "../test-entry";
import { runContactJob } from "./contact";

const sites = inject("contactSites");
const origin = `http://127.0.0.1:${sites.port}`;

async function submissionsTo(site: string): Promise<{ accepted: boolean; fields: Record<string, string> }[]> {
  const all = (await (await fetch(`${origin}/__submissions`)).json()) as {
    site: string;
    accepted: boolean;
    fields: Record<string, string>;
  }[];
  return all.filter((s) => s.site === site);
}

describe("contact-jobs consumer", () => {
  it("fills a dealer's form through Browser Rendering, keeps the screenshots in R2 and acknowledges the job", async () => {
    await fetch(`${origin}/__reset`, { method: "POST" });
    const job = {
      rowRef: { tableId: "tbl-dealers", rowId: "row-harbor" },
      url: `${origin}/harbor-point-honda/`,
      profile: sites.profile,
      message: `${sites.profile.message} (sent for row-harbor)`,
    };
    const batch = createMessageBatch<unknown>("contact-jobs", [
      { id: "good", timestamp: Date.now(), attempts: 1, body: job },
      { id: "malformed", timestamp: Date.now(), attempts: 1, body: { url: "ftp://nowhere" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch, env, ctx);
    const acks = await getQueueResult(batch, ctx);
    expect(acks.explicitAcks.sort()).toEqual(["good", "malformed"]);
    expect(acks.retryMessages).toEqual([]);

    const received = await submissionsTo("harbor-point-honda");
    expect(received).toHaveLength(1);
    expect(received[0]!.accepted).toBe(true);
    expect(received[0]!.fields.name).toBe("Dana Whitfield");
    expect(received[0]!.fields.comments).toContain("(sent for row-harbor)");

    const keys = (await env.FILES.list({ prefix: "contact/tbl-dealers/row-harbor/" })).objects.map((o) => o.key);
    expect(keys.filter((k) => k.endsWith("/before_submit.jpg"))).toHaveLength(1);
    expect(keys.filter((k) => k.endsWith("/after_submit.jpg"))).toHaveLength(1);
    const stored = await env.FILES.get(keys.find((k) => k.endsWith("/result.json"))!);
    const { result } = (await stored!.json()) as {
      result: { outcome: string; submitted: boolean; fields: Record<string, string> };
    };
    expect(result.outcome).toBe("success");
    expect(result.submitted).toBe(true);
    expect(Object.keys(result.fields).sort()).toEqual(["email", "fullName", "message", "phone", "zip"]);
  }, 120_000);

  it("refuses to browse loopback addresses outside the local configuration", async () => {
    await fetch(`${origin}/__reset`, { method: "POST" });
    const { browser, release } = await acquireBrowser(env.BROWSER);
    try {
      const result = await runContactJob({ ...env, ROWPILOT_ENV: "production" }, browser, {
        rowRef: { tableId: "tbl-dealers", rowId: "row-oak" },
        url: `${origin}/foxhollow-subaru/`,
        profile: sites.profile,
        dryRun: false,
      });
      expect(result.outcome).toBe("failure");
      expect(result.category).toBe("error");
      expect(result.reason).toMatch(/127\.0\.0\.1.*not a public address/);
    } finally {
      await release();
    }
    expect(await submissionsTo("foxhollow-subaru")).toEqual([]);
  }, 60_000);
});

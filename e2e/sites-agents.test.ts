/**
 * Sites made by the four Claude agents, as `npm start` runs them with `ANTHROPIC_BASE_URL`
 * pointing at a stand-in of the Messages API: Generate queues the site, the agents run on the
 * generate-jobs queue, the architect's page is stored sanitized and published under its own CSP;
 * a stage that keeps failing leaves the fallback site and says why.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAKE_API_KEY,
  type FakeMessagesApi,
  startFakeMessagesApi,
} from "../automation/sites/agents/test/fake-messages-api";
import { ANSWERS } from "../automation/sites/agents/test/fixtures";
import { cspProblems } from "../automation/sites/csp";
import type { BusinessListRow } from "../schema/hunting-api";
import type { SiteDetail } from "../schema/sites-api";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";

let anthropic: FakeMessagesApi | undefined;
let served: Served | undefined;

beforeAll(async () => {
  anthropic = await startFakeMessagesApi(ANSWERS);
  served = await serve({ env: { ANTHROPIC_BASE_URL: anthropic.url } });
});

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await anthropic?.close();
});

async function business(api: Api, slug: string) {
  const ws = `workspace=${slug}`;
  await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { anthropicApiKey: FAKE_API_KEY } });
  const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
    query: "restaurant",
    location: { zip: "78702" },
  });
  const csv = `name,category,phone,zip,rating,reviews\n"Rosa's Taquería",Mexican restaurant,(512) 555-0142,78702,4.8,312`;
  await api.request("POST", `/api/territories/${id}/scrape?${ws}`, { source: "csv", csv });
  const { rows } = await api.request<{ rows: BusinessListRow[] }>("GET", `/api/businesses?${ws}&territory=${id}`);
  return rows[0]!;
}

describe("sites made by the four agents through a Messages API stand-in", () => {
  it("queues, runs the four agents and publishes the architect's page under its CSP", async () => {
    const { api, slug } = await Api.account(served!.url);
    const ws = `workspace=${slug}`;
    const rosa = await business(api, slug);
    const before = anthropic!.calls.length;
    const queued = await api.request<{ siteId: string; status: string }>("POST", `/api/sites/generate?${ws}`, {
      businessRowId: rosa.rowId,
    });
    expect(queued.status).toBe("queued");
    const read = () => api.request<SiteDetail>("GET", `/api/sites/${queued.siteId}?${ws}`);
    await expect.poll(async () => (await read()).status, { timeout: 30_000 }).toBe("review");
    expect(await read()).toMatchObject({ version: 1, fallback: false });
    expect(anthropic!.calls.slice(before).map((c) => c.agent)).toEqual([
      "analyst",
      "concept",
      "artDirector",
      "architect",
    ]);

    // Regenerating from the Art Director reuses the Analyst's and the Concept's answers.
    const calls = anthropic!.calls.length;
    await api.request("POST", `/api/sites/${queued.siteId}/regenerate?${ws}`, { stage: "artDirector" });
    await expect.poll(async () => (await read()).version, { timeout: 30_000 }).toBe(2);
    expect(anthropic!.calls.slice(calls).map((c) => c.agent)).toEqual(["artDirector", "architect"]);
    expect((await read()).stages.map((s) => [s.name, s.status])).toEqual([
      ["analyst", "reused"],
      ["concept", "reused"],
      ["artDirector", "complete"],
      ["architect", "complete"],
    ]);

    const site = await api.request<SiteDetail>("POST", `/api/sites/${queued.siteId}/publish?${ws}`);
    const page = await fetch(`${served!.url}/s/${site.slug}/`);
    expect(page.status).toBe(200);
    expect(cspProblems(page.headers.get("content-security-policy") ?? "")).toEqual([]);
    const html = await page.text();
    expect(html).toMatch(/<h1>Rosa(&#39;|')s Taquería<\/h1>/);
    expect(html).toContain("data-claim-bar");
    expect(html).toContain("<style>body{font-family:Fraunces,Georgia,serif}</style>");
    expect(html).not.toMatch(/<link|script\.js/);
  });

  it("makes the fallback site when a stage keeps failing, and says which and why", async () => {
    const { api, slug } = await Api.account(served!.url);
    const ws = `workspace=${slug}`;
    const rosa = await business(api, slug);
    anthropic!.queue("concept", { kind: "refusal" }, { kind: "refusal" }, { kind: "refusal" });
    const queued = await api.request<{ siteId: string }>("POST", `/api/sites/generate?${ws}`, {
      businessRowId: rosa.rowId,
    });
    const read = () => api.request<SiteDetail>("GET", `/api/sites/${queued.siteId}?${ws}`);
    await expect.poll(async () => (await read()).status, { timeout: 30_000 }).toBe("review");
    const site = await read();
    expect(site).toMatchObject({ fallback: true, error: expect.stringMatching(/^The Concept failed \(.*refus/i) });
    expect(site.stages.slice(0, 2).map((s) => [s.name, s.status, Boolean(s.error)])).toEqual([
      ["analyst", "complete", false],
      ["concept", "failed", true],
    ]);
  });
});

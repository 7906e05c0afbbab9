/**
 * Regenerating several sites as one Message Batch, as `npm start` runs it with
 * `ANTHROPIC_BASE_URL` pointing at the Messages API stand-in: the Analyst runs for the three sites
 * in ONE batch, the poll reads it after its first delay, an unusable answer is asked again through
 * the normal path with its problem fed back, and every site goes on through the later stages to
 * review, its Analyst stage marked as made in the batch.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAKE_API_KEY,
  type FakeMessagesApi,
  startFakeMessagesApi,
} from "../automation/sites/agents/test/fake-messages-api";
import { ANSWERS } from "../automation/sites/agents/test/fixtures";
import type { BusinessListRow } from "../schema/hunting-api";
import type { SiteDetail } from "../schema/sites-api";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";

type Site = Pick<SiteDetail, "id" | "status" | "version" | "fallback" | "stages" | "stagesCell">;

const BUSINESSES = [
  ["Rosa's Taquería", "(512) 555-0142"],
  ["Eastside Tortillería", "(512) 555-0143"],
  ["Cesar Chavez Café", "(512) 555-0144"],
] as const;

/** The Architect's page names all three businesses, so its one answer passes each site's checks. */
const ARCHITECT_HTML = ANSWERS.architect.html.replace(
  "<main></main>",
  `<main>${BUSINESSES.map(([name, phone]) => `<p>${name} ${phone}</p>`).join("")}</main>`,
);

/** The first poll waits 30 s; then three sites run their last three stages and their checks. */
const BATCH_DONE_MS = 150_000;

let anthropic: FakeMessagesApi | undefined;
let served: Served | undefined;

beforeAll(async () => {
  anthropic = await startFakeMessagesApi({ ...ANSWERS, architect: { ...ANSWERS.architect, html: ARCHITECT_HTML } });
  served = await serve({ env: { ANTHROPIC_BASE_URL: anthropic.url } });
});

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await anthropic?.close();
});

describe("regenerating sites as one Message Batch", () => {
  it("runs the Analyst for three sites in one batch, asks an unusable answer again, and ends all in review", {
    timeout: BATCH_DONE_MS + 60_000,
  }, async () => {
    const { api, slug } = await Api.account(served!.url);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { anthropicApiKey: FAKE_API_KEY } });
    const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
      query: "restaurant",
      location: { zip: "78702" },
    });
    const csv = [
      "name,category,phone,zip,rating,reviews",
      ...BUSINESSES.map(([name, phone]) => `"${name}",Mexican restaurant,${phone},78702,4.8,312`),
    ].join("\n");
    await api.request("POST", `/api/territories/${id}/scrape?${ws}`, { source: "csv", csv });
    const { rows } = await api.request<{ rows: BusinessListRow[] }>("GET", `/api/businesses?${ws}&territory=${id}`);
    expect(rows).toHaveLength(3);
    const siteIds: string[] = [];
    for (const business of rows) {
      const queued = await api.request<{ siteId: string }>("POST", `/api/sites/generate?${ws}`, {
        businessRowId: business.rowId,
      });
      siteIds.push(queued.siteId);
    }
    const read = (siteId: string) => api.request<Site>("GET", `/api/sites/${siteId}?${ws}`);
    const all = () => Promise.all(siteIds.map(read));
    await expect
      .poll(async () => (await all()).map((s) => s.status), { timeout: 60_000 })
      .toEqual(["review", "review", "review"]);
    await api.request("PATCH", `/api/sites/settings?${ws}`, { allowBatchDelay: true });

    // The batch's second request gets an answer that fails the Analyst's schema.
    anthropic!.queue(
      "analyst",
      { kind: "answer", json: ANSWERS.analyst },
      { kind: "answer", json: { reviewHighlight: "" } },
    );
    const calls = anthropic!.calls.length;
    const report = await api.request<{ mode: string; batchId: string; queued: string[]; skipped: unknown[] }>(
      "POST",
      `/api/sites/regenerate?${ws}`,
      { siteIds, batch: true },
    );
    expect(report).toMatchObject({ mode: "batch", batchId: expect.any(String), skipped: [] });
    expect(report.queued.sort()).toEqual([...siteIds].sort());
    for (const site of await all())
      expect(site).toMatchObject({ status: "queued", stagesCell: "Analyst: queued (batch)" });

    await expect
      .poll(async () => (await all()).map((s) => [s.status, s.version]), { timeout: BATCH_DONE_MS, interval: 1_000 })
      .toEqual([
        ["review", 2],
        ["review", 2],
        ["review", 2],
      ]);
    for (const site of await all()) {
      expect(site.fallback).toBe(false);
      expect(site.stagesCell).toMatch(
        /^Analyst: complete \(batch\), .*\nConcept: complete, .*\nArt Director: complete, .*\nArchitect: complete, /,
      );
      expect(site.stages.map((s) => [s.name, s.status, s.batch])).toEqual([
        ["analyst", "complete", true],
        ["concept", "complete", false],
        ["artDirector", "complete", false],
        ["architect", "complete", false],
      ]);
    }

    // ONE batch of three Analyst requests, one a site.
    expect(anthropic!.batches).toHaveLength(1);
    const [batch] = anthropic!.batches;
    expect(batch!.requests.map((r) => r.agent)).toEqual(["analyst", "analyst", "analyst"]);
    expect(batch!.requests.map((r) => r.custom_id).sort()).toEqual([...siteIds].sort());
    // Outside the batch: the unusable answer asked again once, with its problem, then the later stages.
    const after = anthropic!.calls.slice(calls);
    const analyst = after.filter((c) => c.agent === "analyst");
    expect(analyst).toHaveLength(1);
    expect(analyst[0]!.body.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(String(analyst[0]!.body.messages[2].content)).toMatch(/does not match the schema/);
    for (const agent of ["concept", "artDirector", "architect"] as const)
      expect(after.filter((c) => c.agent === agent)).toHaveLength(3);
  });
});

/**
 * A whole Autopilot cycle through the Worker, as "Run one cycle" runs it: a Workflows instance
 * running every phase over a workspace seeded as the demo is (four territories the sample
 * directory answers, a sender, no provider key: sites from the fallback generator, pitches to
 * the outbox), with small caps so each phase's share shows.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DOWN_KEY } from "../../automation/hunting/sources/test/fake-outscraper-maps";
import { PHASES } from "../../schema/autopilot";
import { getDb } from "../db";
import { autopilotWorkspace, type Cells } from "../test/autopilot";
import { call, json } from "../test/http";
import { recordSpend } from "./spend";

/** Small enough that a cycle leaves work for the next one at every stage. */
const CAPS = {
  territories: 2,
  qualify: 50,
  retrySites: 1,
  generate: 3,
  publish: 2,
  createPitches: 2,
  retryPitches: 1,
  send: 2,
};

const noteOf = (row: Cells) => String(row.Autopilot ?? "");
const by = (cycleId: string) => (row: Cells) => noteOf(row).includes(`cycle ${cycleId}`);

describe("Autopilot — a full cycle", { timeout: 300_000 }, () => {
  it("runs every phase to its capped share, notes each row it touched, and the next cycle goes on from there", async () => {
    const a = await autopilotWorkspace();
    await a.configure({ enabled: false, caps: CAPS });

    const first = await a.runCycle();
    expect(first).toMatchObject({ status: "finished", error: null, pending: [] });
    expect(first.phases.map((p) => p.name)).toEqual([...PHASES]);

    // Scraping: the two highest-priority territories of four, the others left due.
    const territories = await a.rows("Territories");
    const scraped = territories.filter(by(first.id));
    expect(scraped.map((t) => t.Category).sort()).toEqual(["bakery", "plumber"]);
    expect(
      territories
        .filter((t) => t.Status === "pending")
        .map((t) => t.Category)
        .sort(),
    ).toEqual(["hair salon", "roofer"]);

    // Generation: three sites made, two of them published; each site's row names the cycle.
    const sites = await a.rows("Sites");
    expect(sites).toHaveLength(CAPS.generate);
    expect(sites.every(by(first.id))).toBe(true);
    expect(sites.filter((s) => s.Status === "published")).toHaveLength(CAPS.publish);

    // Pitching: each published site's business is pitched in the outbox, or noted as having no email.
    const pitched = await pitchesOf(a, first.id);
    expect(pitched.sent + pitched.noEmail).toBe(CAPS.createPitches);
    expect(pitched.sent).toBeGreaterThan(0);
    expect(pitched.outbox).toHaveLength(pitched.sent);

    // The Cycles row carries the cycle's figures.
    const row = (await a.rows("Cycles")).find((c) => c.Cycle === first.id)!;
    expect(row).toMatchObject({ Status: "finished", Scraped: 2, Generated: 3, Published: 2, Sent: pitched.sent });
    // A business without an email is skipped, not failed: nothing failed in this cycle.
    expect(row.Failed).toBe(0);
    expect(
      String(row.Phases)
        .split("\n")
        .map((line) => line.split(" ")[0]),
    ).toEqual([...PHASES]);
    expect(Number(row["Duration (s)"])).toBeGreaterThan(0);

    // A second cycle takes the next share: the other two territories, three more sites (none for a
    // business that has one), the review left over and one more published, their businesses pitched.
    const second = await a.runCycle();
    expect(second).toMatchObject({ status: "finished", error: null });
    const after = await a.rows("Territories");
    expect(
      after
        .filter(by(second.id))
        .map((t) => t.Category)
        .sort(),
    ).toEqual(["hair salon", "roofer"]);
    expect(after.filter((t) => t.Status === "pending")).toHaveLength(0);
    const sitesAfter = await a.rows("Sites");
    expect(sitesAfter).toHaveLength(2 * CAPS.generate);
    expect(new Set(sitesAfter.map((s) => linked(s.Business)[0])).size).toBe(sitesAfter.length);
    expect(sitesAfter.filter((s) => s.Status === "published")).toHaveLength(2 * CAPS.publish);
    const pitchedAfter = await pitchesOf(a, second.id);
    expect(pitchedAfter.sent + pitchedAfter.noEmail).toBe(CAPS.createPitches);
    expect(pitchedAfter.outbox).toHaveLength(pitched.sent + pitchedAfter.sent);
    expect(new Set(pitchedAfter.outbox.map((m) => m.to)).size).toBe(pitchedAfter.outbox.length);
  });

  it("answers two run requests at once with one cycle and one 409", async () => {
    const a = await autopilotWorkspace();
    await a.configure({ enabled: false, caps: { ...CAPS, territories: 1, generate: 1, publish: 1 } });
    const answers = await Promise.all([a.run(), a.run()]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses[0]).toBeLessThan(300);
    expect(statuses[1]).toBe(409);
    const started = answers.find((r) => r.status < 300)!;
    const { cycleId } = await json<{ cycleId: string }>(started);
    const refused = await json<{ error: string; cycleId: string }>(answers.find((r) => r.status === 409)!);
    expect(refused.cycleId).toBe(cycleId);
    expect((await a.ended(cycleId)).status).toBe("finished");
    expect((await a.status()).cycles.filter((c) => c.id !== cycleId)).toHaveLength(0);
  });
});

/** Territories around the Outscraper stand-in's places, scraped from Outscraper with `key`. */
async function outscraperWorkspace(key: string) {
  const a = await autopilotWorkspace({ query: "plumber", zip: "62701", count: 3 });
  const keyed = await call(a.owner, "PATCH", `${a.base}/settings`, { secrets: { outscraperApiKey: key } });
  if (keyed.status !== 200) throw new Error(`key: ${keyed.status} ${await keyed.text()}`);
  const source = await a.api("PUT", "/hunting/settings", { defaultSource: "outscraper" });
  if (source.status !== 200) throw new Error(`hunting settings: ${source.status} ${await source.text()}`);
  return a;
}

const phaseOf = (cycle: { phases: { name: string }[] }, name: string) => cycle.phases.find((p) => p.name === name)!;

describe("Autopilot — bad days", { timeout: 300_000 }, () => {
  it("ends a cycle whose scraping provider is down throughout in a clear state, and scrapes each territory once when it is back", async () => {
    const a = await outscraperWorkspace(DOWN_KEY);
    await a.configure({ enabled: false, caps: { ...CAPS, territories: 2 } });

    const down = await a.runCycle();
    expect(down.status).toBe("finished");
    expect(phaseOf(down, "scraping")).toMatchObject({ done: 0, failed: 2 });
    const row = (await a.rows("Cycles")).find((c) => c.Cycle === down.id)!;
    expect(row).toMatchObject({ Status: "finished", Scraped: 0 });
    expect(Number(row.Failed)).toBeGreaterThanOrEqual(2);
    expect(String(row.Phases)).toMatch(/scraping 0 done, 2 failed/);
    // Nothing was found, each territory tried says why, and none rests in a cooldown.
    expect(await a.rows("Businesses")).toHaveLength(0);
    const tried = (await a.rows("Territories")).filter(by(down.id));
    expect(tried).toHaveLength(2);
    for (const t of tried) {
      expect(t.Status).not.toBe("cooldown");
      expect(String(t["Last error"])).toMatch(/Outscraper/i);
    }

    // Once the provider is back, the next cycles take the due territory and retry the failed
    // ones (no person needed): every territory scraped once, every business found once.
    const keyed = await call(a.owner, "PATCH", `${a.base}/settings`, { secrets: { outscraperApiKey: "good-key" } });
    expect(keyed.status).toBe(200);
    const next = await a.runCycle();
    expect(phaseOf(next, "scraping")).toMatchObject({ done: 2, failed: 0 });
    const back = await a.runCycle();
    expect(phaseOf(back, "scraping")).toMatchObject({ done: 1, failed: 0 });
    const territories = await a.rows("Territories");
    const scrapedBy = [...territories.filter(by(next.id)), ...territories.filter(by(back.id))].map((t) => t.Name);
    expect(scrapedBy.sort()).toEqual(["plumber 1", "plumber 2", "plumber 3"]);
    expect(territories.every((t) => t.Status === "cooldown")).toBe(true);
    const businesses = await a.rows("Businesses");
    expect(businesses.length).toBeGreaterThan(0);
    expect(new Set(businesses.map((b) => b["Place ID"])).size).toBe(businesses.length);
  });

  it("stops scraping once the day's Outscraper budget is reached, says so and raises the alert once", async () => {
    const a = await outscraperWorkspace("good-key");
    await a.configure({ enabled: false, caps: CAPS, budgets: { outscraper: 1 } });
    await recordSpend({ db: getDb(env.DB), workspaceId: a.ws.id }, "outscraper", 1.25, 100);

    const first = await a.runCycle();
    expect(first.status).toBe("finished");
    expect(phaseOf(first, "scraping")).toMatchObject({ done: 0, failed: 0, skipped: 2 });
    expect((await a.rows("Territories")).filter((t) => t.Status === "cooldown")).toHaveLength(0);
    expect(await a.rows("Businesses")).toHaveLength(0);
    const second = await a.runCycle();
    expect(phaseOf(second, "scraping")).toMatchObject({ done: 0, skipped: 2 });
    const status = await a.status();
    expect(status.spend.find((s) => s.provider === "outscraper")).toMatchObject({ reached: true, budget: 1 });
    const budgetAlerts = status.alerts.filter((alert) => alert.kind === "budget-reached" && !alert.clearedAt);
    expect(budgetAlerts).toHaveLength(1);
  });
});

/** A link cell's row ids. */
const linked = (cell: unknown): string[] => (Array.isArray(cell) ? cell.map(String) : cell ? [String(cell)] : []);

type Outboxed = { to: string; messageId: string };

/** A send is queued: the outbox has it a moment after the cycle has ended. */
const OUTBOX_WAIT_MS = 15_000;

/**
 * What the cycle's pitching did to the businesses of the sites it published: pitched (their email
 * in the outbox, which also holds the owners' report and alert emails) or passed over for having
 * no email (their note says so).
 */
async function pitchesOf(a: Awaited<ReturnType<typeof autopilotWorkspace>>, cycleId: string) {
  const businesses = new Map((await a.rows("Businesses")).map((b) => [b._id, b]));
  const published = (await a.rows("Sites")).filter((s) => s.Status === "published" && by(cycleId)(s));
  const reached = published.map((site) => businesses.get(linked(site.Business)[0]!)!);
  const emails = reached.map((b) => String(b.Email ?? "").toLowerCase()).filter(Boolean);
  const outboxed = async () =>
    (await json<{ messages: Outboxed[] }>(await a.api("GET", "/outbox"))).messages.filter((m) => m.to !== a.ownerEmail);
  await expect
    .poll(async () => (await outboxed()).map((m) => m.to.toLowerCase()), { timeout: OUTBOX_WAIT_MS })
    .toEqual(expect.arrayContaining(emails));
  const noEmail = reached.filter(
    (b) => !b.Email && noteOf(b).startsWith(`Not pitched: the business has no email · cycle ${cycleId}`),
  ).length;
  return { sent: emails.length, noEmail, outbox: await outboxed() };
}

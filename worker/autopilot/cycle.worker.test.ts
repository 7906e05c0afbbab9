/**
 * A whole Autopilot cycle through the Worker, as "Run one cycle" runs it: a Workflows instance
 * running every phase over a workspace seeded as the demo is (four territories the sample
 * directory answers, a sender, no provider key: sites from the fallback generator, pitches to
 * the outbox), with small caps so each phase's share shows.
 */
import { describe, expect, it } from "vitest";
import { PHASES } from "../../schema/autopilot";
import { autopilotWorkspace, type Cells } from "../test/autopilot";
import { json } from "../test/http";

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
    const published = sites.filter((s) => s.Status === "published");
    expect(published).toHaveLength(CAPS.publish);

    // Pitching: two pitches for published sites, sent to the outbox.
    const outbox = await outboxOf(a);
    expect(outbox).toHaveLength(CAPS.send);

    // The Cycles row carries the cycle's figures.
    const cycles = await a.rows("Cycles");
    const row = cycles.find((c) => c.Cycle === first.id)!;
    expect(row).toMatchObject({ Status: "finished", Scraped: 2, Generated: 3, Published: 2, Failed: 0 });
    expect(row.Pitched ?? row.Sent).toBe(2);
    expect(Number(row["Duration (s)"])).toBeGreaterThan(0);

    // A second cycle takes the next share: the other two territories, three more sites, two more pitches.
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
    expect(new Set(sitesAfter.map((s) => String(s.Business))).size).toBe(sitesAfter.length);
    expect(sitesAfter.filter((s) => s.Status === "published")).toHaveLength(2 * CAPS.publish);
    const outboxAfter = await outboxOf(a);
    expect(outboxAfter).toHaveLength(2 * CAPS.send);
    expect(new Set(outboxAfter.map((m) => m.to)).size).toBe(outboxAfter.length);
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
    const refused = await json<{ error: { message: string } }>(answers.find((r) => r.status === 409)!);
    expect(refused.error.message).toMatch(/running/i);
    expect((await a.ended(cycleId)).status).toBe("finished");
    expect((await a.status()).cycles.filter((c) => c.id !== cycleId)).toHaveLength(0);
  });
});

type Outboxed = { to: string; messageId: string };
async function outboxOf(a: Awaited<ReturnType<typeof autopilotWorkspace>>): Promise<Outboxed[]> {
  return (await json<{ messages: Outboxed[] }>(await a.api("GET", "/outbox"))).messages;
}

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../../schema/messaging-api";
import { byKey } from "../../kinds/tables";
import { findMessaging } from "../../messaging/tables";
import { workspaceWithQualified } from "../../test/autopilot-sites";
import { generationPhase } from "./generation";
import { pitchingPhase } from "./pitching";

const BAKERIES = [
  { name: "Alpha Bakery", email: "alpha@bakery.example", rating: 4.9, reviews: 400 },
  { name: "Bravo Bakery", email: "bravo@bakery.example", rating: 4.8, reviews: 300 },
  { name: "Charlie Bakery", email: "charlie@bakery.example", rating: 4.7, reviews: 200 },
  { name: "Delta Bakery", rating: 4.6, reviews: 100 },
];

/** The outbox once it holds `n` emails (the send jobs run on the queue), or an error after `ms`. */
async function outboxOf(outbox: () => Promise<OutboxEntry[]>, n: number, ms = 15_000): Promise<OutboxEntry[]> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const entries = await outbox();
    if (entries.length >= n) return entries;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the outbox did not reach ${n} emails in ${ms} ms`);
}

/** A workspace whose four bakeries have published sites (one without an email). */
async function publishedBakeries() {
  const t = await workspaceWithQualified(BAKERIES);
  const made = await generationPhase(t.context(`cyc_sites_${t.ws.id}`, { caps: { generate: 4, publish: 4 } }));
  expect(made.counts).toMatchObject({ generated: 4, published: 4 });
  return t;
}

describe("Autopilot — the pitching phase", () => {
  it("writes and sends pitches for published sites to the outbox within its caps, and the next cycle goes on", async () => {
    const t = await publishedBakeries();
    const caps = { caps: { createPitches: 2, send: 1 } };

    const first = await pitchingPhase(t.context("cyc_pitch_1", caps));
    expect(first.counts).toEqual({ created: 2, retried: 0, sent: 1 });
    expect(first).toMatchObject({ failed: 0, error: null });
    const [sent] = await outboxOf(t.outbox, 1);
    expect(sent).toMatchObject({ channel: "email", to: "alpha@bakery.example" });
    expect(sent!.subject).toBeTruthy();
    const messages = await t.messageRows();
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.cell("site")).not.toBe("");
      expect(m.cell("autopilot")).toMatch(/^Pitch (written|sent).* · cycle cyc_pitch_1 · /);
    }
    const lead = async (name: string) => (await t.businessRows()).find((b) => b.cell("name") === name)!;
    expect((await lead("Alpha Bakery")).cell("leadStatus")).toBe("pitched");
    expect((await lead("Bravo Bakery")).cell("leadStatus")).toBe("site generated");

    // Run again for the same cycle: the same figures, nothing written or sent twice.
    const again = await pitchingPhase(t.context("cyc_pitch_1", caps));
    expect(again.counts).toEqual(first.counts);
    expect(await t.messageRows()).toHaveLength(2);

    // The next cycle: Charlie's pitch is written, Delta has no email, Bravo's and Charlie's go out.
    const second = await pitchingPhase(t.context("cyc_pitch_2", { caps: { createPitches: 5, send: 5 } }));
    expect(second.counts).toEqual({ created: 1, retried: 0, sent: 2 });
    // A business without an email is left for a person, not a failure (no message-failure alert).
    expect(second).toMatchObject({ failed: 0, causes: { "no email": 1 } });
    expect(second.skipped).toBeGreaterThanOrEqual(1);
    expect((await lead("Delta Bakery")).cell("autopilot")).toMatch(
      /^Not pitched: the business has no email · cycle cyc_pitch_2/,
    );
    const entries = await outboxOf(t.outbox, 3);
    expect(entries.map((e) => e.to).sort()).toEqual([
      "alpha@bakery.example",
      "bravo@bakery.example",
      "charlie@bakery.example",
    ]);

    // Nothing left: Delta is passed over until someone fills its Email.
    const third = await pitchingPhase(t.context("cyc_pitch_3", { caps: { createPitches: 5, send: 5 } }));
    expect(third).toMatchObject({ done: 0, failed: 0, skipped: 0 });
    expect(await t.messageRows()).toHaveLength(3);
  }, 180_000);

  it("stops sending when today's email budget is reached, leaving the drafts for later", async () => {
    const t = await publishedBakeries();
    const stopped = await pitchingPhase(
      t.context("cyc_budget", { caps: { createPitches: 1, send: 5 }, budgets: { email: 0 } }),
    );
    expect(stopped.counts).toEqual({ created: 1, retried: 0, sent: 0 });
    expect(stopped.skipped).toBeGreaterThanOrEqual(1);
    expect(stopped.error).toMatch(/email budget for today is reached/);
    const [draft] = await t.messageRows();
    expect(draft!.cell("status")).toBe("draft");
  }, 180_000);

  it("sends a failed pitch again, and counts a suppressed address by its cause", async () => {
    const t = await publishedBakeries();
    const written = await pitchingPhase(t.context("cyc_retry_1", { caps: { createPitches: 3, send: 0 } }));
    expect(written.counts).toEqual({ created: 3, retried: 0, sent: 0 });
    const messaging = (await findMessaging(env, t.db, t.ws.id))!;
    const rows = await t.messageRows();
    const to = (address: string) => rows.find((m) => m.cell("to") === address)!.id;
    const failed = await messaging.messages.room.patchRow(
      to("alpha@bakery.example"),
      byKey(messaging.messages, { status: "failed", error: "The provider answered 503" }),
      { kind: "automation", job: "test" },
    );
    expect(failed.ok).toBe(true);
    const suppressed = await messaging.suppressions.room.insertRow(
      byKey(messaging.suppressions, { address: "bravo@bakery.example", reason: "unsubscribed" }),
      { kind: "automation", job: "test" },
    );
    expect(suppressed.ok).toBe(true);

    const sent = await pitchingPhase(
      t.context("cyc_retry_2", { caps: { createPitches: 0, retryPitches: 5, send: 5 } }),
    );
    expect(sent.counts).toEqual({ created: 0, retried: 1, sent: 1 });
    expect(sent).toMatchObject({ failed: 0, causes: { suppressed: 1 } });
    expect(sent.skipped).toBeGreaterThanOrEqual(1);
    const entries = await outboxOf(t.outbox, 2);
    expect(entries.map((e) => e.to).sort()).toEqual(["alpha@bakery.example", "charlie@bakery.example"]);
    const bravo = (await t.messageRows()).find((m) => m.id === to("bravo@bakery.example"))!;
    expect(bravo.cell("status")).toBe("suppressed");
    expect(bravo.cell("autopilot")).toMatch(/^Pitch not sent: the address is suppressed · cycle cyc_retry_2/);
  }, 180_000);
});

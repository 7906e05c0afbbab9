import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { CapRule, JourneyChannel } from "../../schema/journeys";
import { releaseTouch, reserveTouch } from "./caps-store";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);
const THREE_A_WEEK: CapRule = { channel: "any", max: 3, perDays: 7, over: "defer" };
const SMS_ONE_A_WEEK_DROP: CapRule = { channel: "sms", max: 1, perDays: 7, over: "drop" };

/** A fresh lead, and a way to reserve a message to it from a journey. */
function lead() {
  const rowId = crypto.randomUUID();
  const reserve = (
    journeyId: string,
    opts: { channel?: JourneyChannel; rules?: CapRule[]; now?: number; scale?: number; id?: string } = {},
  ) =>
    reserveTouch(env.DB, {
      id: opts.id ?? crypto.randomUUID(),
      workspaceId: "ws-caps",
      tableId: "leads",
      rowId,
      channel: opts.channel ?? "email",
      journeyId,
      enrollmentId: `${journeyId}:${rowId}`,
      rules: opts.rules ?? [THREE_A_WEEK],
      now: opts.now ?? NOW,
      scale: opts.scale ?? 86_400,
    });
  const touches = async () =>
    (
      await env.DB.prepare("SELECT journey_id, channel, at FROM lead_touch WHERE row_id = ?1 ORDER BY at")
        .bind(rowId)
        .all<{ journey_id: string; channel: string; at: number }>()
    ).results;
  return { reserve, touches };
}

describe("frequency caps in D1 — across journeys and Worker instances", () => {
  it("lets exactly 3 of 5 simultaneous sends through a cap of 3 in 7 days, deferring the rest", async () => {
    const l = lead();
    const decisions = await Promise.all(["j1", "j2", "j3", "j4", "j5"].map((j) => l.reserve(j)));
    expect(decisions.filter((d) => d.ok)).toHaveLength(3);
    const held = decisions.filter((d) => !d.ok);
    expect(held).toHaveLength(2);
    for (const d of held)
      expect(d).toMatchObject({ over: "defer", nextAt: NOW + 7 * DAY, reason: "3 messages in 7 days" });
    expect(await l.touches()).toHaveLength(3);
  });

  it("counts two journeys' messages together", async () => {
    const l = lead();
    expect((await l.reserve("welcome", { now: NOW - 2 * DAY })).ok).toBe(true);
    expect((await l.reserve("welcome", { now: NOW - DAY, channel: "sms" })).ok).toBe(true);
    expect((await l.reserve("offer", { now: NOW - DAY / 2 })).ok).toBe(true);
    const fourth = await l.reserve("offer");
    expect(fourth).toMatchObject({ ok: false, over: "defer", nextAt: NOW + 5 * DAY });
    expect((await l.touches()).map((t) => t.journey_id)).toEqual(["welcome", "welcome", "offer"]);
    // Once the first has left the week, the deferred message fits.
    expect((await l.reserve("offer", { now: NOW + 5 * DAY })).ok).toBe(true);
  });

  it("drops a second SMS in a week under a drop rule, recording nothing, while email still goes", async () => {
    const l = lead();
    const rules = [THREE_A_WEEK, SMS_ONE_A_WEEK_DROP];
    expect((await l.reserve("j1", { channel: "sms", rules })).ok).toBe(true);
    const second = await l.reserve("j2", { channel: "sms", rules, now: NOW + DAY });
    expect(second).toEqual({
      ok: false,
      over: "drop",
      nextAt: null,
      rule: SMS_ONE_A_WEEK_DROP,
      reason: "1 SMS in 7 days",
    });
    expect((await l.reserve("j2", { channel: "email", rules, now: NOW + DAY })).ok).toBe(true);
    expect((await l.touches()).map((t) => t.channel)).toEqual(["sms", "email"]);
  });

  it("counts windows in seconds in a compressed run", async () => {
    const l = lead();
    for (const [i, j] of ["a", "b", "c"].entries())
      expect((await l.reserve(j, { now: NOW + i * 1000, scale: 1 })).ok).toBe(true);
    expect(await l.reserve("d", { now: NOW + 3000, scale: 1 })).toMatchObject({ over: "defer", nextAt: NOW + 7000 });
    expect((await l.reserve("d", { now: NOW + 7000, scale: 1 })).ok).toBe(true);
  });

  it("gives a place back when the message never left", async () => {
    const l = lead();
    await Promise.all(["a", "b", "c"].map((j) => l.reserve(j, { id: `touch-${j}-${crypto.randomUUID()}` })));
    expect((await l.reserve("d")).ok).toBe(false);
    const [b] = (
      await env.DB.prepare(
        "SELECT id FROM lead_touch WHERE journey_id = 'b' AND id LIKE 'touch-b-%' ORDER BY at DESC",
      ).all<{ id: string }>()
    ).results;
    await releaseTouch(env.DB, b!.id);
    expect((await l.touches()).map((t) => t.journey_id).sort()).toEqual(["a", "c"]);
    expect((await l.reserve("d")).ok).toBe(true);
  });

  it("reserves once for a step that is retried, even when the cap is full by then", async () => {
    const l = lead();
    expect((await l.reserve("a", { id: "step-1" })).ok).toBe(true);
    await Promise.all(["b", "c"].map((j) => l.reserve(j)));
    expect((await l.reserve("a", { id: "step-1", now: NOW + 5 })).ok).toBe(true);
    expect(await l.touches()).toHaveLength(3);
  });

  it("records every send when there are no rules", async () => {
    const l = lead();
    const decisions = await Promise.all([1, 2, 3, 4].map(() => l.reserve("j", { rules: [] })));
    expect(decisions.every((d) => d.ok)).toBe(true);
    expect(await l.touches()).toHaveLength(4);
  });
});

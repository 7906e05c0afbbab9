/**
 * Frequency caps per lead, across every journey and channel: given the messages a lead was sent
 * (`Touch`es from D1's `lead_touch`) and the rules that hold (the workspace's plus the journey's),
 * may one more go on `channel` now? If not, it is dropped (a `drop` rule is over) or deferred to
 * the first moment every rule allows it again.
 */
import type { CapRule, JourneyChannel } from "../../schema/journeys";

/** A message a journey sent to a lead. */
export type Touch = { channel: string; at: number };

export type CapDecision =
  | { ok: true }
  | { ok: false; over: "defer" | "drop"; nextAt: number | null; rule: CapRule; reason: string };

/** Seconds in a day: rules in days count real days unless a compressed run passes 1. */
export const SECONDS_PER_DAY = 86_400;
/** A compressed window never shrinks below a second (the Workflows sleep granularity). */
const MIN_WINDOW_MS = 1000;
/**
 * Each round of the deferral search moves past at least one touch, so it ends within the
 * history's length; this bound only guards against a history too long to be real.
 */
const MAX_ROUNDS = 1000;

/** How long a rule looks back, ms. */
export function capWindowMs(rule: CapRule, scale = SECONDS_PER_DAY): number {
  const seconds = rule.perSeconds ?? (rule.perDays ?? 1) * scale;
  return Math.max(MIN_WINDOW_MS, Math.round(seconds * 1000));
}

/** Whether a rule counts a send on `channel` ("any" rules count every channel). */
export function capApplies(rule: CapRule, channel: string): boolean {
  return rule.channel === "any" || rule.channel === channel;
}

const NOUNS: Record<CapRule["channel"], [string, string]> = {
  any: ["message", "messages"],
  email: ["email", "emails"],
  sms: ["SMS", "SMS"],
  chat: ["chat message", "chat messages"],
};

/** The rule in words: "3 messages in 7 days", "1 SMS in 7 days", "2 emails in 30 seconds". */
export function describeCap(rule: CapRule): string {
  const [one, many] = NOUNS[rule.channel];
  const count = `${rule.max} ${rule.max === 1 ? one : many}`;
  if (rule.perSeconds !== undefined) return `${count} in ${rule.perSeconds} second${rule.perSeconds === 1 ? "" : "s"}`;
  const days = rule.perDays ?? 1;
  return `${count} in ${days} day${days === 1 ? "" : "s"}`;
}

/** Touches a rule counts at `at`, oldest first: those of its channel in (at − window, at]. */
function inWindow(rule: CapRule, history: Touch[], at: number, windowMs: number): number[] {
  const times: number[] = [];
  for (const touch of history) {
    if (touch.at > at - windowMs && touch.at <= at && capApplies(rule, touch.channel)) times.push(touch.at);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Whether one more message may go to a lead on `channel` at `now` (ms), given its `history`.
 * `scale` is seconds per day: 86,400, or 1 in a compressed run (a 7-day rule looks back 7 s).
 * @example capDecision([{ channel: "any", max: 3, perDays: 7, over: "defer" }], touches, "email", Date.now())
 */
export function capDecision(
  rules: CapRule[],
  history: Touch[],
  channel: JourneyChannel,
  now: number,
  scale = SECONDS_PER_DAY,
): CapDecision {
  const applicable = rules
    .filter((rule) => capApplies(rule, channel))
    .map((rule) => ({ rule, windowMs: capWindowMs(rule, scale) }));
  const violatedAt = (at: number) =>
    applicable.flatMap(({ rule, windowMs }) => {
      const times = inWindow(rule, history, at, windowMs);
      if (times.length < rule.max) return [];
      // The moment enough old touches have left the window for one more to fit.
      const freeAt = times[times.length - rule.max]! + windowMs;
      return [{ rule, freeAt }];
    });

  const first = violatedAt(now);
  if (first.length === 0) return { ok: true };
  const drop = first.find(({ rule }) => rule.over === "drop");
  if (drop) return { ok: false, over: "drop", nextAt: null, rule: drop.rule, reason: describeCap(drop.rule) };

  const binding = first.reduce((a, b) => (b.freeAt > a.freeAt ? b : a));
  // Freed by one rule may still be held by another (1 a day, then 3 a week): look again there.
  let nextAt = binding.freeAt;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const still = violatedAt(nextAt);
    if (still.length === 0) break;
    nextAt = Math.max(...still.map((v) => v.freeAt));
  }
  return { ok: false, over: "defer", nextAt, rule: binding.rule, reason: describeCap(binding.rule) };
}

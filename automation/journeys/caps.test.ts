import { describe, expect, it } from "vitest";
import type { CapRule } from "../../schema/journeys";
import { type CapDecision, capDecision, describeCap, type Touch } from "./caps";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0);

const rule = (r: Partial<CapRule> & Pick<CapRule, "max">): CapRule => ({ channel: "any", over: "defer", ...r });
const THREE_A_WEEK = rule({ max: 3, perDays: 7 });
const ONE_A_DAY = rule({ max: 1, perDays: 1 });
const SMS_ONE_A_WEEK = rule({ channel: "sms", max: 1, perDays: 7 });

const touch = (daysAgo: number, channel = "email"): Touch => ({ channel, at: NOW - daysAgo * DAY });
const deferredTo = (d: CapDecision) => (d.ok ? "sent" : d.over === "defer" ? d.nextAt : "dropped");

describe("frequency caps — 3 messages in 7 days", () => {
  it("lets the third message of a week go and defers the fourth until the oldest leaves the week", () => {
    expect(capDecision([THREE_A_WEEK], [touch(5), touch(3)], "email", NOW)).toEqual({ ok: true });
    const d = capDecision([THREE_A_WEEK], [touch(5), touch(3), touch(2)], "sms", NOW);
    expect(d).toMatchObject({ ok: false, over: "defer", reason: "3 messages in 7 days" });
    expect(deferredTo(d)).toBe(NOW + 2 * DAY);
  });

  it("counts touches of every channel and journey together", () => {
    const d = capDecision([THREE_A_WEEK], [touch(1, "email"), touch(1, "sms"), touch(1, "chat")], "email", NOW);
    expect(d.ok).toBe(false);
  });

  it("no longer counts a touch exactly a window old, and counts one made just now", () => {
    expect(capDecision([THREE_A_WEEK], [touch(7), touch(1), touch(1)], "email", NOW).ok).toBe(true);
    expect(capDecision([THREE_A_WEEK], [touch(6.99), touch(1), touch(0)], "email", NOW).ok).toBe(false);
  });

  it("defers to when enough touches have left, with more touches in the window than the cap", () => {
    const d = capDecision([THREE_A_WEEK], [touch(6), touch(5), touch(4), touch(1)], "email", NOW);
    // Two must leave for a fourth to fit: the one from 5 days ago leaves in 2 days.
    expect(deferredTo(d)).toBe(NOW + 2 * DAY);
  });
});

describe("frequency caps — per channel and mixed rules", () => {
  it("holds SMS at one a week without holding email", () => {
    const history = [touch(3, "sms")];
    expect(capDecision([SMS_ONE_A_WEEK], history, "email", NOW).ok).toBe(true);
    const d = capDecision([SMS_ONE_A_WEEK], history, "sms", NOW);
    expect(d).toMatchObject({ ok: false, reason: "1 SMS in 7 days" });
    expect(deferredTo(d)).toBe(NOW + 4 * DAY);
  });

  it("defers to the latest moment any held rule frees: '1 a day' and '3 a week' together", () => {
    const weekBinds = capDecision([ONE_A_DAY, THREE_A_WEEK], [touch(6.9), touch(4), touch(0.2)], "email", NOW);
    // 3 a week frees in 0.1 days (the 6.9-day-old touch leaves), 1 a day only in 0.8.
    expect(deferredTo(weekBinds)).toBe(NOW + 0.8 * DAY);
    expect(weekBinds).toMatchObject({ rule: ONE_A_DAY, reason: "1 message in 1 day" });
    const held = capDecision([ONE_A_DAY, THREE_A_WEEK], [touch(6.2), touch(4), touch(0.9)], "email", NOW);
    // 1 a day frees in 0.1 days, but 3 a week holds until the 6.2-day-old touch leaves, in 0.8 days.
    expect(deferredTo(held)).toBe(NOW + 0.8 * DAY);
    expect(held).toMatchObject({ rule: THREE_A_WEEK, reason: "3 messages in 7 days" });
  });

  it("looks again at the moment it found: a touch already booked for later holds it further", () => {
    const booked = { channel: "email", at: NOW + 0.3 * DAY };
    const d = capDecision([ONE_A_DAY], [touch(0.5), booked], "email", NOW);
    // Free of the touch of 12 hours ago in 12 hours, but the one booked in 7.2 hours then counts.
    expect(deferredTo(d)).toBe(NOW + 1.3 * DAY);
  });

  it("drops when a violated rule says drop, even when another only defers", () => {
    const drop = rule({ channel: "sms", max: 1, perDays: 7, over: "drop" });
    const d = capDecision([THREE_A_WEEK, drop], [touch(1, "sms"), touch(1), touch(1)], "sms", NOW);
    expect(d).toMatchObject({ ok: false, over: "drop", nextAt: null, rule: drop, reason: "1 SMS in 7 days" });
    expect(capDecision([THREE_A_WEEK, drop], [touch(1, "sms"), touch(1), touch(1)], "email", NOW)).toMatchObject({
      over: "defer",
    });
  });

  it("sends freely with no rules or no history", () => {
    expect(capDecision([], [touch(0), touch(0), touch(0)], "email", NOW)).toEqual({ ok: true });
    expect(capDecision([THREE_A_WEEK, ONE_A_DAY, SMS_ONE_A_WEEK], [], "sms", NOW)).toEqual({ ok: true });
  });
});

describe("frequency caps — compressed and in seconds", () => {
  it("counts a 7-day rule as 7 seconds when compressed", () => {
    const history = [
      { channel: "email", at: NOW - 6000 },
      { channel: "email", at: NOW - 5000 },
      { channel: "sms", at: NOW - 1000 },
    ];
    const d = capDecision([THREE_A_WEEK], history, "email", NOW, 1);
    expect(d).toMatchObject({ over: "defer", nextAt: NOW + 1000 });
    expect(capDecision([THREE_A_WEEK], history, "email", NOW + 1000, 1).ok).toBe(true);
  });

  it("takes perSeconds as given, whatever the scale", () => {
    const perMinute = rule({ max: 2, perSeconds: 60 });
    expect(describeCap(perMinute)).toBe("2 messages in 60 seconds");
    const history = [
      { channel: "chat", at: NOW - 50_000 },
      { channel: "chat", at: NOW - 10_000 },
    ];
    expect(capDecision([perMinute], history, "chat", NOW, 1)).toMatchObject({ nextAt: NOW + 10_000 });
  });
});

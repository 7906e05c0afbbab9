import { describe, expect, it } from "vitest";
import { DEFAULT_PACE, nextInWindow, nextSendTime, PaceError, type PaceState, warmUpSchedule } from "./pace";

const WEEKDAYS_9_TO_5 = DEFAULT_PACE.window;
const at = (iso: string) => new Date(iso);

/** A sender established long ago, nothing sent today, in a workspace on Chicago time. */
function state(overrides: Partial<PaceState> = {}, settings: Partial<PaceState["settings"]> = {}): PaceState {
  return {
    settings: { ...DEFAULT_PACE, warmUp: null, zone: "America/Chicago", ...settings },
    senderStartedAt: at("2026-01-01T12:00:00Z"),
    senderSentToday: 0,
    workspaceSentToday: 0,
    lastSentAt: null,
    ...overrides,
  };
}

describe("pace — sending windows in the recipient's zone", () => {
  it("waits for the window to open, sends inside it, and moves past its end to the next weekday", () => {
    // Monday 2026-12-07 in Chicago (UTC-6).
    expect(nextInWindow(at("2026-12-07T14:00:00Z"), "America/Chicago", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-12-07T15:00:00Z"),
    );
    expect(nextInWindow(at("2026-12-07T18:20:00Z"), "America/Chicago", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-12-07T18:20:00Z"),
    );
    expect(nextInWindow(at("2026-12-07T23:30:00Z"), "America/Chicago", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-12-08T15:00:00Z"),
    );
    // Friday 18:00 → Monday 09:00.
    expect(nextInWindow(at("2026-12-12T00:00:00Z"), "America/Chicago", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-12-14T15:00:00Z"),
    );
  });

  it("counts the recipient's day, not ours, across midnight", () => {
    // Monday 23:30 UTC is already Tuesday 08:30 in Tokyo: Tuesday 09:00 there is 30 minutes away.
    expect(nextInWindow(at("2026-12-07T23:30:00Z"), "Asia/Tokyo", WEEKDAYS_9_TO_5)).toEqual(at("2026-12-08T00:00:00Z"));
    // Saturday 00:30 UTC is still Friday 16:30 in Los Angeles: inside Friday's window.
    expect(nextInWindow(at("2026-12-12T00:30:00Z"), "America/Los_Angeles", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-12-12T00:30:00Z"),
    );
    // Saturday 08:00 UTC is Saturday 17:00 in Tokyo: the next window is Monday 09:00 Tokyo.
    expect(nextInWindow(at("2026-12-12T08:00:00Z"), "Asia/Tokyo", WEEKDAYS_9_TO_5)).toEqual(at("2026-12-14T00:00:00Z"));
  });

  it("keeps a window that runs past midnight open after midnight", () => {
    const nights = { start: "22:00", end: "02:00", days: [1] };
    // Tuesday 01:00 in Chicago: Monday's night window is still open.
    expect(nextInWindow(at("2026-12-08T07:00:00Z"), "America/Chicago", nights)).toEqual(at("2026-12-08T07:00:00Z"));
    // Tuesday 03:00: closed until next Monday 22:00.
    expect(nextInWindow(at("2026-12-08T09:00:00Z"), "America/Chicago", nights)).toEqual(at("2026-12-15T04:00:00Z"));
  });

  it("opens at 09:00 local on both sides of a daylight-saving change", () => {
    // New York springs forward on Sunday 2026-03-08: Friday 09:00 is 14:00 UTC, Monday 09:00 is 13:00 UTC.
    expect(nextInWindow(at("2026-03-06T13:00:00Z"), "America/New_York", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-03-06T14:00:00Z"),
    );
    expect(nextInWindow(at("2026-03-06T23:00:00Z"), "America/New_York", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-03-09T13:00:00Z"),
    );
    // Berlin falls back on Sunday 2026-10-25: Monday 09:00 is 08:00 UTC, not 07:00.
    expect(nextInWindow(at("2026-10-23T16:00:00Z"), "Europe/Berlin", WEEKDAYS_9_TO_5)).toEqual(
      at("2026-10-26T08:00:00Z"),
    );
  });

  it("uses the new offset on the day of the change itself", () => {
    const everyDay = { ...WEEKDAYS_9_TO_5, days: [0, 1, 2, 3, 4, 5, 6] };
    // Sunday 2026-03-08 09:00 in New York is already daylight time (13:00 UTC) …
    expect(nextInWindow(at("2026-03-08T08:00:00Z"), "America/New_York", everyDay)).toEqual(at("2026-03-08T13:00:00Z"));
    // … and Sunday 2026-11-01 09:00 already standard time (14:00 UTC).
    expect(nextInWindow(at("2026-11-01T08:00:00Z"), "America/New_York", everyDay)).toEqual(at("2026-11-01T14:00:00Z"));
  });

  it("opens a window whose start falls in the skipped hour at the same distance past the change", () => {
    const early = { start: "02:30", end: "04:00", days: [0] };
    // 02:30 never happens in New York on 2026-03-08; 03:30 EDT (07:30 UTC) does.
    expect(nextInWindow(at("2026-03-07T12:00:00Z"), "America/New_York", early)).toEqual(at("2026-03-08T07:30:00Z"));
  });

  it("refuses a zone that does not exist and a malformed window", () => {
    expect(() => nextInWindow(at("2026-12-07T14:00:00Z"), "Mars/Olympus", WEEKDAYS_9_TO_5)).toThrow(PaceError);
    expect(() => nextInWindow(at("2026-12-07T14:00:00Z"), "UTC", { ...WEEKDAYS_9_TO_5, start: "9am" })).toThrow(
      /HH:MM/,
    );
    expect(() => nextInWindow(at("2026-12-07T14:00:00Z"), "UTC", { ...WEEKDAYS_9_TO_5, days: [] })).toThrow(/empty/);
  });
});

describe("pace — spacing, caps and Send now", () => {
  const monday10am = at("2026-12-07T16:00:00Z");

  it("sends now inside the window, or after the spacing since the last send", () => {
    expect(nextSendTime(state(), monday10am, "America/Chicago")).toEqual({ ok: true, at: monday10am });
    const lastSentAt = at("2026-12-07T15:59:30Z");
    expect(nextSendTime(state({ lastSentAt }), monday10am, "America/Chicago")).toEqual({
      ok: true,
      at: at("2026-12-07T16:01:00Z"),
    });
  });

  it("uses the workspace's zone when the recipient's is unknown", () => {
    expect(nextSendTime(state(), at("2026-12-07T13:00:00Z"), null)).toEqual({
      ok: true,
      at: at("2026-12-07T15:00:00Z"),
    });
  });

  it("lets Send now skip the window and the spacing", () => {
    const sunday = at("2026-12-06T08:00:00Z");
    const decision = nextSendTime(state({ lastSentAt: at("2026-12-06T07:59:59Z") }), sunday, "Asia/Tokyo", {
      sendNow: true,
    });
    expect(decision).toEqual({ ok: true, at: sunday });
  });

  it("stops at the sender's cap and says when sending resumes: tomorrow, in the window", () => {
    const decision = nextSendTime(state({ senderSentToday: 200 }), monday10am, "America/Chicago");
    expect(decision).toMatchObject({ ok: false, reason: "sender_cap", limit: 200, nextAt: at("2026-12-08T15:00:00Z") });
    if (!decision.ok)
      expect(decision.message).toBe(
        "Today's this sender's daily cap of 200 is reached; next send at 2026-12-08T15:00:00.000Z.",
      );
  });

  it("stops at the workspace's cap, even for Send now (resuming at the workspace's midnight)", () => {
    const decision = nextSendTime(state({ workspaceSentToday: 500 }), monday10am, "America/Chicago", { sendNow: true });
    expect(decision).toMatchObject({
      ok: false,
      reason: "workspace_cap",
      limit: 500,
      nextAt: at("2026-12-08T06:00:00Z"),
    });
  });

  it("sends up to one below the cap", () => {
    expect(nextSendTime(state({ senderSentToday: 199, workspaceSentToday: 499 }), monday10am, null).ok).toBe(true);
  });
});

describe("pace — warm-up", () => {
  const warm = { warmUp: { startPerDay: 20, doubleEveryDays: 3 } };
  const startedAt = at("2026-12-07T15:00:00Z");

  it("limits a new sender to 20 a day, then 40 from its fourth day", () => {
    const first = nextSendTime(
      state({ senderStartedAt: startedAt, senderSentToday: 20 }, warm),
      at("2026-12-07T20:00:00Z"),
      null,
    );
    expect(first).toMatchObject({ ok: false, reason: "warm_up", limit: 20 });
    const fourth = at("2026-12-10T20:00:00Z");
    expect(nextSendTime(state({ senderStartedAt: startedAt, senderSentToday: 20 }, warm), fourth, null).ok).toBe(true);
    expect(nextSendTime(state({ senderStartedAt: startedAt, senderSentToday: 40 }, warm), fourth, null)).toMatchObject({
      ok: false,
      reason: "warm_up",
      limit: 40,
    });
  });

  it("shows the ramp as dated steps, doubling every 3 days up to the cap", () => {
    expect(warmUpSchedule(state({}, warm).settings, startedAt)).toEqual([
      { from: "2026-12-07", to: "2026-12-09", perDay: 20 },
      { from: "2026-12-10", to: "2026-12-12", perDay: 40 },
      { from: "2026-12-13", to: "2026-12-15", perDay: 80 },
      { from: "2026-12-16", to: "2026-12-18", perDay: 160 },
      { from: "2026-12-19", to: null, perDay: 200 },
    ]);
  });

  it("has a one-step schedule for an established sender", () => {
    expect(warmUpSchedule(state().settings, startedAt)).toEqual([{ from: "2026-12-07", to: null, perDay: 200 }]);
  });
});

import { describe, expect, it } from "vitest";
import type { CycleRecord } from "../../schema/autopilot";
import { age, cycleDuration, cycleProgress, duration, stageHref } from "./format";

const NOW = new Date("2026-01-01T12:00:00Z");

const cycle = (over: Partial<CycleRecord>): CycleRecord => ({
  id: "cyc_abcdefgh",
  status: "running",
  trigger: "button",
  startedAt: "2026-01-01T11:58:00Z",
  finishedAt: null,
  phases: [],
  pending: [],
  error: null,
  rowId: null,
  ...over,
});

describe("the dashboard's words for time", () => {
  it("says ages the way people read them", () => {
    expect(age("2026-01-01T11:59:30Z", NOW)).toBe("just now");
    expect(age("2026-01-01T11:48:00Z", NOW)).toBe("12 min");
    expect(age("2026-01-01T09:00:00Z", NOW)).toBe("3 h");
    expect(age("2025-12-30T12:00:00Z", NOW)).toBe("2 d");
  });

  it("says durations in seconds, minutes and hours", () => {
    expect(duration(45_000)).toBe("45 s");
    expect(duration(200_000)).toBe("3 min 20 s");
    expect(duration(7_500_000)).toBe("2 h 5 min");
    expect(cycleDuration(cycle({}), NOW)).toBe("2 min");
    expect(cycleDuration(cycle({ finishedAt: "2026-01-01T11:58:30Z" }), NOW)).toBe("30 s");
  });
});

describe("a running cycle's progress", () => {
  it("is the share of its phases that finished", () => {
    const done = { done: 1, failed: 0, skipped: 0, error: null };
    expect(
      cycleProgress(cycle({ phases: [{ name: "health", ...done }], pending: ["cleanup", "scraping", "report"] })),
    ).toBe(0.25);
    expect(cycleProgress(cycle({}))).toBe(1);
  });
});

describe("a funnel number's link", () => {
  it("opens the table with the stage's filter", () => {
    expect(stageHref("demo", { tableId: "t1", filter: { columnKey: "published", op: "notEmpty" } })).toBe(
      "/w/demo/t/t1?filter=published%3AnotEmpty%3A",
    );
    expect(stageHref("demo", { tableId: "t1", filter: null })).toBe("/w/demo/t/t1");
    expect(stageHref("demo", null)).toBeNull();
  });
});

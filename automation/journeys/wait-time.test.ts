import { describe, expect, it } from "vitest";
import { nextTimeOfDay, waitMs } from "./wait-time";

describe("journey waits — durations", () => {
  it("waits the seconds a definition names", () => {
    expect(waitMs(90, false)).toBe(90_000);
  });

  it("counts a day as a second in a compressed run, never less than a second", () => {
    expect(waitMs(2 * 86_400, true)).toBe(2000);
    expect(waitMs(5, true)).toBe(1000);
  });
});

describe("journey waits — the next time of day in the lead's zone", () => {
  it("is later today when the time has not come yet", () => {
    const now = Date.parse("2026-03-02T12:00:00Z"); // 06:00 in Chicago
    expect(new Date(nextTimeOfDay(now, "America/Chicago", "09:00")).toISOString()).toBe("2026-03-02T15:00:00.000Z");
  });

  it("is tomorrow when the time has passed, in each zone's own clock", () => {
    const now = Date.parse("2026-03-02T12:00:00Z"); // 21:00 in Tokyo
    expect(new Date(nextTimeOfDay(now, "Asia/Tokyo", "09:00")).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(new Date(nextTimeOfDay(now, "UTC", "12:00")).toISOString()).toBe("2026-03-03T12:00:00.000Z");
  });
});

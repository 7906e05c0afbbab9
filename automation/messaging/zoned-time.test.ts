import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isTimeZone, localTime, weekday, zonedInstant } from "./zoned-time";

describe("zoned time", () => {
  it("reads the recipient's date and minute of an instant", () => {
    expect(localTime(new Date("2026-12-07T23:30:00Z"), "Asia/Tokyo")).toEqual({
      date: { year: 2026, month: 12, day: 8 },
      minute: 8 * 60 + 30,
    });
  });

  it("gives the first of a reading that happens twice when clocks go back", () => {
    // 01:30 on 2026-11-01 in New York: first in daylight time (05:30 UTC), then standard (06:30).
    expect(zonedInstant({ year: 2026, month: 11, day: 1 }, 90, "America/New_York")).toEqual(
      new Date("2026-11-01T05:30:00Z"),
    );
  });

  it("counts calendar days and weekdays across months and years", () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(daysBetween({ year: 2026, month: 2, day: 27 }, { year: 2026, month: 3, day: 2 })).toBe(3);
    expect(weekday({ year: 2026, month: 12, day: 6 })).toBe(0);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

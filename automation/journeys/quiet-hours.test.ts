import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours";

const NIGHT = { from: "21:00", to: "08:00" };
const LUNCH = { from: "12:00", to: "13:00" };
const at = (iso: string) => Date.parse(iso);
const until = (iso: string, zone: string, quiet = NIGHT) => {
  const end = quietUntil(at(iso), zone, quiet);
  return end === null ? null : new Date(end).toISOString();
};

describe("quiet hours — across midnight in the lead's zone", () => {
  it("holds the same instant in Los Angeles (evening) but not in Tokyo (afternoon)", () => {
    const instant = "2026-12-07T05:30:00.000Z";
    // 21:30 on Dec 6 in Los Angeles: quiet until 08:00 PST the next morning.
    expect(until(instant, "America/Los_Angeles")).toBe("2026-12-07T16:00:00.000Z");
    // 14:30 in Tokyo.
    expect(until(instant, "Asia/Tokyo")).toBeNull();
  });

  it("holds before and after midnight in Berlin until 08:00 there", () => {
    expect(until("2026-12-07T22:00:00.000Z", "Europe/Berlin")).toBe("2026-12-08T07:00:00.000Z");
    expect(until("2026-12-07T05:00:00.000Z", "Europe/Berlin")).toBe("2026-12-07T07:00:00.000Z");
    expect(until("2026-12-07T12:00:00.000Z", "Europe/Berlin")).toBeNull();
  });

  it("starts at `from` and ends at `to` exactly", () => {
    // Tokyo is UTC+9 all year.
    expect(until("2026-12-07T12:00:00.000Z", "Asia/Tokyo")).toBe("2026-12-07T23:00:00.000Z"); // 21:00
    expect(until("2026-12-07T11:59:00.000Z", "Asia/Tokyo")).toBeNull(); // 20:59
    expect(until("2026-12-07T22:59:59.000Z", "Asia/Tokyo")).toBe("2026-12-07T23:00:00.000Z"); // 07:59:59
    expect(until("2026-12-07T23:00:00.000Z", "Asia/Tokyo")).toBeNull(); // 08:00
  });

  it("ends at 08:00 local on the night clocks spring forward", () => {
    // Los Angeles, 2026-03-07 22:00 PST; clocks go to PDT at 02:00, so 08:00 is 15:00 UTC, not 16:00.
    expect(until("2026-03-08T06:00:00.000Z", "America/Los_Angeles")).toBe("2026-03-08T15:00:00.000Z");
    // Berlin, 2026-03-28 23:00 CET; CEST from 02:00 on the 29th, so 08:00 is 06:00 UTC.
    expect(until("2026-03-28T22:00:00.000Z", "Europe/Berlin")).toBe("2026-03-29T06:00:00.000Z");
  });

  it("ends at 08:00 local on the night clocks fall back", () => {
    // Los Angeles, 2026-10-31 23:00 PDT; PST from 02:00 on Nov 1, so 08:00 is 16:00 UTC.
    expect(until("2026-11-01T06:00:00.000Z", "America/Los_Angeles")).toBe("2026-11-01T16:00:00.000Z");
  });
});

describe("quiet hours — within a day, or none", () => {
  it("holds a lunch hour and nothing else", () => {
    expect(until("2026-12-07T03:30:00.000Z", "Asia/Tokyo", LUNCH)).toBe("2026-12-07T04:00:00.000Z");
    expect(until("2026-12-07T04:00:00.000Z", "Asia/Tokyo", LUNCH)).toBeNull();
    expect(until("2026-12-07T14:00:00.000Z", "Asia/Tokyo", LUNCH)).toBeNull(); // 23:00
  });

  it("has none when from equals to or when none are set", () => {
    expect(until("2026-12-07T05:30:00.000Z", "America/Los_Angeles", { from: "08:00", to: "08:00" })).toBeNull();
    expect(quietUntil(at("2026-12-07T05:30:00.000Z"), "America/Los_Angeles", null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatDay, formatUsd, inCooldown, scoreBand, weekLabel, weightsTotal } from "./format";

describe("hunting formatting — score bands of the map", () => {
  it("puts each score in its band, the edges in the higher one", () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(scoreBand)).toEqual([
      "low",
      "low",
      "fair",
      "fair",
      "good",
      "good",
      "best",
      "best",
    ]);
  });

  it("keeps rows without a score apart from low scores", () => {
    expect(scoreBand(null)).toBe("none");
    expect(scoreBand(Number.NaN)).toBe("none");
  });
});

describe("hunting formatting — weeks, money, dates", () => {
  it("labels a week by its Monday in UTC, whatever the reader's zone", () => {
    expect(weekLabel("2026-11-30")).toBe("Nov 30");
    expect(weekLabel("2027-01-04")).toBe("Jan 4");
    expect(weekLabel("not a week")).toBe("not a week");
  });

  it("writes dollars with cents for small amounts and without for large ones", () => {
    expect(formatUsd(3.456)).toBe("$3.46");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1234.5)).toBe("$1,235");
    expect(formatUsd(null)).toBe("—");
  });

  it("writes a cooldown's end as a day", () => {
    expect(formatDay("2026-12-13T10:00:00.000Z")).toBe("Dec 13, 2026");
    expect(formatDay(null)).toBe("—");
    expect(formatDay("garbage")).toBe("—");
  });

  it("sees a cooldown only while its end is ahead", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    expect(inCooldown("2026-12-13T12:00:00Z", now)).toBe(true);
    expect(inCooldown("2026-12-06T11:59:59Z", now)).toBe(false);
    expect(inCooldown(null, now)).toBe(false);
  });

  it("adds the weights, ignoring a field left empty", () => {
    expect(weightsTotal({ noWebsite: 30, hasEmail: 25, highRating: 20, manyReviews: 15, notChain: 10 })).toBe(100);
    expect(weightsTotal({ noWebsite: 30, hasEmail: Number.NaN })).toBe(30);
  });
});

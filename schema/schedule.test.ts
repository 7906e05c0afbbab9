import { describe, expect, it } from "vitest";
import { cronProblem, nextRunAfter } from "./schedule";

describe("cron expressions of scheduled rules", () => {
  it("accepts five-field expressions and nicknames", () => {
    expect(cronProblem("* * * * *")).toBeNull();
    expect(cronProblem("*/15 9-17 * * 1-5")).toBeNull();
    expect(cronProblem("@daily")).toBeNull();
  });

  it("says what is wrong with the rest", () => {
    expect(cronProblem("61 * * * *")).toMatch(/minute/);
    expect(cronProblem("0 0 * * * *")).toMatch(/5 parts/);
    expect(cronProblem("every monday")).toMatch(/five, six, or seven/);
  });

  it("gives the next run in UTC, strictly after the time given", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    expect(nextRunAfter("* * * * *", at)?.toISOString()).toBe("2026-11-22T10:01:00.000Z");
    expect(nextRunAfter("0 9 * * 1-5", at)?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });
});

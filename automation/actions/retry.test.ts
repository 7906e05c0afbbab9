import { describe, expect, it } from "vitest";
import { MAX_ACTION_ATTEMPTS, RETRY_MAX_SECONDS, retryDelaySeconds } from "./retry";

describe("action retries", () => {
  it("doubles the wait after each failed try", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16]);
  });

  it("never waits longer than the cap, however many tries failed", () => {
    expect(retryDelaySeconds(MAX_ACTION_ATTEMPTS)).toBeLessThanOrEqual(RETRY_MAX_SECONDS);
    expect(retryDelaySeconds(40)).toBe(RETRY_MAX_SECONDS);
  });
});

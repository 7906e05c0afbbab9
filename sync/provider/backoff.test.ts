import { describe, expect, it } from "vitest";
import { BASE_MS, backoffDelay, MAX_MS } from "./backoff";

describe("reconnect backoff", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([BASE_MS, BASE_MS * 2, BASE_MS * 4, BASE_MS * 8]);
    expect(backoffDelay(30, () => 1)).toBe(MAX_MS);
  });
  it("jitters between half and all of the delay", () => {
    expect(backoffDelay(2, () => 0)).toBe(BASE_MS * 2);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(seen.size).toBeGreaterThan(10);
    for (const d of seen) expect(d).toBeGreaterThanOrEqual(BASE_MS * 8);
  });
});

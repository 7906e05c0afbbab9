import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./provider-call";

describe("parseRetryAfter — how long a provider asks us to wait", () => {
  const now = Date.parse("2026-12-06T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date, and a date already past as no wait", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 10:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sun, 06 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { conversion, formatMoney, monthLabel } from "./format";

describe("revenue dashboard — formatting", () => {
  it("shows whole amounts without cents and keeps cents when there are some", () => {
    expect(formatMoney(4900, "USD")).toBe("$49");
    expect(formatMoney(12_850, "USD")).toBe("$128.50");
    expect(formatMoney(0, "USD")).toBe("$0");
  });

  it("writes quetzales with their own symbol and refunds as negative", () => {
    expect(formatMoney(-1250, "GTQ")).toBe("-Q\u00a012.50");
  });

  it("names report months in words", () => {
    expect(monthLabel("2026-11")).toBe("Nov 2026");
    expect(monthLabel("not a month")).toBe("not a month");
  });

  it("has no conversion before the first step has anyone", () => {
    expect(conversion(40, 10)).toBe(0.25);
    expect(conversion(0, 0)).toBeNull();
  });
});

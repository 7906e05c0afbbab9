import { describe, expect, it } from "vitest";
import { brandListInfo, chainByBrand } from "./brands";

describe("chainByBrand — inside workerd", () => {
  it("loads the generated brand list where the Worker runs", () => {
    expect(brandListInfo().names).toBeGreaterThan(4_000);
    expect(chainByBrand("Starbucks Coffee #1234")).toEqual({ chain: true, reason: "brand: Starbucks" });
    expect(chainByBrand("Target Plumbing LLC")).toEqual({ chain: false, reason: null });
  });
});

import { describe, expect, it } from "vitest";
import { detectChain } from "./detect";

describe("detectChain — one verdict, with the reason recorded in the row", () => {
  it("takes the provider's flag first", () => {
    expect(
      detectChain({ record: { name: "Starbucks" }, providerChain: true, across: "name in 2 territories" }),
    ).toEqual({ chain: true, reason: "provider: chain" });
  });

  it("then the brand list, even when the provider says no chain", () => {
    expect(detectChain({ record: { name: "Jiffy Lube 1234" }, providerChain: false, across: null })).toEqual({
      chain: true,
      reason: "brand: Jiffy Lube",
    });
  });

  it("then the same name or site across territories", () => {
    expect(detectChain({ record: { name: "Joe's Tacos" }, across: "site joestacos.com in 2 territories" })).toEqual({
      chain: true,
      reason: "site joestacos.com in 2 territories",
    });
  });

  it("calls a business no chain when none of the three says so", () => {
    expect(detectChain({ record: { name: "Target Plumbing LLC" }, providerChain: null, across: null })).toEqual({
      chain: false,
      reason: null,
    });
  });
});

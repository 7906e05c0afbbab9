import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./address";

describe("messaging — recipients' addresses", () => {
  it("lower-cases an email address and refuses what is not one", () => {
    expect(normalizeEmail("  Owner@Example.COM ")).toBe("owner@example.com");
    expect(normalizeEmail("mailto:hi@bakery.example")).toBe("hi@bakery.example");
    for (const bad of ["", "owner", "owner@", "@example.com", "a b@example.com", "owner@example", "x@y.c"])
      expect(normalizeEmail(bad), bad).toBeNull();
  });

  it("writes phone numbers in E.164, reading bare 10-digit numbers as North American", () => {
    expect(normalizePhone("(512) 555-0100")).toBe("+15125550100");
    expect(normalizePhone("1-512-555-0100")).toBe("+15125550100");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("tel:+15125550100")).toBe("+15125550100");
    for (const bad of ["", "555-0100", "call me", "+0 123 456 789", "+1234567890123456"])
      expect(normalizePhone(bad), bad).toBeNull();
  });
});

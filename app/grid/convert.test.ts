import { describe, expect, it } from "vitest";
import { convertValue } from "./convert";

describe("changing a column's type", () => {
  it("keeps what the new type can hold", () => {
    expect(convertValue("1,250", "number")).toBe(1250);
    expect(convertValue(12, "text")).toBe("12");
    expect(convertValue("Ford, Lincoln", "multiSelect")).toEqual(["Ford", "Lincoln"]);
    expect(convertValue(["Ford", "Lincoln"], "text")).toBe("Ford, Lincoln");
    expect(convertValue("yes", "checkbox")).toBe(true);
    expect(convertValue(0, "checkbox")).toBe(false);
    expect(convertValue(true, "text")).toBe("true");
    expect(convertValue("2026-11-22", "date")).toBe("2026-11-22");
  });
  it("clears what it cannot", () => {
    expect(convertValue("far", "number")).toBeNull();
    expect(convertValue("someday", "date")).toBeNull();
    expect(convertValue(null, "text")).toBeNull();
  });
});

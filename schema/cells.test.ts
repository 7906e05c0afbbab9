import { describe, expect, it } from "vitest";
import { cellNumber, cellProblem, cellText } from "./cells";

describe("cell values by column type", () => {
  it("accepts what fits and says what was expected otherwise", () => {
    expect(cellProblem("number", 3.5)).toBeNull();
    expect(cellProblem("number", "3.5")).toBe("expected a number");
    expect(cellProblem("checkbox", true)).toBeNull();
    expect(cellProblem("checkbox", "yes")).toBe("expected true or false");
    expect(cellProblem("date", "2026-11-22")).toBeNull();
    expect(cellProblem("datetime", "2026-11-22T14:30:00Z")).toBeNull();
    expect(cellProblem("date", "22/11/2026")).toMatch(/ISO date/);
    expect(cellProblem("multiSelect", ["Ford", "Honda"])).toBeNull();
    expect(cellProblem("multiSelect", "Ford")).toMatch(/list/);
    expect(cellProblem("rating", 11)).toMatch(/0 to 10/);
    expect(cellProblem("formula", "x")).toMatch(/computed/);
    expect(cellProblem("text", 5)).toBe("expected text");
    expect(cellProblem("number", null)).toBeNull();
  });
  it("gives the text and number forms the index sorts by", () => {
    expect(cellText("Hill Country FORD")).toBe("hill country ford");
    expect(cellText(["Ford", "Lincoln"])).toBe("ford, lincoln");
    expect(cellNumber(12)).toBe(12);
    expect(cellNumber(true)).toBe(1);
    expect(cellNumber("12")).toBeNull();
  });
});

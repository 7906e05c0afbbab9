import { describe, expect, it } from "vitest";
import { inputText, parseInput } from "./parse";

describe("typing into cells", () => {
  it("reads numbers loosely and refuses non-numbers", () => {
    expect(parseInput("number", " 1,250.5 ")).toEqual({ ok: true, value: 1250.5 });
    expect(parseInput("currency", "$42")).toEqual({ ok: true, value: 42 });
    expect(parseInput("percent", "15%")).toEqual({ ok: true, value: 0.15 });
    expect(parseInput("number", "twelve")).toEqual({ ok: false, error: "Enter a number" });
    expect(parseInput("rating", "11").ok).toBe(false);
  });
  it("clears a cell on empty input", () => {
    expect(parseInput("number", "  ")).toEqual({ ok: true, value: null });
  });
  it("reads checkboxes, lists and dates", () => {
    expect(parseInput("checkbox", "yes")).toEqual({ ok: true, value: true });
    expect(parseInput("checkbox", "no")).toEqual({ ok: true, value: false });
    expect(parseInput("multiSelect", "Ford, Honda,")).toEqual({ ok: true, value: ["Ford", "Honda"] });
    expect(parseInput("date", "2026-11-22")).toEqual({ ok: true, value: "2026-11-22" });
    expect(parseInput("date", "not a date").ok).toBe(false);
    expect(parseInput("text", "  keeps spaces ")).toEqual({ ok: true, value: "  keeps spaces " });
  });
  it("shows values as editable text", () => {
    expect(inputText(["Ford", "Honda"])).toBe("Ford, Honda");
    expect(inputText(null)).toBe("");
    expect(inputText(12)).toBe("12");
  });
});

import { describe, expect, it } from "vitest";
import { moveActive } from "./navigation";

const k = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({
  key,
  ctrl: false,
  shift: false,
  ...mods,
});

describe("grid keyboard movement", () => {
  it("moves one cell with arrows and stops at the edges", () => {
    expect(moveActive({ row: 0, col: 0 }, k("ArrowDown"), 10, 5, 8)).toEqual({ row: 1, col: 0 });
    expect(moveActive({ row: 0, col: 0 }, k("ArrowUp"), 10, 5, 8)).toEqual({ row: 0, col: 0 });
    expect(moveActive({ row: 3, col: 4 }, k("ArrowRight"), 10, 5, 8)).toEqual({ row: 3, col: 4 });
  });
  it("jumps to the edges with Ctrl+arrows, Home, End and Ctrl+Home/End", () => {
    expect(moveActive({ row: 3, col: 2 }, k("ArrowDown", { ctrl: true }), 10, 5, 8)).toEqual({ row: 9, col: 2 });
    expect(moveActive({ row: 3, col: 2 }, k("ArrowLeft", { ctrl: true }), 10, 5, 8)).toEqual({ row: 3, col: 0 });
    expect(moveActive({ row: 3, col: 2 }, k("End"), 10, 5, 8)).toEqual({ row: 3, col: 4 });
    expect(moveActive({ row: 3, col: 2 }, k("Home", { ctrl: true }), 10, 5, 8)).toEqual({ row: 0, col: 0 });
    expect(moveActive({ row: 3, col: 2 }, k("End", { ctrl: true }), 10, 5, 8)).toEqual({ row: 9, col: 4 });
  });
  it("pages by the visible row count", () => {
    expect(moveActive({ row: 3, col: 1 }, k("PageDown"), 100, 5, 20)).toEqual({ row: 23, col: 1 });
    expect(moveActive({ row: 3, col: 1 }, k("PageUp"), 100, 5, 20)).toEqual({ row: 0, col: 1 });
  });
  it("tabs along the row and wraps to the next, Shift+Tab back", () => {
    expect(moveActive({ row: 0, col: 4 }, k("Tab"), 10, 5, 8)).toEqual({ row: 1, col: 0 });
    expect(moveActive({ row: 1, col: 0 }, k("Tab", { shift: true }), 10, 5, 8)).toEqual({ row: 0, col: 4 });
  });
  it("ignores other keys and empty grids", () => {
    expect(moveActive({ row: 0, col: 0 }, k("a"), 10, 5, 8)).toBeNull();
    expect(moveActive({ row: 0, col: 0 }, k("ArrowDown"), 0, 5, 8)).toBeNull();
  });
});

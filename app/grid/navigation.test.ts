import { describe, expect, it } from "vitest";
import { keyCommand, moveActive } from "./navigation";

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

describe("what other keys ask of the grid", () => {
  const grid = { rows: 10, cols: 5, pageRows: 8, checkbox: false };
  const cmd = (key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}, checkbox = false) =>
    keyCommand({ alt: false, ...k(key, mods) }, { row: 2, col: 1 }, { ...grid, checkbox });

  it("moves, and extends the selection only with Shift+arrows", () => {
    expect(cmd("ArrowDown", { shift: true })).toEqual({ do: "move", to: { row: 3, col: 1 }, extend: true });
    expect(cmd("Tab", { shift: true })).toEqual({ do: "move", to: { row: 2, col: 0 }, extend: false });
  });
  it("undoes with Ctrl+Z, redoes with Ctrl+Shift+Z or Ctrl+Y, fills down with Ctrl+D", () => {
    expect(cmd("z", { ctrl: true })).toEqual({ do: "undo" });
    expect(cmd("Z", { ctrl: true, shift: true })).toEqual({ do: "redo" });
    expect(cmd("y", { ctrl: true })).toEqual({ do: "redo" });
    expect(cmd("d", { ctrl: true })).toEqual({ do: "fillDown" });
    // Ctrl+C and Ctrl+V are the browser's copy and paste events.
    expect(cmd("c", { ctrl: true })).toBeNull();
  });
  it("edits with Enter or F2, or by typing over the cell; Space toggles a checkbox", () => {
    expect(cmd("Enter")).toEqual({ do: "edit" });
    expect(cmd("F2")).toEqual({ do: "edit" });
    expect(cmd("q")).toEqual({ do: "edit", text: "q" });
    expect(cmd(" ")).toEqual({ do: "edit", text: " " });
    expect(cmd(" ", {}, true)).toEqual({ do: "edit" });
    expect(cmd("q", { alt: true })).toBeNull();
  });
  it("expands the row with Shift+Space and clears the range with Delete or Backspace", () => {
    expect(cmd(" ", { shift: true }, true)).toEqual({ do: "expand" });
    expect(cmd("Delete")).toEqual({ do: "clear" });
    expect(cmd("Backspace")).toEqual({ do: "clear" });
    expect(cmd("Escape")).toBeNull();
  });
});

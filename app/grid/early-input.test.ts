import { describe, expect, it } from "vitest";
import { type EarlyInput, replayEarlyInput } from "./early-input";

const grid = { rows: 100, cols: 8, pageRows: 20, rowAt: (line: number) => (line < 100 ? line : undefined) };
const start = { active: { row: 0, col: 0 }, anchor: { row: 0, col: 0 } };
const click = (line: number, col: number, shift = false): EarlyInput => ({ kind: "cell", line, col, shift });
const key = (k: string, mods: { ctrl?: boolean; shift?: boolean } = {}): EarlyInput => ({
  kind: "key",
  key: k,
  ctrl: mods.ctrl ?? false,
  shift: mods.shift ?? false,
  alt: false,
});

describe("replaying clicks and keys made before the grid hydrated", () => {
  it("moves as the grid would have: a click, then arrows from the clicked cell", () => {
    const cell = { row: 3, col: 2 };
    expect(replayEarlyInput([click(2, 1), key("ArrowDown"), key("ArrowRight")], start, grid)).toEqual({
      active: cell,
      anchor: cell,
    });
  });

  it("extends the selection with Shift, from the cell clicked last without it", () => {
    expect(replayEarlyInput([click(5, 1), click(7, 3, true)], start, grid)).toEqual({
      active: { row: 7, col: 3 },
      anchor: { row: 5, col: 1 },
    });
    expect(replayEarlyInput([click(5, 1), key("ArrowDown", { shift: true })], start, grid)).toEqual({
      active: { row: 6, col: 1 },
      anchor: { row: 5, col: 1 },
    });
  });

  it("uses the grid's page size and edges: PageDown, Ctrl+End, Tab at the end of a row", () => {
    expect(replayEarlyInput([key("PageDown")], start, grid)?.active).toEqual({ row: 20, col: 0 });
    expect(replayEarlyInput([key("End", { ctrl: true })], start, grid)?.active).toEqual({ row: 99, col: 7 });
    expect(replayEarlyInput([click(0, 7), key("Tab")], start, grid)?.active).toEqual({ row: 1, col: 0 });
  });

  it("skips clicks on lines that are not rows and columns the grid does not have", () => {
    const groupHeaders = { ...grid, rowAt: (line: number) => (line % 2 ? line : undefined) };
    expect(replayEarlyInput([click(4, 1), click(3, 9), click(3, -1)], start, groupHeaders)).toBeNull();
    expect(replayEarlyInput([click(4, 1), click(3, 1)], start, groupHeaders)?.active).toEqual({ row: 3, col: 1 });
  });

  it("leaves the grid alone when nothing moved it", () => {
    expect(replayEarlyInput([], start, grid)).toBeNull();
    expect(replayEarlyInput([key("x"), key("Enter")], start, grid)).toBeNull();
    expect(replayEarlyInput([click(0, 0)], start, { ...grid, rows: 0, rowAt: () => undefined })).toBeNull();
  });
});

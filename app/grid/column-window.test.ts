import { describe, expect, it } from "vitest";
import { columnSlots } from "./column-window";

describe("columnSlots — which columns a row draws", () => {
  const widths = [100, 50, 60, 70, 80, 90];

  it("puts the skipped columns' width before the next drawn one", () => {
    expect(columnSlots(widths, [0, 3, 4])).toEqual([
      { col: 0, spacer: 0 },
      { col: 3, spacer: 110 },
      { col: 4, spacer: 0 },
    ]);
  });

  it("draws each column once, in order, whatever order they are named in", () => {
    expect(columnSlots(widths, [5, 0, 2, 2, 0]).map((s) => s.col)).toEqual([0, 2, 5]);
    expect(columnSlots(widths, [5, 0, 2]).map((s) => s.spacer)).toEqual([0, 50, 150]);
  });

  it("ignores columns that do not exist (an active cell left over from a wider view)", () => {
    expect(columnSlots(widths, [0, 9, -1])).toEqual([{ col: 0, spacer: 0 }]);
  });
});

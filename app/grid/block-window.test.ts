import { describe, expect, it } from "vitest";
import type { DocName } from "../../sync/layout";
import { blocksToClose, blocksWanted } from "./block-window";

/** `rows` rows in manual order, 10 to a block. */
const inOrder = (rows: number) => Array.from({ length: rows }, (_, i): DocName => `b${Math.floor(i / 10)}`);

describe("windowed grid — blocks to open", () => {
  it("opens the screen's blocks, then the nearest ones around it up to the limit", () => {
    const wanted = blocksWanted(inOrder(100), { start: 42, end: 48, active: -1 }, 3, 30);
    expect(wanted).toEqual(["b4", "b5", "b3"]);
  });

  it("always opens what is on screen and the active row's block, past the limit", () => {
    const scattered: DocName[] = ["b0", "b7", "b3", "b9", "b1", "b5"];
    const wanted = blocksWanted(scattered, { start: 0, end: 3, active: 5 }, 2, 30);
    expect(wanted).toEqual(["b0", "b7", "b3", "b9", "b5"]);
  });

  it("stays inside the table at either end", () => {
    expect(blocksWanted(inOrder(25), { start: 0, end: 4, active: -1 }, 10, 300)).toEqual(["b0", "b1", "b2"]);
    expect(blocksWanted([], { start: 0, end: 20, active: 0 }, 10, 300)).toEqual([]);
    expect(blocksWanted(inOrder(25), { start: 90, end: 99, active: 95 }, 10, 300)).toEqual(["b2", "b1", "b0"]);
  });
});

describe("windowed grid — blocks to close", () => {
  it("closes unwanted blocks least recently used first, down to the limit", () => {
    const used = new Map<DocName, number>([
      ["b1", 5],
      ["b2", 1],
      ["b3", 9],
      ["b4", 3],
    ]);
    expect(blocksToClose(["b1", "b2", "b3", "b4", "b5"], ["b5"], used, 3)).toEqual(["b2", "b4"]);
  });

  it("keeps every wanted block even past the limit, and closes nothing under it", () => {
    expect(blocksToClose(["b1", "b2", "b3"], ["b1", "b2", "b3"], new Map(), 2)).toEqual([]);
    expect(blocksToClose(["b1", "b2"], [], new Map(), 4)).toEqual([]);
  });
});

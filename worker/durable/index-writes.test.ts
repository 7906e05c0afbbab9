import { describe, expect, it } from "vitest";
import type { ChangeBatch } from "../../sync/room";
import { indexWrites, jsonChunks } from "./index-writes";

const batch = (changes: ChangeBatch["changes"]): ChangeBatch => ({
  doc: "b0",
  origin: { kind: "api", userId: "u1", tokenId: null },
  changes,
  at: 1,
});

describe("row index writes — gathered by kind", () => {
  it("places inserted rows and stores their non-empty cells with text and number forms", () => {
    const w = indexWrites(
      batch([{ rowId: "r1", kind: "insert", pos: "a0", cells: { c1: "Austin Ford", c2: 12, c3: "" } }]),
    );
    expect(w.placed).toEqual([["r1", "a0"]]);
    expect(w.cells).toEqual([
      ["r1", "c1", '"Austin Ford"', "austin ford", null],
      ["r1", "c2", "12", "12", 12],
    ]);
    expect(w.history).toEqual([["r1", null, "insert", null, '{"c1":"Austin Ford","c2":12,"c3":""}']]);
  });

  it("gives the cells to store a column after another", () => {
    const w = indexWrites(
      batch([
        { rowId: "r1", kind: "insert", pos: "a0", cells: { c1: "a", c2: 1 } },
        { rowId: "r2", kind: "insert", pos: "a1", cells: { c1: "b", c2: 2 } },
      ]),
    );
    expect(w.cells.map(([rowId, colId]) => `${rowId}.${colId}`)).toEqual(["r1.c1", "r2.c1", "r1.c2", "r2.c2"]);
  });

  it("stores changed cells, drops emptied ones, moves rows and removes deleted ones, in the order they came", () => {
    const w = indexWrites(
      batch([
        {
          rowId: "r1",
          kind: "update",
          cells: { c1: { old: "a", new: "b" }, c2: { old: 3, new: undefined } },
          pos: "a5",
        },
        { rowId: "r2", kind: "delete", old: { c1: "gone" } },
      ]),
    );
    expect(w.cells).toEqual([["r1", "c1", '"b"', "b", null]]);
    expect(w.emptied).toEqual([["r1", "c2"]]);
    expect(w.moved).toEqual([["r1", "a5"]]);
    expect(w.removed).toEqual(["r2"]);
    expect(w.history).toEqual([
      ["r1", "c1", "update", '"a"', '"b"'],
      ["r1", "c2", "update", "3", null],
      ["r2", null, "delete", '{"c1":"gone"}', null],
    ]);
  });
});

describe("row index writes — JSON parameters", () => {
  it("cuts items into JSON arrays under the limit, never splitting one", () => {
    const items = ["aaaa", "bbbb", "cccc", "x".repeat(30)];
    const chunks = jsonChunks(items, 16);
    expect(chunks).toEqual(['["aaaa","bbbb"]', '["cccc"]', `["${"x".repeat(30)}"]`]);
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(items);
    expect(jsonChunks([])).toEqual([]);
  });
});

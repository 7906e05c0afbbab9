import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  BASE_KEY,
  cellCounts,
  cellOf,
  cellsLater,
  cellsOf,
  deleteRow,
  insertRow,
  observeRows,
  type RowChange,
  readRow,
  rowsOf,
  setCells,
} from ".";

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

/** Yjs items a doc holds, deleted ones included: what a browser keeps in memory per block. */
function items(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

describe("a row's base and its edits", () => {
  it("keeps a new row's cells as one value, so a row costs a few items, not one a cell", () => {
    const b = new Y.Doc();
    const cells = Object.fromEntries(Array.from({ length: 15 }, (_, c) => [`c${c}`, `value ${c}`]));
    b.transact(() => {
      for (let r = 0; r < 100; r++) insertRow(b, `r${r}`, cells, `a${r}`);
    });
    expect(JSON.parse(rowsOf(b).get("r7")!.get(BASE_KEY) as string)).toEqual(cells);
    expect(readRow(b, "r7")).toEqual(cells);
    // The row map, its position and its base: 3 items a row (a cell per key would be 17).
    expect(items(b)).toBeLessThanOrEqual(300);
    expect(cellCounts(rowsOf(b).get("r7")!)).toEqual({ base: 15, edits: 0 });
  });

  it("reads an edit over the base, and a cleared base cell as empty", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "Hill Country Ford", c2: 12, c3: true }, "a0");
    setCells(b, "r1", { c1: "Hill Country Ford Lincoln", c2: null, c4: "new" });
    const row = rowsOf(b).get("r1")!;
    expect(cellsOf(row)).toEqual({ c1: "Hill Country Ford Lincoln", c3: true, c4: "new" });
    expect(cellOf(row, "c2")).toBeUndefined();
    expect(cellOf(row, "c3")).toBe(true);
    expect(cellOf(row, BASE_KEY)).toBeUndefined();
    // A cleared cell not in the base leaves no key behind.
    setCells(b, "r1", { c4: null });
    expect(row.has("c4")).toBe(false);
    // A cell cleared and set again reads its new value.
    setCells(b, "r1", { c2: 99 });
    expect(readRow(b, "r1")).toEqual({ c1: "Hill Country Ford Lincoln", c2: 99, c3: true });
    expect(cellCounts(row)).toEqual({ base: 3, edits: 2 }); // c1 and c2 edited over the base
  });

  it("reads a row's cells later as they were when asked for, parsing its base only then", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "Hill Country Ford", c2: 12 }, "a0");
    setCells(b, "r1", { c2: 13 });
    const row = rowsOf(b).get("r1")!;
    const parse = vi.spyOn(JSON, "parse");
    const taken = cellsLater(row);
    expect(parse).not.toHaveBeenCalled();
    // Edits made after it was taken, before it is read, are not in it (an undo keeps what was there).
    setCells(b, "r1", { c1: "Renamed", c2: null, c3: "new" });
    parse.mockClear(); // the edit read the base itself
    expect(taken()).toEqual({ c1: "Hill Country Ford", c2: 13 });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(taken()).toBe(taken()); // parsed once
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
    expect(cellsLater(row)()).toEqual({ c1: "Renamed", c3: "new" });
  });

  it("reads a malformed base (an old or hostile client's) as no cells, and one written as an object", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "A" }, "a0");
    for (const bad of ["{not json", "[1,2]", "42", 42, ["c1"]]) {
      rowsOf(b).get("r1")!.set(BASE_KEY, bad);
      expect(readRow(b, "r1"), JSON.stringify(bad)).toEqual({});
    }
    const row = rowsOf(b).get("r1")!;
    row.set(BASE_KEY, { c1: "as an object", c2: 2 });
    expect(readRow(b, "r1")).toEqual({ c1: "as an object", c2: 2 });
    setCells(b, "r1", { c1: null });
    expect(readRow(b, "r1")).toEqual({ c2: 2 });
    expect(row.get(BASE_KEY)).toEqual({ c1: "as an object", c2: 2 });
  });

  it("never lets a cell write replace the base or the position", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "A", [BASE_KEY]: { c1: "hostile" } as never }, "a0");
    setCells(b, "r1", { [BASE_KEY]: "x", _pos: "zz" } as never);
    expect(JSON.parse(rowsOf(b).get("r1")!.get(BASE_KEY) as string)).toEqual({ c1: "A" });
    expect(rowsOf(b).get("r1")!.get("_pos")).toBe("a0");
  });

  it("reads rows written before bases (a key per cell) the same way", () => {
    const b = new Y.Doc();
    const row = new Y.Map<unknown>();
    rowsOf(b).set("old", row);
    row.set("_pos", "a0");
    row.set("c1", "Lone Star Honda");
    row.set("c2", 4);
    expect(readRow(b, "old")).toEqual({ c1: "Lone Star Honda", c2: 4 });
    setCells(b, "old", { c2: null });
    expect(row.has("c2")).toBe(false);
    expect(readRow(b, "old")).toEqual({ c1: "Lone Star Honda" });
  });

  it("merges two people's edits to different cells of one row, and the later edit of one cell wins", () => {
    const a = new Y.Doc();
    insertRow(a, "r1", { c1: "A", c2: "B", c3: "C" }, "a0");
    const b = new Y.Doc();
    sync(a, b);
    setCells(a, "r1", { c1: "from a", c3: null });
    setCells(b, "r1", { c2: "from b" });
    sync(a, b);
    sync(b, a);
    expect(readRow(a, "r1")).toEqual({ c1: "from a", c2: "from b" });
    expect(readRow(b, "r1")).toEqual(readRow(a, "r1"));
  });

  it("reports a deleted row's cells as they were before its transaction, cleared in it or not", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "in the base", c3: "also" }, "a0");
    setCells(b, "r1", { c2: "an edit", c3: "edited" });
    const seen: RowChange[] = [];
    observeRows(b, (changes) => seen.push(...changes));
    b.transact(() => {
      setCells(b, "r1", { c1: null, c2: null, c3: "again" });
      deleteRow(b, "r1");
    });
    expect(seen).toEqual([{ rowId: "r1", kind: "delete", old: { c1: "in the base", c2: "an edit", c3: "edited" } }]);
  });

  it("shows the base again when an edit is undone", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "A", c2: "B" }, "a0");
    const undo = new Y.UndoManager(rowsOf(b), { trackedOrigins: new Set(["me"]) });
    b.transact(() => setCells(b, "r1", { c1: "changed", c2: null }), "me");
    expect(readRow(b, "r1")).toEqual({ c1: "changed" });
    undo.undo();
    expect(readRow(b, "r1")).toEqual({ c1: "A", c2: "B" });
    undo.redo();
    expect(readRow(b, "r1")).toEqual({ c1: "changed" });
  });

  it("reports old and new values through the base: edits, clears, undos and deletes", () => {
    const b = new Y.Doc();
    insertRow(b, "r1", { c1: "A", c2: 5 }, "a0");
    const undo = new Y.UndoManager(rowsOf(b), { trackedOrigins: new Set(["me"]) });
    const seen: RowChange[] = [];
    observeRows(b, (changes) => seen.push(...changes));
    b.transact(() => setCells(b, "r1", { c1: "B", c2: null }), "me");
    b.transact(() => setCells(b, "r1", { c1: "C" }), "other");
    undo.undo(); // takes back c1 "B" (now under "C") and the clear of c2
    b.transact(() => deleteRow(b, "r1"));
    expect(seen[0]).toEqual({
      rowId: "r1",
      kind: "update",
      cells: { c1: { old: "A", new: "B" }, c2: { old: 5, new: undefined } },
    });
    expect(seen[1]).toEqual({ rowId: "r1", kind: "update", cells: { c1: { old: "B", new: "C" } } });
    expect(seen[2]).toMatchObject({ kind: "update", cells: { c2: { old: undefined, new: 5 } } });
    expect(seen.at(-1)).toEqual({ rowId: "r1", kind: "delete", old: { c1: "C", c2: 5 } });
  });
});

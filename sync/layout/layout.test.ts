import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addColumn,
  BLOCK_ROWS,
  blockForNewRows,
  blocksOf,
  columnsOf,
  deleteRow,
  initManifest,
  insertRow,
  isDocName,
  lastPos,
  newColumnId,
  observeRows,
  parseRoom,
  positionAfter,
  type RowChange,
  readRow,
  removeColumn,
  renameColumn,
  setCells,
} from ".";

const columns = [
  { id: "c1", name: "Name", type: "text" as const, options: {} },
  { id: "c2", name: "Price", type: "currency" as const, options: { currency: "USD" } },
];

describe("table document layout", () => {
  it("names rooms <tableId>:<doc> and refuses anything else", () => {
    expect(parseRoom("t_1:manifest")).toEqual({ tableId: "t_1", doc: "manifest" });
    expect(parseRoom("t_1:b12")).toEqual({ tableId: "t_1", doc: "b12" });
    for (const bad of ["t1", ":b0", "t1:", "t1:b01", "t1:b-1", "t1:rows", "t 1:b0", "t1:b10000"]) {
      expect(parseRoom(bad), bad).toBeNull();
    }
    expect(isDocName("b9999")).toBe(true);
  });

  it("adds, renames and removes columns", () => {
    const m = new Y.Doc();
    initManifest(m, "T", columns);
    const id = newColumnId();
    addColumn(m, { id, name: "Phone", type: "phone", options: {} });
    expect(renameColumn(m, "c1", "Dealer")).toBe(true);
    expect(removeColumn(m, "c2")).toBe(true);
    expect(columnsOf(m).map((c) => [c.id, c.name])).toEqual([
      ["c1", "Dealer"],
      [id, "Phone"],
    ]);
    expect(renameColumn(m, "nope", "x")).toBe(false);
    expect(newColumnId()).not.toBe(newColumnId());
  });

  it("keeps columns and blocks in the manifest", () => {
    const m = new Y.Doc();
    initManifest(m, "Dealerships", columns);
    expect(columnsOf(m)).toEqual(columns);
    expect(blocksOf(m)).toEqual(["b0"]);
  });

  it("puts new rows in the newest block with room, opening a new block when it is full", () => {
    const m = new Y.Doc();
    initManifest(m, "T", columns);
    expect(blockForNewRows(m, () => BLOCK_ROWS - 1)).toBe("b0");
    expect(blockForNewRows(m, () => BLOCK_ROWS)).toBe("b1");
    expect(blocksOf(m)).toEqual(["b0", "b1"]);
    expect(blockForNewRows(m, (doc) => (doc === "b1" ? 3 : BLOCK_ROWS))).toBe("b1");
  });

  it("de-duplicates a block that two offline clients both added", () => {
    const a = new Y.Doc();
    initManifest(a, "T", []);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    blockForNewRows(a, () => BLOCK_ROWS);
    blockForNewRows(b, () => BLOCK_ROWS);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(blocksOf(a)).toEqual(["b0", "b1"]);
  });

  it("reads, writes and clears cells, and orders rows by fractional position", () => {
    const b = new Y.Doc();
    const p1 = positionAfter(lastPos(b));
    insertRow(b, "r1", { c1: "Hill Country Ford", c2: 12 }, p1);
    const p2 = positionAfter(lastPos(b));
    insertRow(b, "r2", { c1: "Lone Star Honda" }, p2);
    expect(p2 > p1).toBe(true);
    setCells(b, "r1", { c2: null, c1: "Hill Country Ford Lincoln" });
    expect(readRow(b, "r1")).toEqual({ c1: "Hill Country Ford Lincoln" });
    expect(setCells(b, "missing", { c1: "x" })).toBe(false);
    expect(readRow(b, "missing")).toBeNull();
  });

  it("reports each transaction's row changes with old and new values", () => {
    const b = new Y.Doc();
    const seen: Array<{ changes: RowChange[]; origin: unknown }> = [];
    observeRows(b, (changes, origin) => seen.push({ changes, origin }));
    b.transact(() => insertRow(b, "r1", { c1: "A" }, "a0"), "api");
    b.transact(() => setCells(b, "r1", { c1: "B", c2: 5 }), "user");
    b.transact(() => deleteRow(b, "r1"), "automation");
    expect(seen).toEqual([
      { origin: "api", changes: [{ rowId: "r1", kind: "insert", cells: { c1: "A" }, pos: "a0" }] },
      {
        origin: "user",
        changes: [
          { rowId: "r1", kind: "update", cells: { c1: { old: "A", new: "B" }, c2: { old: undefined, new: 5 } } },
        ],
      },
      { origin: "automation", changes: [{ rowId: "r1", kind: "delete", old: { c1: "B", c2: 5 } }] },
    ]);
  });

  it("sees remote updates as changes too", () => {
    const a = new Y.Doc();
    insertRow(a, "r1", { c1: "A" }, "a0");
    const b = new Y.Doc();
    const seen: RowChange[] = [];
    observeRows(b, (changes) => seen.push(...changes));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), "remote");
    a.transact(() => setCells(a, "r1", { c1: "Z" }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(seen.map((c) => c.kind)).toEqual(["insert", "update"]);
    expect(seen[1]).toMatchObject({ cells: { c1: { old: "A", new: "Z" } } });
  });
});

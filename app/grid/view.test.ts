import { describe, expect, it } from "vitest";
import { type ColumnDef, ViewSpec } from "../../schema/tables";
import { applyView, moveColumn, orderColumns } from "./view";

const columns: ColumnDef[] = [
  { id: "name", name: "Name", type: "text", options: {} },
  { id: "miles", name: "Miles", type: "number", options: {} },
  { id: "makes", name: "Makes", type: "multiSelect", options: {} },
];
const row = (id: string, cells: Record<string, unknown>) => ({
  id,
  block: "b0" as const,
  pos: id,
  cells: cells as never,
});
const rows = [
  row("a", { name: "austin Ford", miles: 5, makes: ["Ford"] }),
  row("b", { name: "Bastrop Chevrolet", miles: 30, makes: ["Chevrolet"] }),
  row("c", { name: "Cedar Park Honda", makes: ["Honda"] }),
  row("d", { name: "Dripping Springs Ford", miles: 22, makes: ["Ford", "Lincoln"] }),
];
const view = (v: Partial<ViewSpec>): ViewSpec => ViewSpec.parse(v);
const ids = (r: { id: string }[]) => r.map((x) => x.id);

describe("views in the grid", () => {
  it("sorts numbers as numbers with empty cells last, either way", () => {
    expect(ids(applyView(rows, columns, view({ sorts: [{ columnId: "miles", direction: "asc" }] }), ""))).toEqual([
      "a",
      "d",
      "b",
      "c",
    ]);
    expect(ids(applyView(rows, columns, view({ sorts: [{ columnId: "miles", direction: "desc" }] }), ""))).toEqual([
      "b",
      "d",
      "a",
      "c",
    ]);
  });
  it("sorts text without regard to case", () => {
    expect(ids(applyView(rows, columns, view({ sorts: [{ columnId: "name", direction: "desc" }] }), ""))).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
  });
  it("orders text as the room's row index does: code points of the lower-cased text, empty cells last", () => {
    const names = ["item 10", "Item 2", "éclair", "zebra", "", "😀 party", "\uffe0 wide"];
    const named = names.map((name, i) => row(`n${i}`, { name }));
    const sorted = (direction: "asc" | "desc") =>
      applyView(named, columns, view({ sorts: [{ columnId: "name", direction }] }), "").map((r) => r.cells.name);
    // The same order as worker/api/table-order.worker.test.ts expects of the room; an astral
    // character sorts after U+FFE0 by code point (UTF-16 code units would put it before).
    expect(sorted("asc")).toEqual(["item 10", "Item 2", "zebra", "éclair", "\uffe0 wide", "😀 party", ""]);
    expect(sorted("desc")).toEqual(["😀 party", "\uffe0 wide", "éclair", "zebra", "Item 2", "item 10", ""]);
  });

  it("filters by type: list membership, numeric ranges, emptiness", () => {
    expect(
      ids(applyView(rows, columns, view({ filters: [{ columnId: "makes", op: "eq", value: "ford" }] }), "")),
    ).toEqual(["a", "d"]);
    expect(
      ids(applyView(rows, columns, view({ filters: [{ columnId: "miles", op: "gt", value: "10" }] }), "")),
    ).toEqual(["b", "d"]);
    expect(
      ids(applyView(rows, columns, view({ filters: [{ columnId: "miles", op: "empty", value: "" }] }), "")),
    ).toEqual(["c"]);
  });
  it("searches visible cells only", () => {
    expect(ids(applyView(rows, columns, view({}), "lincoln"))).toEqual(["d"]);
    expect(ids(applyView(rows, columns, view({ hidden: ["makes"] }), "lincoln"))).toEqual([]);
  });

  it("orders columns as the view says, new columns last, and moves one", () => {
    expect(orderColumns(columns, ["makes", "name"]).map((c) => c.id)).toEqual(["makes", "name", "miles"]);
    expect(moveColumn(columns, [], "makes", "name")).toEqual(["makes", "name", "miles"]);
    expect(moveColumn(columns, ["makes", "name", "miles"], "makes", "miles")).toEqual(["name", "miles", "makes"]);
    expect(moveColumn(columns, [], "name", "miles")).toEqual(["miles", "name", "makes"]);
    expect(moveColumn(columns, [], "gone", "name")).toEqual([]);
  });

  it("reads a view saved by an older or careless client with defaults for what it lacks", () => {
    const v = ViewSpec.parse({ sorts: [], name: "   ", rowHeight: "huge", widths: { a: 5 } });
    expect(v).toMatchObject({ name: "Grid view", rowHeight: "short", widths: {}, order: [], groupBy: null });
  });

  it("filters between two values (both kept) and by any of several", () => {
    const filter = (columnId: string, op: "between" | "anyof", value: string) =>
      ids(applyView(rows, columns, view({ filters: [{ columnId, op, value }] }), ""));
    expect(filter("miles", "between", "5, 22")).toEqual(["a", "d"]);
    expect(filter("miles", "anyof", "30,5")).toEqual(["a", "b"]);
    expect(filter("makes", "anyof", "lincoln, honda")).toEqual(["c", "d"]);
    expect(filter("name", "between", "b, c")).toEqual(["b"]);
    expect(filter("miles", "between", "5")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { layoutRows } from "./groups";

const row = (id: string, status: unknown) => ({ id, block: "b0" as const, pos: id, cells: { s: status as never } });

describe("grouping rows", () => {
  it("puts a header with a count before each run of equal values, empty ones named", () => {
    const rows = [row("a", "Ready"), row("b", "ready"), row("c", "Sent"), row("d", null), row("e", "")];
    const { items, lineOf } = layoutRows(rows, "s");
    expect(items.filter((i) => i.kind === "group")).toEqual([
      { kind: "group", key: "ready", label: "Ready", count: 2 },
      { kind: "group", key: "sent", label: "Sent", count: 1 },
      { kind: "group", key: "", label: "(empty)", count: 2 },
    ]);
    expect(lineOf).toEqual([1, 2, 4, 6, 7]);
    expect(items[lineOf[2]!]).toEqual({ kind: "row", rowIndex: 2 });
  });

  it("lays rows out one per line when nothing groups them", () => {
    expect(layoutRows([row("a", 1), row("b", 2)], null)).toEqual({
      items: [
        { kind: "row", rowIndex: 0 },
        { kind: "row", rowIndex: 1 },
      ],
      lineOf: [0, 1],
    });
  });
});

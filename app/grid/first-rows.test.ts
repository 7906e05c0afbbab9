import { describe, expect, it } from "vitest";
import { type ViewPage, ViewSpec } from "../../schema/tables";
import { firstRows, servedBlocksFirst, servedById, withFirstRows } from "./first-rows";
import type { GridRow } from "./use-table";

const page: ViewPage = {
  viewId: "default",
  view: ViewSpec.parse({}),
  total: 4,
  rows: [
    { id: "r1", block: "b0", pos: "a0", cells: { c1: "Austin Ford" } },
    { id: "r2", block: "b3", pos: "a1", cells: { c1: "Bastrop Chevrolet" } },
  ],
};

describe("firstRows — what a page draws before its table syncs", () => {
  it("shows the served rows, not editable, then placeholders to the view's count", () => {
    const rows = firstRows(page);
    expect(rows.map((r) => r.cells.c1 ?? null)).toEqual(["Austin Ford", "Bastrop Chevrolet", null, null]);
    expect(rows.every((r) => r.loading)).toBe(true);
    expect(rows.map((r) => Boolean(r.preview))).toEqual([true, true, false, false]);
  });

  it("fills a windowed table's placeholders with the served cells, and leaves loaded rows alone", () => {
    const loaded: GridRow = { id: "r1", block: "b0", pos: "a0", cells: { c1: "Austin Ford Lincoln" } };
    const waiting: GridRow = { id: "r2", block: "b3", pos: "", cells: {}, loading: true };
    const other: GridRow = { id: "r9", block: "b4", pos: "", cells: {}, loading: true };
    const served = servedById(page);
    const rows = withFirstRows([loaded, waiting, other], served);
    expect(rows[0]).toBe(loaded);
    expect(rows[1]).toMatchObject({ id: "r2", cells: { c1: "Bastrop Chevrolet" }, loading: true, preview: true });
    expect(rows[2]).toBe(other);
    // Row 1 was seen loaded: if its block closes and opens again, its old served cells do not come back.
    const closed: GridRow = { id: "r1", block: "b0", pos: "", cells: {}, loading: true };
    expect(withFirstRows([closed], served)[0]).toBe(closed);
  });

  it("hands back the same array when nothing was served for it", () => {
    const rows: GridRow[] = [{ id: "r5", block: "b0", pos: "", cells: {}, loading: true }];
    expect(withFirstRows(rows, servedById(page))).toBe(rows);
  });
});

describe("servedBlocksFirst — the order a table's blocks load in", () => {
  it("puts the served rows' blocks first, in the order their rows are served, and leaves out unknown ones", () => {
    expect(servedBlocksFirst(["b0", "b1", "b2", "b3"], page)).toEqual(["b0", "b3", "b1", "b2"]);
    const sorted = {
      ...page,
      rows: [page.rows[1]!, page.rows[0]!, { ...page.rows[0]!, id: "r9", block: "b7" as const }],
    };
    expect(servedBlocksFirst(["b0", "b1", "b2", "b3"], sorted)).toEqual(["b3", "b0", "b1", "b2"]);
  });
});

/**
 * Formula columns in the browser: their values are computed from each row's cells (the same
 * `TableFormulas` the TableRoom uses), never stored in the docs, so every client, offline too,
 * shows what the edge computes. A row is computed again only when its cells or the formulas change.
 */
import { useMemo } from "react";
import { TableFormulas } from "../../schema/computed";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { isComputed } from "./column-types";
import { useLinkedRows } from "./linked-rows";
import type { GridRow } from "./use-table";

/**
 * Rows with their formula cells, kept per row object so an edit recomputes only its block.
 * Lookups through link columns read the linked tables as loaded when the page opened them.
 */
export function useComputedRows(columns: readonly ColumnDef[], rows: GridRow[]): GridRow[] {
  const formulas = TableFormulas.of(columns);
  const linked = useLinkedRows(columns);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new formulas or linked rows make every cached row stale
  const cache = useMemo(() => new WeakMap<GridRow, GridRow>(), [formulas, linked]);
  return useMemo(() => {
    if (formulas.ids.size === 0) return rows;
    return rows.map((row) => {
      if (row.loading) return row;
      let computed = cache.get(row);
      if (!computed) {
        computed = { ...row, cells: formulas.compute(row.cells, undefined, linked ?? undefined) };
        cache.set(row, computed);
      }
      return computed;
    });
  }, [formulas, cache, rows, linked]);
}

/** A row's cells by column name, the way formulas and actions see it (formulas computed). */
export function namedCells(columns: readonly ColumnDef[], row: GridRow): Record<string, CellValue> {
  return TableFormulas.of(columns).named(row.cells);
}

/** Column types whose cells the table computes; people and pastes do not write them. */
export const isComputedColumn = (column: ColumnDef) => isComputed(column.type);

/** Cells without the computed columns' values (for copies of a row). */
export function writableCells(
  columns: readonly ColumnDef[],
  cells: Record<string, CellValue>,
): Record<string, CellValue> {
  const computed = new Set(columns.filter(isComputedColumn).map((c) => c.id));
  return Object.fromEntries(Object.entries(cells).filter(([id]) => !computed.has(id)));
}

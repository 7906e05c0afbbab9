/**
 * Formula columns in the browser: their values are computed from each row's cells, never stored
 * in the docs, so every client (offline too) shows the same result the edge computes. A row is
 * computed again only when its cells or the table's formulas changed.
 */
import { useMemo } from "react";
import { FormulaGraph, type FormulaResult } from "../../schema/formula";
import type { CellValue, ColumnDef } from "../../schema/tables";
import type { GridRow } from "./use-table";

/** The formula text of a formula column ("" for a column still without one). */
export function formulaOf(column: ColumnDef): string {
  return typeof column.options.formula === "string" ? column.options.formula : "";
}

/** The table's formulas as a dependency graph, or null when it has none. */
export function graphOf(columns: readonly ColumnDef[]): FormulaGraph | null {
  const formulas = columns.filter((c) => c.type === "formula");
  if (formulas.length === 0) return null;
  return new FormulaGraph(
    formulas.map((c) => ({ id: c.id, name: c.name, text: formulaOf(c) })),
    columns.filter((c) => c.type !== "formula"),
  );
}

/** One row with its formula cells filled in (errors are `{ error, message }` values). */
export function computeRow(graph: FormulaGraph, row: GridRow): GridRow {
  const results: Record<string, FormulaResult> = graph.evaluateRow(row.cells);
  return { ...row, cells: { ...row.cells, ...(results as Record<string, CellValue>) } };
}

/** Rows with their formula cells, kept per row object so an edit recomputes only its block. */
export function useComputedRows(columns: readonly ColumnDef[], rows: GridRow[]): GridRow[] {
  const signature = JSON.stringify(
    columns.map((c) => [c.id, c.name, c.type, c.type === "formula" ? formulaOf(c) : ""]),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the parts of `columns` formulas use
  const graph = useMemo(() => graphOf(columns), [signature]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new graph means every cached row is stale
  const cache = useMemo(() => new WeakMap<GridRow, GridRow>(), [graph]);
  return useMemo(() => {
    if (!graph) return rows;
    return rows.map((row) => {
      let computed = cache.get(row);
      if (!computed) {
        computed = computeRow(graph, row);
        cache.set(row, computed);
      }
      return computed;
    });
  }, [graph, cache, rows]);
}

/** A row's cells by column name, the way formulas and actions see it. */
export function namedCells(columns: readonly ColumnDef[], row: GridRow): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const column of columns) if (!(column.name in out)) out[column.name] = row.cells[column.id] ?? null;
  return out;
}

/** Column types whose cells the table computes; people and pastes do not write them. */
export const isComputedColumn = (column: ColumnDef) => column.type === "formula" || column.type === "button";

/** Cells without the computed columns' values (for copies of a row). */
export function writableCells(
  columns: readonly ColumnDef[],
  cells: Record<string, CellValue>,
): Record<string, CellValue> {
  const computed = new Set(columns.filter(isComputedColumn).map((c) => c.id));
  return Object.fromEntries(Object.entries(cells).filter(([id]) => !computed.has(id)));
}

/**
 * What the grid does to a selected range of cells: copy it as TSV, paste TSV into it (adding rows
 * past the last), fill it down, clear it. Formula and button columns are never written.
 */
import type { ColumnDef } from "../../schema/tables";
import { rowsOf } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { fromTsv, toTsv } from "./clipboard";
import { isComputedColumn } from "./computed";
import { inputText, parseInput } from "./parse";
import { addRow, type GridRow, writeCell } from "./use-table";

/** Rows and columns by index into the grid's rows and shown columns, both ends included. */
export type CellRange = { top: number; bottom: number; left: number; right: number };

/** The range's cells as TSV, each as it would be typed into the cell. */
export function copyRange(rows: readonly GridRow[], columns: readonly ColumnDef[], range: CellRange): string {
  const out: string[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = rows[r];
    if (row) out.push(columns.slice(range.left, range.right + 1).map((c) => inputText(row.cells[c.id])));
  }
  return toTsv(out);
}

/** Pasted text as rows of cell texts (TSV, as Excel and Google Sheets copy a range). */
export const readPaste = (text: string): string[][] => fromTsv(text);

/**
 * Writes pasted rows (`readPaste`) into the grid from the range's top-left cell, adding the rows
 * they need past the last (after `lastPos` on a windowed table). Returns what could not be pasted,
 * one line a value.
 */
export function pasteRange(
  sync: TableSync,
  rows: readonly GridRow[],
  columns: readonly ColumnDef[],
  range: CellRange,
  data: string[][],
  lastPos: string | null,
): string[] {
  const targets = rows.slice(range.top, range.top + data.length);
  const added: string[] = [];
  for (let i = targets.length; i < data.length; i++) added.push(addRow(sync, {}, lastPos));
  const problems: string[] = [];
  data.forEach((values, i) => {
    const row = targets[i] ?? newRow(sync, added[i - targets.length]!);
    values.forEach((value, j) => {
      const column = columns[range.left + j];
      if (!column || isComputedColumn(column)) return;
      const parsed = parseInput(column.type, value);
      if (parsed.ok) writeCell(sync, row, column.id, parsed.value);
      else problems.push(`${column.name}: ${parsed.error}`);
    });
  });
  return problems;
}

/** A row added by a paste is not in the grid's rows yet: its block is found in the docs. */
function newRow(sync: TableSync, id: string): GridRow {
  const block = sync.blocks().find((b) => sync.isOpen(b) && rowsOf(sync.open(b)).has(id)) ?? "b0";
  return { id, block, pos: "", cells: {} };
}

/** Ctrl+D: the range's top row is copied into the rows below it, column by column. */
export function fillDown(sync: TableSync, rows: readonly GridRow[], columns: readonly ColumnDef[], range: CellRange) {
  const source = rows[range.top];
  if (!source) return;
  eachWritable(rows, columns, { ...range, top: range.top + 1 }, (row, column) =>
    writeCell(sync, row, column.id, source.cells[column.id] ?? null),
  );
}

/** Delete: empties the range's cells that hold something. */
export function clearRange(sync: TableSync, rows: readonly GridRow[], columns: readonly ColumnDef[], range: CellRange) {
  eachWritable(rows, columns, range, (row, column) => {
    if (row.cells[column.id] !== undefined) writeCell(sync, row, column.id, null);
  });
}

function eachWritable(
  rows: readonly GridRow[],
  columns: readonly ColumnDef[],
  range: CellRange,
  fn: (row: GridRow, column: ColumnDef) => void,
) {
  for (let r = range.top; r <= range.bottom; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = range.left; c <= range.right; c++) {
      const column = columns[c];
      if (column && !isComputedColumn(column)) fn(row, column);
    }
  }
}

/**
 * Grouping a view's rows by a column: the rows arrive sorted by that column, and each run of
 * equal values gets a header line with its count. The grid lays out headers and rows together
 * and keeps row numbers (for keys and selection) apart from display lines (for scrolling and ARIA).
 */
import { cellText } from "../../schema/cells";
import type { CellValue } from "../../schema/tables";
import type { GridRow } from "./use-table";

export type DisplayItem =
  | { kind: "group"; key: string; label: string; count: number }
  | { kind: "row"; rowIndex: number };

export type Layout = {
  items: DisplayItem[];
  /** The display line of each row, by row index. */
  lineOf: number[];
};

const isEmpty = (v: CellValue | undefined) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** What a cell's value is called in a group header. */
export function groupLabel(value: CellValue | undefined): string {
  if (isEmpty(value)) return "(empty)";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "Checked" : "Unchecked";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Rows as display lines, with a header before each group when `columnId` is set. */
export function layoutRows(rows: readonly GridRow[], columnId: string | null): Layout {
  if (!columnId)
    return { items: rows.map((_, rowIndex) => ({ kind: "row", rowIndex })), lineOf: rows.map((_, i) => i) };
  const items: DisplayItem[] = [];
  const lineOf: number[] = [];
  let header: Extract<DisplayItem, { kind: "group" }> | null = null;
  rows.forEach((row, rowIndex) => {
    const value = row.cells[columnId];
    const key = isEmpty(value) ? "" : cellText(value!);
    if (!header || header.key !== key) {
      header = { kind: "group", key, label: groupLabel(value), count: 0 };
      items.push(header);
    }
    header.count++;
    lineOf.push(items.length);
    items.push({ kind: "row", rowIndex });
  });
  return { items, lineOf };
}

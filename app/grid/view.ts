/**
 * Applying a view to rows in the browser: filters (per type), a search over every visible cell,
 * then a multi-level sort (numbers as numbers, text without regard to case, empty cells last).
 */
import { cellNumber, cellText, compareCellText, isEmptyCell } from "../../schema/cells";
import {
  type CellValue,
  type ColumnDef,
  filterValues,
  NUMERIC_TYPES,
  type RowFilter,
  type ViewSpec,
} from "../../schema/tables";
import type { GridRow } from "./use-table";

function matches(value: CellValue | undefined, filter: RowFilter, numeric: boolean): boolean {
  const empty = isEmptyCell(value);
  if (filter.op === "empty") return empty;
  if (filter.op === "notempty") return !empty;
  if (empty) return filter.op === "neq";
  if (filter.op === "anyof") {
    const wanted = filterValues(filter.value).map((v) => v.toLowerCase());
    const items = Array.isArray(value) ? value : [value];
    return items.some((item) =>
      numeric
        ? wanted.some((w) => cellNumber(item as CellValue) === Number(w))
        : wanted.includes(cellText(item as CellValue)),
    );
  }
  if (filter.op === "between") {
    const [low, high] = filterValues(filter.value);
    if (low === undefined || high === undefined) return false;
    if (numeric) {
      const n = cellNumber(value!);
      return n !== null && n >= Number(low) && n <= Number(high);
    }
    const text = cellText(value!);
    return text >= low.toLowerCase() && text <= high.toLowerCase();
  }
  if (numeric) {
    const n = cellNumber(value!);
    const v = Number(filter.value);
    if (n === null || Number.isNaN(v)) return filter.op === "neq";
    switch (filter.op) {
      case "eq":
        return n === v;
      case "neq":
        return n !== v;
      case "gt":
        return n > v;
      case "gte":
        return n >= v;
      case "lt":
        return n < v;
      case "lte":
        return n <= v;
      case "contains":
        return String(n).includes(filter.value);
    }
  }
  const text = cellText(value!);
  const v = filter.value.toLowerCase();
  switch (filter.op) {
    case "eq":
      return Array.isArray(value) ? value.some((x) => String(x).toLowerCase() === v) : text === v;
    case "neq":
      return Array.isArray(value) ? !value.some((x) => String(x).toLowerCase() === v) : text !== v;
    case "contains":
      return text.includes(v);
    case "gt":
      return text > v;
    case "gte":
      return text >= v;
    case "lt":
      return text < v;
    case "lte":
      return text <= v;
  }
  return true;
}

export function applyView(rows: GridRow[], columns: ColumnDef[], view: ViewSpec, search: string): GridRow[] {
  const types = new Map(columns.map((c) => [c.id, c.type]));
  const visible = columns.filter((c) => !view.hidden.includes(c.id));
  const needle = search.trim().toLowerCase();
  let out = rows.filter(
    (row) =>
      view.filters.every(
        (f) => !types.has(f.columnId) || matches(row.cells[f.columnId], f, NUMERIC_TYPES.has(types.get(f.columnId)!)),
      ) &&
      (!needle || visible.some((c) => row.cells[c.id] !== undefined && cellText(row.cells[c.id]!).includes(needle))),
  );
  // Grouped rows come sorted by the group's column first, so each group is one run.
  const grouping =
    view.groupBy && types.has(view.groupBy) ? [{ columnId: view.groupBy, direction: "asc" as const }] : [];
  const sorts = [...grouping, ...view.sorts.filter((s) => types.has(s.columnId) && s.columnId !== view.groupBy)];
  if (sorts.length) {
    out = [...out].sort((a, b) => {
      for (const s of sorts) {
        const numeric = NUMERIC_TYPES.has(types.get(s.columnId)!);
        const cmp = compare(a.cells[s.columnId], b.cells[s.columnId], numeric);
        if (cmp !== 0) return s.direction === "desc" && cmp !== 2 && cmp !== -2 ? -cmp : Math.sign(cmp);
      }
      return 0;
    });
  }
  return out;
}

/**
 * -1/0/1 by value; ±2 when one side is empty, which always sorts last. The room's row index sorts
 * the same way (its first rows and windowed orders): a numeric column's non-numbers count as
 * empty, and text orders by `compareCellText`.
 */
function compare(a: CellValue | undefined, b: CellValue | undefined, numeric: boolean): number {
  const key = (v: CellValue | undefined) => (isEmptyCell(v) ? null : numeric ? cellNumber(v!) : cellText(v!));
  const ka = key(a);
  const kb = key(b);
  if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 2 : -2;
  if (typeof ka === "string" && typeof kb === "string") return compareCellText(ka, kb);
  return ka === kb ? 0 : ka < kb ? -1 : 1;
}

/** Columns in the view's order: the ones it lists first, in its order, then the rest in table order. */
export function orderColumns(columns: readonly ColumnDef[], order: readonly string[]): ColumnDef[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return columns
    .map((column, i) => ({ column, key: rank.get(column.id) ?? order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.column);
}

/**
 * The view's column order after moving column `id` to where `target` is (after it when moving
 * right, before it when moving left), so hidden columns in between keep their places.
 */
export function moveColumn(
  columns: readonly ColumnDef[],
  order: readonly string[],
  id: string,
  target: string,
): string[] {
  const ids = orderColumns(columns, order).map((c) => c.id);
  const from = ids.indexOf(id);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0) return [...order];
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}

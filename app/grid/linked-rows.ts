/**
 * Reading other tables' rows for link cells and for formulas that look through them: each linked
 * table's rows (cells by column name, its own formulas computed), fetched once per table and
 * page and shared by every cell and formula that needs them, and a search for the picker. Links
 * keep row ids, so a row that cannot be loaded (offline, deleted) shows as such.
 */
import { useEffect, useMemo, useState } from "react";
import { TableFormulas } from "../../schema/computed";
import type { CellValue, ColumnDef, RowPage, TableDetail } from "../../schema/tables";
import { apiJson } from "../lib/api-client";

export type LinkedRow = { id: string; name: string };
type Named = Record<string, CellValue>;
export type LinkedTable = {
  name: string;
  primary: string | null;
  names: Map<string, string>;
  rows: Map<string, Named>;
};

/** Rows a picker lists at once: enough to choose from, with search for the rest. */
export const PICKER_ROWS = 50;
/** Rows read from a linked table for names and rollups (the API's largest page). */
const LINKED_ROWS = 500;

const tables = new Map<string, Promise<LinkedTable>>();

const nameOf = (cells: Record<string, unknown>, primary: string | null) => {
  const value = primary ? cells[primary] : null;
  return value === null || value === undefined || value === "" ? "Untitled row" : String(value);
};

async function loadTable(tableId: string): Promise<LinkedTable> {
  const path = `/api/tables/${encodeURIComponent(tableId)}`;
  const detail = await apiJson<TableDetail>(path);
  const primary = detail.columns[0]?.id ?? null;
  const formulas = TableFormulas.of(detail.columns);
  const names = new Map<string, string>();
  const rows = new Map<string, Named>();
  const page = await apiJson<RowPage>(`${path}/rows?limit=${LINKED_ROWS}`);
  for (const row of page.rows) {
    names.set(row.id, nameOf(row.cells, primary));
    rows.set(row.id, formulas.named(row.cells));
  }
  return { name: detail.name, primary, names, rows };
}

function tableFor(tableId: string): Promise<LinkedTable> {
  let loading = tables.get(tableId);
  if (!loading) {
    loading = loadTable(tableId);
    tables.set(tableId, loading);
    // A failed load is tried again by the next cell that asks.
    loading.catch(() => tables.delete(tableId));
  }
  return loading;
}

/** The linked table's name and its rows, loaded once per page. */
export function useLinkedTable(tableId: string | null): LinkedTable | null {
  const [table, setTable] = useState<LinkedTable | null>(null);
  useEffect(() => {
    if (!tableId) return;
    let live = true;
    tableFor(tableId)
      .then((t) => live && setTable(t))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tableId]);
  return table;
}

/**
 * The rows every link column of `columns` points to, for formulas (`{Link}.{Field}`), or null
 * while the table has no formula that could use them. A new function once more tables arrive.
 */
export function useLinkedRows(columns: readonly ColumnDef[]) {
  const hasFormulas = columns.some((c) => c.type === "formula");
  const ids = columns.flatMap((c) =>
    c.type === "link" && typeof c.options.table === "string" ? [c.options.table] : [],
  );
  // One string for the tables wanted, so a re-read of the same columns changes nothing below.
  const key = hasFormulas ? [...new Set(ids)].sort().join(",") : "";
  const [loaded, setLoaded] = useState<Map<string, LinkedTable>>(new Map());
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(",") : [])
      tableFor(id)
        .then((t) => live && setLoaded((m) => new Map(m).set(id, t)))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key]);
  return useMemo(
    () => (key ? (tableId: string, rowId: string) => loaded.get(tableId)?.rows.get(rowId) : null),
    [key, loaded],
  );
}

/** Rows of the linked table whose first column contains `query`, for the picker. */
export async function searchLinked(tableId: string, primary: string | null, query: string): Promise<LinkedRow[]> {
  const filter = primary && query.trim() ? `&filter=${encodeURIComponent(`${primary}:contains:${query.trim()}`)}` : "";
  const page = await apiJson<RowPage>(`/api/tables/${encodeURIComponent(tableId)}/rows?limit=${PICKER_ROWS}${filter}`);
  const rows = page.rows.map((r) => ({ id: r.id, name: nameOf(r.cells, primary) }));
  // What the picker found is worth remembering for the cells that show these rows.
  void tables.get(tableId)?.then((t) => {
    for (const row of rows) t.names.set(row.id, row.name);
  });
  return rows;
}

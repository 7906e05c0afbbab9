/**
 * Reading another table's rows for link cells: their names (the linked table's first column),
 * fetched once per table and page and shared by every cell that shows them, and a search for
 * the picker. Links keep row ids, so a name that cannot be loaded (offline, deleted) shows as such.
 */
import { useEffect, useState } from "react";
import type { RowPage, TableDetail } from "../../schema/tables";
import { apiJson } from "../lib/api-client";

export type LinkedRow = { id: string; name: string };
type LinkedTable = { name: string; primary: string | null; names: Map<string, string> };

/** Rows a picker lists at once: enough to choose from, with search for the rest. */
export const PICKER_ROWS = 50;

const tables = new Map<string, Promise<LinkedTable>>();

const nameOf = (cells: Record<string, unknown>, primary: string | null) => {
  const value = primary ? cells[primary] : null;
  return value === null || value === undefined || value === "" ? "Untitled row" : String(value);
};

async function loadTable(tableId: string): Promise<LinkedTable> {
  const path = `/api/tables/${encodeURIComponent(tableId)}`;
  const detail = await apiJson<TableDetail>(path);
  const primary = detail.columns[0]?.id ?? null;
  const names = new Map<string, string>();
  const page = await apiJson<RowPage>(`${path}/rows?limit=500`);
  for (const row of page.rows) names.set(row.id, nameOf(row.cells, primary));
  return { name: detail.name, primary, names };
}

/** The linked table's name and its rows' names, loaded once per page. */
export function useLinkedTable(tableId: string | null): LinkedTable | null {
  const [table, setTable] = useState<LinkedTable | null>(null);
  useEffect(() => {
    if (!tableId) return;
    let live = true;
    let loading = tables.get(tableId);
    if (!loading) {
      loading = loadTable(tableId);
      tables.set(tableId, loading);
      // A failed load is tried again by the next cell that asks.
      loading.catch(() => tables.delete(tableId));
    }
    loading.then((t) => live && setTable(t)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tableId]);
  return table;
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

/**
 * The rows a table page draws before its docs have synced: the view's first rows, served with the
 * page (so they are in its HTML), then placeholders up to the view's row count. They are shown,
 * navigated and copied from, never edited: the synced rows replace them, and a windowed table's
 * placeholders keep their cells until their blocks arrive.
 */
import { useEffect, useState } from "react";
import type { ViewPage } from "../../schema/tables";
import type { SyncStatus, TableSync } from "../../sync/provider";
import type { GridRow } from "./use-table";

/** Rows served with the page: 60 rows of 32 px fill a 1,900 px tall window. */
export const FIRST_ROWS = 60;

/** The page's first rows, then placeholders to the view's row count. */
export function firstRows(page: ViewPage): GridRow[] {
  const rows: GridRow[] = page.rows.map((r) => ({ ...r, loading: true, preview: true }));
  for (let i = rows.length; i < page.total; i++)
    rows.push({ id: `pending-${i}`, block: "b0", pos: "", cells: {}, loading: true });
  return rows;
}

/** A windowed table's rows, its placeholders showing what the page was served with. */
export function withFirstRows(rows: GridRow[], page: ViewPage): GridRow[] {
  if (!page.rows.length) return rows;
  const served = new Map(page.rows.map((r) => [r.id, r]));
  let changed = false;
  const out = rows.map((row) => {
    const known = row.loading && !row.preview ? served.get(row.id) : undefined;
    if (!known) return row;
    changed = true;
    return { ...known, loading: true as const, preview: true as const };
  });
  return changed ? out : rows;
}

/**
 * Whether the table's synced rows can stand in for the served ones: once the first sync has
 * settled (every doc exchanged with the server) or failed (offline: IndexedDB's copy is all there
 * is). It stays true for the life of `sync`, so a later "syncing" (an import) does not go back.
 */
export function useSettled(sync: TableSync | null, status: SyncStatus): boolean {
  const [settledFor, setSettledFor] = useState<TableSync | null>(null);
  const settled = sync !== null && (settledFor === sync || status.state !== "syncing");
  useEffect(() => {
    if (settled && settledFor !== sync) setSettledFor(sync);
  }, [settled, settledFor, sync]);
  return settled;
}

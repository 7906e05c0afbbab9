/**
 * The rows a table page draws before its docs have synced: the view's first rows, served with the
 * page (so they are in its HTML), then placeholders up to the view's row count. They are shown,
 * navigated and copied from, never edited: the synced rows replace them, and a windowed table's
 * placeholders keep their cells until their blocks arrive.
 */
import { useEffect, useState } from "react";
import type { ViewPage, ViewRow } from "../../schema/tables";
import type { TableSync } from "../../sync/provider";
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

/** The served rows by id, for `withFirstRows` to draw from (and forget as their blocks load). */
export function servedById(page: ViewPage): Map<string, ViewRow> {
  return new Map(page.rows.map((r) => [r.id, r]));
}

/**
 * A windowed table's rows, its placeholders showing the cells served with the page. A row seen
 * loaded is forgotten from `served`, so a block closed and opened again never shows stale cells.
 */
export function withFirstRows(rows: GridRow[], served: Map<string, ViewRow>): GridRow[] {
  if (!served.size) return rows;
  let changed = false;
  const out = rows.map((row) => {
    if (!row.loading) {
      served.delete(row.id);
      return row;
    }
    const known = row.preview ? undefined : served.get(row.id);
    if (!known) return row;
    changed = true;
    return { ...known, loading: true as const, preview: true as const };
  });
  return changed ? out : rows;
}

/**
 * Whether `condition` has held since `sync` was made: true from then on for the life of `sync`
 * (a later "syncing", an import or a dropped network, does not bring the served rows back).
 */
export function useLatch(sync: TableSync | null, condition: boolean): boolean {
  const [heldFor, setHeldFor] = useState<TableSync | null>(null);
  const held = sync !== null && (heldFor === sync || condition);
  useEffect(() => {
    if (held && heldFor !== sync) setHeldFor(sync);
  }, [held, heldFor, sync]);
  return held;
}

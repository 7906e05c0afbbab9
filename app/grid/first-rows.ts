/**
 * The rows a table page draws before its docs have synced: the view's first rows, served with the
 * page (so they are in its HTML), then placeholders up to the view's row count. They are shown,
 * navigated and copied from; a served row is edited once its block has synced (`useLiveFirstRows`),
 * the whole synced table replaces them all, and a windowed table's placeholders keep their cells
 * until their blocks arrive.
 */
import { useEffect, useMemo, useState } from "react";
import type { ViewPage, ViewRow } from "../../schema/tables";
import { type DocName, rowsOf } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { type GridRow, gridRow, oncePerFrame, onDocChange } from "./use-table";

/** Rows served with the page: 60 rows of 32 px fill a 1,900 px tall window. */
export const FIRST_ROWS = 60;

/** The page's first rows, then placeholders to the view's row count. */
export function firstRows(page: ViewPage): GridRow[] {
  const rows: GridRow[] = page.rows.map((r) => ({ ...r, loading: true, preview: true }));
  for (let i = rows.length; i < page.total; i++)
    rows.push({ id: `pending-${i}`, block: "b0", pos: "", cells: {}, loading: true });
  return rows;
}

/** The blocks of `blocks` holding the served rows, in the order their rows are served. */
export function servedBlocks(blocks: readonly DocName[], page: ViewPage): DocName[] {
  const known = new Set(blocks);
  return [...new Set(page.rows.map((r) => r.block as DocName).filter((b) => known.has(b)))];
}

/** The table's blocks, those holding the served rows first. */
export function servedBlocksFirst(blocks: readonly DocName[], page: ViewPage): DocName[] {
  const first = servedBlocks(blocks, page);
  return [...first, ...blocks.filter((b) => !first.includes(b))];
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
 * `first` with each served row live (editable, as its block has it now) once its block has synced;
 * a served row deleted since is left out. The rest of the table is still loading, so the order
 * stays the served one (an edit that moves a row in the view moves it when every row is in).
 * With `on` false, or before any block has synced, it is `first` itself.
 */
export function useLiveFirstRows(sync: TableSync | null, first: GridRow[], on: boolean): GridRow[] {
  const [version, setVersion] = useState(0);
  const blocks = useMemo(() => new Set(first.filter((r) => r.preview).map((r) => r.block as DocName)), [first]);
  // Blocks seen synced stay live through a dropped connection: their rows are edited offline as any.
  const isLive = useMemo(() => {
    const seen = new Set<DocName>();
    return (block: DocName) => seen.has(block) || (sync?.isSynced(block) === true && seen.add(block).has(block));
  }, [sync]);
  useEffect(() => {
    if (!sync || !on || !blocks.size) return;
    const bump = oncePerFrame(() => setVersion((v) => v + 1));
    const offs = [...blocks].map((block) => {
      return onDocChange(sync.open(block), () => isLive(block) && bump.request());
    });
    offs.push(sync.onSynced((block) => blocks.has(block) && bump.request()));
    return () => {
      for (const off of offs) off();
      bump.cancel();
    };
  }, [sync, on, blocks, isLive]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that a served row's block changed
  return useMemo(() => {
    if (!sync || !on || ![...blocks].some(isLive)) return first;
    const out: GridRow[] = [];
    for (const row of first) {
      const block = row.block as DocName;
      if (!row.preview || !isLive(block)) out.push(row);
      else {
        const cells = rowsOf(sync.open(block)).get(row.id);
        if (cells) out.push(gridRow(row.id, block, cells));
      }
    }
    return out;
  }, [sync, on, blocks, first, isLive, version]);
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

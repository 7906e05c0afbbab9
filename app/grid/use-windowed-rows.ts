/**
 * A windowed table's rows (more blocks than EAGER_BLOCKS): the view's order comes from the
 * server's row index, and only the blocks near the screen are open (see `block-window`). Rows
 * whose block is not loaded yet are placeholders (`loading`), filled in when it arrives.
 *
 * The order is asked again (1) when the view's sorts or filters change; (2) shortly after an open
 * block adds or removes a row or changes a cell the order depends on (a sorted or filtered column,
 * or the position in manual order); (3) every ORDER_POLL_MS while the page is visible, for edits
 * in blocks this page has not opened, costing a bodiless 304 while nothing changed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import type { ColumnDef, ViewSpec } from "../../schema/tables";
import { type DocName, POS_KEY, rowsOf } from "../../sync/layout";
import type { TableSync } from "../../sync/provider";
import { blocksToClose, blocksWanted, type RowRange } from "./block-window";
import { fetchOrder, OrderError, orderParams, type ViewOrder } from "./row-order";
import { type GridRow, oncePerFrame, readBlock } from "./use-table";

/**
 * Changes coalesce this long before the order is asked again. The server indexes an update in the
 * transaction that logs it, before broadcasting it, so an edit that came back is in the index.
 */
const REFRESH_DEBOUNCE_MS = 500;
/** How often a visible page asks whether the order changed (other people's edits in unopened blocks). */
const ORDER_POLL_MS = 10_000;
/** The first screen before the grid reports its own: 50 rows of 32 px cover a 1,600 px window. */
const FIRST_RANGE: RowRange = { start: 0, end: 50, active: -1 };

export type RowWindow = {
  /** Every row of the view, in order; unloaded ones are placeholders. */
  rows: GridRow[];
  /** The order has arrived (until then `rows` is empty). */
  ready: boolean;
  /** Where the table's manual order ends (new rows go after it). */
  lastPos: string | null;
  /** Block docs open now (for tests and the benchmark). */
  openBlocks: number;
  /** Why the order could not be loaded, if it could not. */
  error: string | null;
  /** The grid reports the rows on screen and the active one. */
  show(range: RowRange): void;
};

/** Whether the rows of the window's first screen have loaded (not placeholders). */
export function firstScreenIn(rowWindow: RowWindow): boolean {
  const { ready, rows } = rowWindow;
  return ready && !rows.slice(FIRST_RANGE.start, FIRST_RANGE.end).some((row) => row.loading);
}

/**
 * The window onto a large table's rows, or null for a table loaded whole. `large` is what the page
 * knew before the manifest synced (the server's block count), so the order is asked at once.
 */
export function useWindowedRows(
  sync: TableSync | null,
  tableId: string,
  view: ViewSpec,
  columns: readonly ColumnDef[],
  large: boolean,
): RowWindow | null {
  const enabled = large || Boolean(sync?.windowed());
  const paramsKey = orderParams(view, columns).toString();
  const [order, setOrder] = useState<(ViewOrder & { key: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const [version, setVersion] = useState(0);
  const [range, setRange] = useState<RowRange>(FIRST_RANGE);
  const cache = useMemo(() => new Map<DocName, Map<string, GridRow>>(), []);
  const lastUsed = useMemo(() => new Map<DocName, number>(), []);
  const known = useRef<{ key: string; version: string | null }>({ key: "", version: null });
  /** A fetch under way: a poll does not cut it short (a change does, its answer is newer). */
  const fetching = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is the signal to ask again
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    const version = known.current.key === paramsKey ? known.current.version : null;
    fetching.current = true;
    // A view's first order is drawn from its first page on; a new one replaces the old when whole.
    const first = (part: ViewOrder) => !abort.signal.aborted && setOrder({ ...part, key: paramsKey });
    fetchOrder(tableId, new URLSearchParams(paramsKey), version, abort.signal, version ? undefined : first)
      .finally(() => {
        if (!abort.signal.aborted) fetching.current = false;
      })
      .then(
        (next) => {
          if (abort.signal.aborted) return;
          setError(null);
          if (!next) return;
          known.current = { key: paramsKey, version: next.version };
          setOrder({ ...next, key: paramsKey });
        },
        (e: Error) => {
          if (!abort.signal.aborted)
            setError(e instanceof OrderError ? e.message : `Could not load the row order: ${e}`);
        },
      );
    return () => abort.abort();
  }, [enabled, tableId, paramsKey, asked]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const askSoon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setAsked((n) => n + 1), REFRESH_DEBOUNCE_MS);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    const poll = setInterval(() => {
      if (document.visibilityState === "visible" && !fetching.current) setAsked((n) => n + 1);
    }, ORDER_POLL_MS);
    return () => {
      clearInterval(poll);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled]);

  // Watches every open block, whoever opened it: its rows re-read on change, the order asked again.
  const watchedKey = [...view.sorts.map((s) => s.columnId), ...view.filters.map((f) => f.columnId)].join(",");
  useEffect(() => {
    if (!sync || !enabled) return;
    const ordering = new Set(watchedKey ? watchedKey.split(",") : []);
    if (!view.sorts.length) ordering.add(POS_KEY);
    const bump = oncePerFrame(() => setVersion((v) => v + 1));
    const watched = new Map<DocName, () => void>();
    const reconcile = () => {
      for (const [block, off] of watched) {
        if (sync.isOpen(block)) continue;
        off();
        watched.delete(block);
        cache.delete(block);
      }
      for (const block of sync.openBlocks()) {
        if (watched.has(block)) continue;
        const rows = rowsOf(sync.open(block));
        const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          cache.delete(block);
          bump.request();
          const reorders = events.some(
            (e) => e.target === rows || [...e.changes.keys.keys()].some((key) => ordering.has(key)),
          );
          if (reorders) askSoon();
        };
        rows.observeDeep(onChange);
        watched.set(block, () => rows.unobserveDeep(onChange));
        cache.delete(block);
      }
      bump.request();
    };
    const offDocs = sync.onDocs(reconcile);
    reconcile();
    return () => {
      offDocs();
      for (const off of watched.values()) off();
      bump.cancel();
    };
  }, [sync, enabled, cache, askSoon, watchedKey, view.sorts.length]);

  // Closing drops a doc's unsent changes until it is opened again: close only with nothing waiting.
  const [canClose, setCanClose] = useState(false);
  useEffect(() => sync?.onStatus((s) => setCanClose(s.state === "online" && !s.pending)), [sync]);

  // Opens the blocks the screen needs and closes, least recently used first, those it does not.
  useEffect(() => {
    if (!sync || !order) return;
    // A new row's block opens when the row is added (see `addRow`), so it need not be kept open.
    const wanted = blocksWanted(order.blocks, range);
    const now = performance.now();
    for (const block of wanted) {
      lastUsed.set(block, now);
      sync.open(block);
    }
    if (!canClose) return;
    for (const block of blocksToClose(sync.openBlocks(), wanted, lastUsed)) sync.close(block);
  }, [sync, order, range, lastUsed, canClose]);

  const ordered = useMemo(() => new Set(order?.ids), [order]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that an open block changed
  const rows = useMemo(() => {
    if (!sync || !order) return [];
    const rowsOf = (block: DocName) => {
      let byId = cache.get(block);
      if (!byId && sync.isOpen(block)) {
        byId = new Map(readBlock(sync.open(block), block).map((r) => [r.id, r]));
        cache.set(block, byId);
      }
      return byId;
    };
    const out: GridRow[] = new Array(order.total);
    for (let i = 0; i < order.ids.length; i++) {
      const id = order.ids[i]!;
      const block = order.blocks[i]!;
      out[i] = rowsOf(block)?.get(id) ?? { id, block, pos: "", cells: {}, loading: true };
    }
    // Rows past the first page of an order still coming: placeholders with stand-in ids (and a
    // block that is never opened for them, as placeholders are never written).
    for (let i = order.ids.length; i < order.total; i++)
      out[i] = { id: `pending-${i}`, block: "b0", pos: "", cells: {}, loading: true };
    // Rows added here since the order was fetched go last until it is fetched again, as they
    // would in manual order or under a sort (empty cells sort last); a filter decides on the server.
    if (order.complete && !order.key.includes("filter")) {
      for (const block of sync.openBlocks())
        for (const row of rowsOf(block)?.values() ?? []) if (!ordered.has(row.id)) out.push(row);
    }
    return out;
  }, [sync, order, ordered, version, cache]);

  const show = useCallback(
    (next: RowRange) =>
      setRange((r) => (r.start === next.start && r.end === next.end && r.active === next.active ? r : next)),
    [],
  );
  if (!enabled || !sync) return null;
  return {
    rows,
    ready: Boolean(order),
    lastPos: order?.lastPos ?? null,
    openBlocks: sync.openBlocks().length,
    error,
    show,
  };
}

/**
 * The grid's view of a table: its columns and rows (in position order) from the synced docs,
 * re-read when a doc changes (at most once a frame), plus writes that go through the docs.
 */
import { generateKeyBetween } from "fractional-indexing";
import { useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { type CellValue, type ColumnDef, ViewSpec } from "../../schema/tables";
import {
  BLOCK_ROWS,
  blockForNewRows,
  cellsLater,
  columnsOf,
  DEFAULT_VIEW,
  type DocName,
  insertRow,
  lastPos,
  listViews,
  newRowId,
  positionAfter,
  posOf,
  readView,
  rowCount,
  rowsOf,
  setCells,
  setRowPos,
  tableName,
  writeView,
} from "../../sync/layout";
import { type SyncStatus, TableSync } from "../../sync/provider";
import { takeEarlySocket } from "../../sync/provider/early";
import { inputHoldBack } from "../../sync/provider/inbox";

export type GridRow = {
  id: string;
  block: DocName;
  pos: string;
  cells: Readonly<Record<string, CellValue>>;
  /** A row whose block is not loaded yet: a placeholder, not to be edited. */
  loading?: true;
  /** A placeholder showing the cells the page was served with (see `first-rows`). */
  preview?: true;
};
export type TableView = {
  name: string;
  columns: ColumnDef[];
  rows: GridRow[];
  /** The view being looked at, and every view of the table in tab order. */
  view: ViewSpec;
  views: { id: string; view: ViewSpec }[];
};

/** Opens the table's sync connection in the browser for as long as the component lives. */
export function useTableSync(tableId: string, blocks?: readonly DocName[]) {
  const [sync, setSync] = useState<TableSync | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ state: "offline", pending: 0, readOnly: false });
  // The blocks the page was served with, read when the table opens: they only hurry its first sync.
  const known = useRef(blocks);
  known.current = blocks;
  useEffect(() => {
    // Opened a task later: opening it (IndexedDB, the frames the early socket holds) and the render
    // its connection sets off would otherwise join the task that ends hydration, with the grid's
    // first measuring, in one long task (~60 ms) that a click or key made then waits for.
    let opened: { sync: TableSync; off: () => void } | null = null;
    const open = setTimeout(() => {
      const protocol = location.protocol === "https:" ? "wss" : "ws";
      const next = new TableSync({
        url: `${protocol}://${location.host}/sync`,
        tableId,
        blocks: known.current,
        // A large table's blocks load between the person's clicks and keys, not in front of them.
        holdBack: inputHoldBack,
        // The socket the page's HTML opened, with what the server already sent on it.
        early: takeEarlySocket(tableId),
      });
      opened = { sync: next, off: next.onStatus(setStatus) };
      setSync(next);
    }, 0);
    return () => {
      clearTimeout(open);
      opened?.off();
      opened?.sync.destroy();
    };
  }, [tableId]);
  return { sync, status };
}

/**
 * Calls `fn` after each transaction that changed the doc; returns the unsubscribe. Not an "update"
 * listener: one makes Yjs encode every change again to hand it over, a block's whole first load
 * included (TableSync.applyRemote), and this needs only to know that something changed.
 */
export function onDocChange(doc: Y.Doc, fn: () => void): () => void {
  const after = (tr: Y.Transaction) => {
    const grew = [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock);
    if (grew || tr.deleteSet.clients.size > 0) fn();
  };
  doc.on("afterTransaction", after);
  return () => doc.off("afterTransaction", after);
}

/**
 * Calls `fn` at most once an animation frame however often `request` is called (docs change many
 * times a frame while blocks arrive); `cancel` drops a call not made yet.
 */
export function oncePerFrame(fn: () => void) {
  let frame = 0;
  return {
    request() {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        fn();
      });
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

/** One row of a block as the grid draws it. */
export function gridRow(id: string, block: DocName, row: Y.Map<unknown>): GridRow {
  const cells = cellsLater(row);
  return {
    id,
    block,
    pos: posOf(row),
    get cells() {
      return cells();
    },
  };
}

/** A block's rows, unordered. */
export function readBlock(doc: Y.Doc, block: DocName): GridRow[] {
  const out: GridRow[] = [];
  for (const [id, row] of rowsOf(doc)) out.push(gridRow(id, block, row));
  return out;
}

/**
 * Columns, rows and the view `viewId` (the default one if it is gone), kept current with the docs.
 * A windowed table's rows are not read here (`rows` is empty; see `useWindowedRows`), nor any
 * table's until `readRows`: while a page shows the rows it was served with, twenty blocks
 * arriving would otherwise be read and sorted again every frame, slowing the page under the user.
 */
export function useTableView(sync: TableSync | null, viewId: string = DEFAULT_VIEW, readRows = true): TableView {
  const [version, setVersion] = useState(0);
  const cache = useMemo(() => new Map<DocName, GridRow[]>(), []);
  const reading = useRef(readRows);
  reading.current = readRows;
  useEffect(() => {
    if (!sync) return;
    const bump = oncePerFrame(() => setVersion((v) => v + 1));
    const watched = new Map<DocName, () => void>();
    const watch = () => {
      for (const block of sync.windowed() ? [] : sync.blocks()) {
        if (watched.has(block)) continue;
        const doc = sync.open(block);
        const off = onDocChange(doc, () => {
          cache.delete(block);
          if (reading.current) bump.request();
        });
        watched.set(block, off);
      }
      bump.request();
    };
    const offManifest = onDocChange(sync.manifest, watch);
    watch();
    return () => {
      offManifest();
      for (const off of watched.values()) off();
      bump.cancel();
    };
  }, [sync, cache]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the docs changed
  return useMemo(() => {
    if (!sync) return { name: "", columns: [], rows: [], view: ViewSpec.parse({}), views: [] };
    const rows: GridRow[] = [];
    for (const block of sync.windowed() || !readRows ? [] : sync.blocks()) {
      let blockRows = cache.get(block);
      if (!blockRows) {
        blockRows = readBlock(sync.open(block), block);
        cache.set(block, blockRows);
      }
      rows.push(...blockRows);
    }
    rows.sort((a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : a.id < b.id ? -1 : 1));
    const views = listViews(sync.manifest);
    return {
      name: tableName(sync.manifest),
      columns: columnsOf(sync.manifest),
      rows,
      view: (views.find((v) => v.id === viewId) ?? views.find((v) => v.id === DEFAULT_VIEW)!).view,
      views,
    };
  }, [sync, version, cache, viewId, readRows]);
}

/** Changes a shared view. */
export function updateView(sync: TableSync, viewId: string, change: (view: ViewSpec) => ViewSpec): void {
  sync.manifest.transact(() => writeView(sync.manifest, viewId, change(readView(sync.manifest, viewId))));
}

/** Writes one cell (null clears it). */
export function writeCell(sync: TableSync, row: GridRow, columnId: string, value: CellValue): void {
  const doc = sync.open(row.block);
  doc.transact(() => setCells(doc, row.id, { [columnId]: value }));
}

/**
 * The position after every row of the table, across its blocks; a windowed table reads its open
 * blocks only, with `floor` (the last position the server knows) standing for the rest.
 */
function tableLastPos(sync: TableSync, floor: string | null = null): string | null {
  let last = floor;
  for (const block of sync.windowed() ? sync.openBlocks() : sync.blocks()) {
    const pos = lastPos(sync.open(block));
    if (pos && (!last || pos > last)) last = pos;
  }
  return last;
}

/** Rows written per transaction when many are added at once (an import): one update each. */
const ROWS_PER_WRITE = 500;

/**
 * Appends many rows, filling blocks in order, a chunk per transaction, yielding to the page
 * between chunks so it stays responsive; `progress` hears how many are done.
 */
export async function addRows(
  sync: TableSync,
  rows: Record<string, CellValue>[],
  progress?: (done: number) => void,
): Promise<void> {
  let last = tableLastPos(sync);
  let done = 0;
  while (done < rows.length) {
    const block = blockForNewRows(sync.manifest, (name) => rowCount(sync.open(name)));
    const doc = sync.open(block);
    const room = Math.max(1, Math.min(ROWS_PER_WRITE, BLOCK_ROWS - rowCount(doc)));
    const chunk = rows.slice(done, done + room);
    doc.transact(() => {
      for (const cells of chunk) {
        last = positionAfter(last);
        insertRow(doc, newRowId(), cells, last);
      }
    });
    done += chunk.length;
    progress?.(done);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Adds a row right after `after` (between it and the next row in position order), empty or with
 * `cells`; returns its id.
 */
export function insertRowAfter(
  sync: TableSync,
  after: GridRow,
  next: GridRow | undefined,
  cells: Record<string, CellValue> = {},
): string {
  const block = blockForNewRows(sync.manifest, (name) => rowCount(sync.open(name)));
  const doc = sync.open(block);
  const id = newRowId();
  doc.transact(() =>
    insertRow(
      doc,
      id,
      cells,
      generateKeyBetween(after.pos || null, next?.pos && next.pos > after.pos ? next.pos : null),
    ),
  );
  return id;
}

/**
 * Moves `row` between `prev` and `next` (either may be absent: the start or the end) in the
 * manual order. Two rows can share a position (added offline at once); then it goes after `prev`.
 */
export function moveRowBetween(sync: TableSync, row: GridRow, prev: GridRow | undefined, next: GridRow | undefined) {
  const low = prev?.pos || null;
  const high = next?.pos && (!low || next.pos > low) ? next.pos : null;
  const doc = sync.open(row.block);
  doc.transact(() => setRowPos(doc, row.id, generateKeyBetween(low, high)));
}

/** Adds an empty row at the end of the table (a windowed one's ends at `floor` or later); returns its id. */
export function addRow(sync: TableSync, cells: Record<string, CellValue> = {}, floor: string | null = null): string {
  const block = blockForNewRows(sync.manifest, (name) => rowCount(sync.open(name)));
  const doc = sync.open(block);
  const id = newRowId();
  const last = tableLastPos(sync, floor);
  doc.transact(() => insertRow(doc, id, cells, positionAfter(last)));
  return id;
}

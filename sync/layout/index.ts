/**
 * The layout of a table's documents, and the only code that reaches into their Y structures:
 * - `<tableId>:manifest`: `columns` (Y.Array of Y.Map: id, name, type, options), `views`,
 *   `triggers` (Y.Maps), `blocks` (Y.Array of block names), `meta` (Y.Map: name, …);
 * - `<tableId>:b<n>`: `rows`, a Y.Map from row id to a row Y.Map: `_pos`, a fractional index for
 *   manual order; `_base`, the cells the row was created with as one JSON text (column id →
 *   value), written once with the row; and a key per cell edited since (column id → value, `null`
 *   for a cleared cell), which reads over the base. One value for a row's first cells keeps a
 *   block at about one Yjs item a row instead of one a cell, and as text it loads as one string
 *   and one JSON.parse rather than a decoded string per key and value. Edits stay a key each, so
 *   two people editing different cells of a row still merge cell by cell. Rows written before
 *   the base existed have only cell keys, and read the same. A block holds at most BLOCK_ROWS
 *   rows; rows never move.
 * The browser, the TableRoom and tests all use these accessors.
 */
import { generateKeyBetween } from "fractional-indexing";
import * as Y from "yjs";
import { type CellValue, type ColumnDef, type ColumnType, ViewSpec } from "../../schema/tables";
import { TriggerRule } from "../../schema/triggers";

/**
 * Rows per block doc: ~0.6 MB of Y.Doc heap at 15 columns with the cells in a row's base, ~3.5 MB
 * with every cell a key (`npm run bench:layouts`).
 */
export const BLOCK_ROWS = 1000;
/** Block numbers above this are refused as unknown docs (10 million rows). */
export const MAX_BLOCKS = 10_000;
/**
 * Blocks a browser opens up front (20,000 rows at 1,000 a block, ~8 MB over the socket); a table
 * with more is windowed: a page opens only the blocks its view needs (see sync/provider).
 */
export const EAGER_BLOCKS = 20;

/** Whether a table of `blocks` blocks is windowed (see EAGER_BLOCKS). */
export const isWindowed = (blocks: number) => blocks > EAGER_BLOCKS;
/** The key inside a row map that holds its fractional position. */
export const POS_KEY = "_pos";
/**
 * The layout's version, which the app's socket names (`?layout=`): 2 since rows keep a base. A
 * page built for an older layout would read a base row as empty, so the server turns it away
 * (CLOSE_OUTDATED) and it asks to be reloaded; its unsent edits wait in IndexedDB meanwhile.
 */
export const LAYOUT_VERSION = 2;
/** The key inside a row map that holds the cells the row was created with. */
export const BASE_KEY = "_base";

export type DocName = "manifest" | `b${number}`;

/** `<tableId>:<doc>` split, or null when either part is malformed. */
export function parseRoom(room: string): { tableId: string; doc: DocName } | null {
  const at = room.indexOf(":");
  if (at <= 0) return null;
  const tableId = room.slice(0, at);
  const doc = room.slice(at + 1);
  return isTableId(tableId) && isDocName(doc) ? { tableId, doc } : null;
}

export function isTableId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

export function isDocName(doc: string): doc is DocName {
  if (doc === "manifest") return true;
  const m = /^b(0|[1-9]\d{0,5})$/.exec(doc);
  return Boolean(m) && Number(m![1]) < MAX_BLOCKS;
}

export const blockName = (n: number): DocName => `b${n}`;
export const blockNumber = (doc: DocName): number => (doc === "manifest" ? -1 : Number(doc.slice(1)));

// ── manifest ──────────────────────────────────────────────────────────────────────────────

const columnsArray = (m: Y.Doc) => m.getArray<Y.Map<unknown>>("columns");
const blocksArray = (m: Y.Doc) => m.getArray<string>("blocks");
const metaMap = (m: Y.Doc) => m.getMap<unknown>("meta");

export function viewsOf(m: Y.Doc): Y.Map<unknown> {
  return m.getMap("views");
}

/** A view by id; a missing or malformed one reads as the empty view. */
export function readView(m: Y.Doc, id: string): ViewSpec {
  const parsed = ViewSpec.safeParse(viewsOf(m).get(id) ?? {});
  return parsed.success ? parsed.data : ViewSpec.parse({});
}

export function writeView(m: Y.Doc, id: string, view: ViewSpec): void {
  viewsOf(m).set(id, view);
}

/** The id every table's first view has; it reads as an empty view until someone changes it. */
export const DEFAULT_VIEW = "default";

/** The table's views in tab order, the default one always among them. */
export function listViews(m: Y.Doc): { id: string; view: ViewSpec }[] {
  const ids = new Set([DEFAULT_VIEW, ...viewsOf(m).keys()]);
  return [...ids]
    .map((id) => ({ id, view: readView(m, id) }))
    .sort((a, b) => a.view.position - b.view.position || a.id.localeCompare(b.id));
}

/** Removes a view; the default one stays (it is where a table opens). */
export function removeView(m: Y.Doc, id: string): boolean {
  if (id === DEFAULT_VIEW || !viewsOf(m).has(id)) return false;
  viewsOf(m).delete(id);
  return true;
}

const triggersMap = (m: Y.Doc) => m.getMap<unknown>("triggers");

/** The table's trigger rules; a malformed entry (written by an old or hostile client) is left out. */
export function rulesOf(m: Y.Doc): TriggerRule[] {
  const out: TriggerRule[] = [];
  for (const value of triggersMap(m).values()) {
    const parsed = TriggerRule.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function writeRule(m: Y.Doc, rule: TriggerRule): void {
  triggersMap(m).set(rule.id, rule);
}

export function removeRule(m: Y.Doc, id: string): boolean {
  if (!triggersMap(m).has(id)) return false;
  triggersMap(m).delete(id);
  return true;
}

/** A new table's manifest content: name, columns and its first block. */
export function initManifest(m: Y.Doc, name: string, columns: ColumnDef[]): void {
  m.transact(() => {
    metaMap(m).set("name", name);
    for (const column of columns) addColumn(m, column);
    if (blocksArray(m).length === 0) blocksArray(m).push([blockName(0)]);
  });
}

export function setTableName(m: Y.Doc, name: string): void {
  metaMap(m).set("name", name);
}

export function tableName(m: Y.Doc): string {
  const name = metaMap(m).get("name");
  return typeof name === "string" ? name : "";
}

export function columnsOf(m: Y.Doc): ColumnDef[] {
  const out: ColumnDef[] = [];
  for (const col of columnsArray(m)) {
    const id = col.get("id");
    const name = col.get("name");
    const type = col.get("type");
    if (typeof id !== "string" || typeof name !== "string" || typeof type !== "string") continue;
    const options = col.get("options");
    out.push({ id, name, type: type as ColumnType, options: isRecord(options) ? options : {} });
  }
  return out;
}

export function addColumn(m: Y.Doc, column: ColumnDef): void {
  const map = new Y.Map<unknown>();
  map.set("id", column.id);
  map.set("name", column.name);
  map.set("type", column.type);
  map.set("options", column.options ?? {});
  columnsArray(m).push([map]);
}

/** A row id, random so that clients adding rows offline never collide. */
export function newRowId(): string {
  return `r${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

/** A column id unlikely to collide with one another client adds at the same time, offline included. */
export function newColumnId(): string {
  return `c${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

function columnMap(m: Y.Doc, id: string): Y.Map<unknown> | null {
  for (const col of columnsArray(m)) if (col.get("id") === id) return col;
  return null;
}

/** Renames a column; false if there is no such column. */
export function renameColumn(m: Y.Doc, id: string, name: string): boolean {
  const col = columnMap(m, id);
  if (!col) return false;
  col.set("name", name);
  return true;
}

/** Changes a column's type (converting its cells is the caller's job); false if there is no such column. */
export function setColumnType(m: Y.Doc, id: string, type: ColumnType): boolean {
  const col = columnMap(m, id);
  if (!col) return false;
  col.set("type", type);
  return true;
}

/** Replaces a column's options (a formula's text, a button's action); false if there is no such column. */
export function setColumnOptions(m: Y.Doc, id: string, options: Record<string, unknown>): boolean {
  const col = columnMap(m, id);
  if (!col) return false;
  col.set("options", options);
  return true;
}

/** Removes a column's definition. Its cells stay in the rows, out of sight, so undo brings them back. */
export function removeColumn(m: Y.Doc, id: string): boolean {
  const arr = columnsArray(m);
  for (let i = 0; i < arr.length; i++) {
    if (arr.get(i).get("id") === id) {
      arr.delete(i, 1);
      return true;
    }
  }
  return false;
}

/** Block names in creation order, without duplicates (two offline clients may add the same one). */
export function blocksOf(m: Y.Doc): DocName[] {
  const seen = new Set<string>();
  const out: DocName[] = [];
  for (const name of blocksArray(m)) {
    if (isDocName(name) && name !== "manifest" && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out.sort((a, b) => blockNumber(a) - blockNumber(b));
}

export function addBlock(m: Y.Doc): DocName {
  const blocks = blocksOf(m);
  const next = blockName(blocks.length ? blockNumber(blocks.at(-1)!) + 1 : 0);
  blocksArray(m).push([next]);
  return next;
}

/**
 * The block new rows go to: the newest with room, else a new one (added to the manifest).
 * `counts` gives each block's row count as the caller knows it.
 */
export function blockForNewRows(m: Y.Doc, counts: (doc: DocName) => number, adding = 1): DocName {
  const newest = blocksOf(m).at(-1);
  if (newest && counts(newest) + adding <= BLOCK_ROWS) return newest;
  return addBlock(m);
}

// ── blocks ────────────────────────────────────────────────────────────────────────────────

/** A block's rows: row id → row map. Read a row's cells with `cellsOf`, never the map's keys. */
export function rowsOf(b: Y.Doc): Y.Map<Y.Map<unknown>> {
  return b.getMap<Y.Map<unknown>>("rows");
}

export function rowCount(b: Y.Doc): number {
  return rowsOf(b).size;
}

const isCellKey = (key: string) => key !== POS_KEY && key !== BASE_KEY;

/** The row's base: the cells it was created with ({} for a row written before bases), a fresh object. */
function baseOf(row: Y.Map<unknown>): Record<string, CellValue> {
  return parseBase(row.get(BASE_KEY));
}

/**
 * A base as stored (JSON text; an object, as a client may also write it) read into a fresh object;
 * anything malformed reads as no cells.
 */
function parseBase(value: unknown): Record<string, CellValue> {
  if (isRecord(value)) return { ...(value as Record<string, CellValue>) };
  if (typeof value !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? (parsed as Record<string, CellValue>) : {};
  } catch {
    return {};
  }
}

/** A row map's cells (column id → value): its edits over its base, cleared cells left out. A fresh object. */
export function cellsOf(row: Y.Map<unknown>): Record<string, CellValue> {
  return cellsLater(row)();
}

/**
 * A row map's cells as they are now, read when first asked for: the row's edits are taken now and
 * its base text (never changed once written) is parsed on the first call. A grid that draws a
 * screenful of a 20,000-row table parses the bases of the rows it draws, not all 20,000.
 */
export function cellsLater(row: Y.Map<unknown>): () => Record<string, CellValue> {
  const base = toPlain(row.get(BASE_KEY));
  const edits: [string, CellValue][] = [];
  for (const [key, value] of row.entries()) if (isCellKey(key)) edits.push([key, toPlain(value)]);
  let cells: Record<string, CellValue> | undefined;
  return () => {
    if (cells) return cells;
    cells = parseBase(base);
    for (const [key, value] of edits) {
      if (value === null || value === undefined) delete cells[key];
      else cells[key] = value;
    }
    return cells;
  };
}

/** One cell of a row map; undefined when it is empty. */
export function cellOf(row: Y.Map<unknown>, columnId: string): CellValue | undefined {
  if (!isCellKey(columnId)) return undefined;
  const value = row.has(columnId) ? toPlain(row.get(columnId)) : baseOf(row)[columnId];
  return value === null ? undefined : value;
}

/** A row map's fractional position ("" when it has none). */
export function posOf(row: Y.Map<unknown>): string {
  const pos = row.get(POS_KEY);
  return typeof pos === "string" ? pos : "";
}

/** What a row map holds, for memory estimates: its base's cells, and its keys of edited cells. */
export function cellCounts(row: Y.Map<unknown>): { base: number; edits: number } {
  let edits = 0;
  for (const key of row.keys()) if (isCellKey(key)) edits += 1;
  return { base: Object.keys(baseOf(row)).length, edits };
}

/** A row's cells (column id → value), without its position; null if there is no such row. */
export function readRow(b: Y.Doc, rowId: string): Record<string, CellValue> | null {
  const row = rowsOf(b).get(rowId);
  if (!(row instanceof Y.Map)) return null;
  return cellsOf(row);
}

export function rowPos(b: Y.Doc, rowId: string): string | null {
  const pos = rowsOf(b).get(rowId)?.get(POS_KEY);
  return typeof pos === "string" ? pos : null;
}

/** The position after every row of this block, for appending. */
export function lastPos(b: Y.Doc): string | null {
  let last: string | null = null;
  for (const row of rowsOf(b).values()) {
    const pos = row.get(POS_KEY);
    if (typeof pos === "string" && (last === null || pos > last)) last = pos;
  }
  return last;
}

/** Moves a row to `pos` in the manual order; false if there is no such row. */
export function setRowPos(b: Y.Doc, rowId: string, pos: string): boolean {
  const row = rowsOf(b).get(rowId);
  if (!(row instanceof Y.Map)) return false;
  row.set(POS_KEY, pos);
  return true;
}

export function positionAfter(pos: string | null): string {
  return generateKeyBetween(pos, null);
}

/** Adds a row: its position, and its non-empty cells as its base. */
export function insertRow(b: Y.Doc, rowId: string, cells: Record<string, CellValue>, pos: string): void {
  const row = new Y.Map<unknown>();
  row.set(POS_KEY, pos);
  const base: Record<string, CellValue> = {};
  for (const [col, value] of Object.entries(cells)) {
    if (isCellKey(col) && value !== null && value !== undefined) base[col] = value;
  }
  if (Object.keys(base).length) row.set(BASE_KEY, JSON.stringify(base));
  rowsOf(b).set(rowId, row);
}

/**
 * Sets (or, with null, clears) cells of an existing row; false when the row does not exist.
 * A cell the base holds is cleared with a `null` edit that hides it; any other with a delete. So a
 * clear of a base cell and someone's concurrent value for it are two writes, one of which wins on
 * every copy (as two values would), where a delete always loses to a concurrent value.
 */
export function setCells(b: Y.Doc, rowId: string, cells: Record<string, CellValue>): boolean {
  const row = rowsOf(b).get(rowId);
  if (!(row instanceof Y.Map)) return false;
  const base = baseOf(row);
  for (const [col, value] of Object.entries(cells)) {
    if (!isCellKey(col)) continue;
    if (value !== null && value !== undefined) row.set(col, value);
    else if (base[col] !== undefined) {
      if (row.get(col) !== null) row.set(col, null);
    } else if (row.has(col)) row.delete(col);
  }
  return true;
}

export function deleteRow(b: Y.Doc, rowId: string): boolean {
  if (!rowsOf(b).has(rowId)) return false;
  rowsOf(b).delete(rowId);
  return true;
}

// ── changes ───────────────────────────────────────────────────────────────────────────────

export type CellDiff = { old: CellValue | undefined; new: CellValue | undefined };
export type RowChange =
  | { rowId: string; kind: "insert"; cells: Record<string, CellValue>; pos: string | null }
  | { rowId: string; kind: "delete"; old: Record<string, CellValue> }
  | { rowId: string; kind: "update"; cells: Record<string, CellDiff>; pos?: string | null };

/**
 * Calls `listener` after every transaction on a block doc with the rows it changed, old and new
 * values included. Returns the function that stops listening.
 */
export function observeRows(b: Y.Doc, listener: (changes: RowChange[], origin: unknown) => void): () => void {
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tx: Y.Transaction) => {
    const byRow = new Map<string, RowChange>();
    for (const event of events) {
      if (event.target === rowsOf(b)) {
        for (const [rowId, change] of (event as Y.YMapEvent<Y.Map<unknown>>).changes.keys) {
          if (change.action === "delete") {
            byRow.set(rowId, { rowId, kind: "delete", old: deletedRowCells(change.oldValue, tx) });
          } else {
            const cells = readRow(b, rowId) ?? {};
            byRow.set(rowId, { rowId, kind: "insert", cells, pos: rowPos(b, rowId) });
          }
        }
        continue;
      }
      const rowMap = event.target as Y.Map<unknown>;
      const rowId = event.path[0];
      if (typeof rowId !== "string" || byRow.get(rowId)?.kind === "insert" || byRow.get(rowId)?.kind === "delete")
        continue;
      const existing = byRow.get(rowId);
      const diff: RowChange & { kind: "update" } =
        existing?.kind === "update" ? existing : { rowId, kind: "update", cells: {} };
      const base = baseOf(rowMap);
      for (const [key, change] of (event as Y.YMapEvent<unknown>).changes.keys) {
        if (key === POS_KEY) {
          diff.pos = rowPos(b, rowId);
          continue;
        }
        if (key === BASE_KEY) {
          // Written with the row; on a row that already exists only by an old or odd client.
          const before = parseBase(change.oldValue);
          for (const col of new Set([...Object.keys(before), ...Object.keys(base)])) {
            if (rowMap.has(col) || diff.cells[col]) continue;
            diff.cells[col] = { old: present(before[col]), new: present(base[col]) };
          }
          continue;
        }
        // An edit added over the base replaces the base's value; one removed (an undo) shows it again.
        diff.cells[key] = {
          old: change.action === "add" ? present(base[key]) : present(toPlain(change.oldValue)),
          new: change.action === "delete" ? present(base[key]) : present(toPlain(rowMap.get(key))),
        };
      }
      byRow.set(rowId, diff);
    }
    if (byRow.size) listener([...byRow.values()], tx.origin);
  };
  rowsOf(b).observeDeep(handler);
  return () => rowsOf(b).unobserveDeep(handler);
}

/**
 * The cells a row held just before the transaction that deleted it. Deleting a Y.Map deletes its
 * items, but their content stays readable until the transaction ends. Per key, the value is the
 * newest item written before the transaction (one written in it, as a clear just before the
 * delete, is passed over), unless that one was already deleted then.
 */
function deletedRowCells(value: unknown, tx: Y.Transaction): Record<string, CellValue> {
  if (!(value instanceof Y.Map)) return {};
  let base: Record<string, CellValue> = {};
  const edits = new Map<string, CellValue>();
  for (const [key, newest] of (value as unknown as { _map: Map<string, Y.Item> })._map) {
    if (key === POS_KEY) continue;
    let item: Y.Item | null = newest;
    while (item && item.id.clock >= (tx.beforeState.get(item.id.client) ?? 0)) item = item.left as Y.Item | null;
    if (!item || (item.deleted && !Y.isDeleted(tx.deleteSet, item.id))) continue;
    const content = item.content.getContent();
    const last = toPlain(content[content.length - 1]);
    if (key === BASE_KEY) base = parseBase(last);
    else edits.set(key, last);
  }
  const out: Record<string, CellValue> = { ...base };
  for (const [key, cell] of edits) {
    if (cell === null) delete out[key];
    else out[key] = cell;
  }
  return out;
}

/** A cell's value as a diff reports it: undefined for empty. */
function present(value: CellValue | undefined): CellValue | undefined {
  return value === null ? undefined : value;
}

function toPlain(value: unknown): CellValue {
  if (value instanceof Y.AbstractType) return value.toJSON() as CellValue;
  return (value ?? null) as CellValue;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

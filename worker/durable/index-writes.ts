/**
 * One transaction's row changes as the row index's writes, gathered by kind, so that each kind
 * is one SQL statement over a JSON array (`json_each`) rather than one statement per cell: a
 * 1,000-row insert at 15 columns used to be ~18,000 statements. A row appears once in a batch
 * (`observeRows` merges its changes), so the kinds can run one after the other.
 */
import { cellNumber, cellText, isEmptyCell } from "../../schema/cells";
import type { CellValue } from "../../schema/tables";
import type { ChangeBatch } from "../../sync/room";

export type IndexWrites = {
  /** Rows gone: their place and cells are removed. */
  removed: string[];
  /** Rows added (or added again): `[rowId, pos]`, in the batch's block; their old cells are cleared first. */
  placed: [string, string][];
  /**
   * Cells to store: `[rowId, colId, value as JSON, text, number]`, a column after another. Its
   * text and number indexes are keyed by column first, so a column's cells land near each other:
   * a 1,000-row insert of 15 columns went in ~30% faster so than row by row (129 → 92 ms, measured
   * in a room's SQLite).
   */
  cells: [string, string, string, string, number | null][];
  /** Cells emptied: `[rowId, colId]`. */
  emptied: [string, string][];
  /** Rows moved in the manual order: `[rowId, pos]`. */
  moved: [string, string][];
  /** The row timeline, in the order the changes came: `[rowId, colId, kind, old JSON, new JSON]`. */
  history: [string, string | null, "insert" | "update" | "delete", string | null, string | null][];
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** What the index must write for `batch`. */
export function indexWrites(batch: ChangeBatch): IndexWrites {
  const out: IndexWrites = { removed: [], placed: [], cells: [], emptied: [], moved: [], history: [] };
  const byColumn = new Map<string, IndexWrites["cells"]>();
  const store = (rowId: string, colId: string, value: CellValue) => {
    const column = byColumn.get(colId) ?? [];
    byColumn.set(colId, column);
    column.push([rowId, colId, JSON.stringify(value), cellText(value), cellNumber(value)]);
  };
  for (const change of batch.changes) {
    const { rowId } = change;
    if (change.kind === "delete") {
      out.removed.push(rowId);
      out.history.push([rowId, null, "delete", json(change.old), null]);
    } else if (change.kind === "insert") {
      out.placed.push([rowId, change.pos ?? ""]);
      for (const [colId, value] of Object.entries(change.cells)) if (!isEmptyCell(value)) store(rowId, colId, value);
      out.history.push([rowId, null, "insert", null, json(change.cells)]);
    } else {
      if (change.pos !== undefined) out.moved.push([rowId, change.pos ?? ""]);
      for (const [colId, diff] of Object.entries(change.cells)) {
        if (isEmptyCell(diff.new)) out.emptied.push([rowId, colId]);
        else store(rowId, colId, diff.new);
        out.history.push([rowId, colId, "update", json(diff.old), json(diff.new)]);
      }
    }
  }
  out.cells = [...byColumn.values()].flat();
  return out;
}

/**
 * A DO SQLite string holds at most 2 MB (https://developers.cloudflare.com/durable-objects/platform/limits/)
 * and a UTF-16 unit is at most 3 bytes of UTF-8, so a JSON parameter is cut at 600,000 characters.
 */
export const JSON_PARAM_CHARS = 600_000;

/**
 * `items` as JSON arrays of at most `JSON_PARAM_CHARS` characters each (an item longer than that
 * goes alone), to bind as one parameter of a statement that reads it with `json_each`.
 */
export function jsonChunks(items: readonly unknown[], limit = JSON_PARAM_CHARS): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (parts.length && size + text.length + 1 > limit) {
      chunks.push(`[${parts.join(",")}]`);
      parts = [];
      size = 2;
    }
    parts.push(text);
    size += text.length + 1;
  }
  if (parts.length) chunks.push(`[${parts.join(",")}]`);
  return chunks;
}

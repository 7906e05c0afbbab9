/**
 * A TableRoom's row writes (the API's, and the room's own jobs'), checked as a whole before
 * anything is written: cells found by column id or name and type-checked (`cellProblem`), the
 * row ids of a batch known to the table and given once; a refusal names where the problem is
 * (`rows[12].cells.Distance: expected a number`). Then each block doc the batch touches gets one
 * Yjs transaction, so 1,000 rows are one update to log, index, hand to rules and broadcast.
 */
import { cellProblem } from "../../schema/cells";
import type { CellValue, ColumnDef, Origin } from "../../schema/tables";
import {
  BLOCK_ROWS,
  blockForNewRows,
  columnsOf,
  type DocName,
  deleteRow,
  insertRow,
  positionAfter,
  setCells,
} from "../../sync/layout";
import type { Room } from "../../sync/room";
import { RowIds } from "./row-ids";
import type { RowIndex } from "./row-index";
import type { WriteResult } from "./table-room";

type Cells = Record<string, CellValue>;
type Refusal = Extract<WriteResult<never>, { ok: false }>;

/**
 * Checks cells against the table's columns: keyed by column id in the result, or refused with
 * `<at>cells.<column>: <problem>` (`at` says which row of a batch, e.g. `rows[3].`).
 */
export function cellResolver(columns: ColumnDef[]): (cells: Cells, at?: string) => WriteResult<Cells> {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  return (cells, at = "") => {
    const out: Cells = {};
    for (const [key, value] of Object.entries(cells)) {
      const column = byId.get(key) ?? byName.get(key.toLowerCase());
      if (!column) return { ok: false, status: 400, message: `${at}cells.${key}: no such column` };
      const problem = cellProblem(column.type, value);
      if (problem) return { ok: false, status: 400, message: `${at}cells.${column.name}: ${problem}` };
      out[column.id] = value;
    }
    return { ok: true, value: out };
  };
}

export class RowWriter {
  private readonly ids = new RowIds();

  constructor(private readonly deps: { room: Room; index: RowIndex }) {}

  /** Checks cells against the table's columns as they are now (see `cellResolver`). */
  resolver(): ReturnType<typeof cellResolver> {
    return cellResolver(columnsOf(this.deps.room.open("manifest")));
  }

  /**
   * Appends rows after the table's last one, in order, into the newest block with room (and new
   * blocks after it); nothing is written if any row's cells are refused. `at(i)` names row `i`
   * in a refusal. Returns the new rows' ids in order.
   */
  insert(rows: Cells[], origin: Origin, at: (i: number) => string): WriteResult<string[]> {
    const resolve = this.resolver();
    const resolved: Cells[] = [];
    for (const [i, cells] of rows.entries()) {
      const checked = resolve(cells, at(i));
      if (!checked.ok) return checked;
      resolved.push(checked.value);
    }
    return { ok: true, value: this.append(resolved, origin) };
  }

  /**
   * Sets cells (null clears one) in existing rows, one transaction per block; nothing is
   * written if a row id is unknown (404) or given twice, or any cells are refused.
   */
  patch(patches: { id: string; cells: Cells }[], origin: Origin): WriteResult<string[]> {
    const resolve = this.resolver();
    const places = this.place(
      patches.map((p) => p.id),
      "rows",
      ".id",
    );
    if (!places.ok) return places;
    const byBlock = new Map<DocName, { id: string; cells: Cells }[]>();
    for (const [i, { id, cells }] of patches.entries()) {
      const checked = resolve(cells, `rows[${i}].`);
      if (!checked.ok) return checked;
      listIn(byBlock, places.value[i]!).push({ id, cells: checked.value });
    }
    for (const [block, list] of byBlock)
      this.deps.room.write(block, origin, (b) => {
        for (const p of list) setCells(b, p.id, p.cells);
      });
    return { ok: true, value: patches.map((p) => p.id) };
  }

  /**
   * Deletes rows, one transaction per block. With `missing: "refuse"` an unknown or repeated id
   * refuses the whole request; with "skip" those are passed over. Returns how many went.
   */
  delete(ids: string[], origin: Origin, missing: "refuse" | "skip"): WriteResult<number> {
    const byBlock = new Map<DocName, string[]>();
    if (missing === "refuse") {
      const places = this.place(ids, "ids", "");
      if (!places.ok) return places;
      for (const [i, id] of ids.entries()) listIn(byBlock, places.value[i]!).push(id);
    } else {
      const blocks = this.deps.index.blocksOf(ids);
      for (const id of new Set(ids)) {
        const block = blocks.get(id);
        if (block) listIn(byBlock, block).push(id);
      }
    }
    let deleted = 0;
    for (const [block, list] of byBlock)
      this.deps.room.write(block, origin, (b) => {
        for (const id of list) if (deleteRow(b, id)) deleted++;
      });
    return { ok: true, value: deleted };
  }

  private append(rows: Cells[], origin: Origin): string[] {
    const { room, index } = this.deps;
    const ids: string[] = [];
    // After the last row of the whole table (not of the block), as the grid appends: a new
    // block's rows must not sort among the older blocks' rows.
    let last = index.lastPos();
    for (let done = 0; done < rows.length; ) {
      const block = room.write("manifest", origin, (m) => blockForNewRows(m, (doc) => index.countIn(doc)));
      const chunk = rows.slice(done, done + Math.max(1, BLOCK_ROWS - index.countIn(block)));
      room.write(block, origin, (b) => {
        for (const cells of chunk) {
          last = positionAfter(last);
          const id = this.ids.next();
          insertRow(b, id, cells, last);
          ids.push(id);
        }
      });
      done += chunk.length;
    }
    return ids;
  }

  /** Each id's block, or the first id (in order) that is repeated (400) or not a row (404). */
  private place(ids: string[], list: string, field: string): WriteResult<DocName[]> {
    const blocks = this.deps.index.blocksOf(ids);
    const first = new Map<string, number>();
    const out: DocName[] = [];
    for (const [i, id] of ids.entries()) {
      const at = `${list}[${i}]${field}`;
      const earlier = first.get(id);
      if (earlier !== undefined) return refuse(400, `${at}: "${id}" is also ${list}[${earlier}]; give each row once`);
      first.set(id, i);
      const block = blocks.get(id);
      if (!block) return refuse(404, `${at}: no row "${id}" in this table`);
      out.push(block);
    }
    return { ok: true, value: out };
  }
}

function refuse(status: Refusal["status"], message: string): Refusal {
  return { ok: false, status, message };
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
}

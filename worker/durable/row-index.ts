/**
 * The row index of a table, kept in the room's SQLite in the same transaction as the update log:
 * each row's block and position, each cell's JSON value with a text and a number form to sort
 * and filter by, and the history of cell changes (the row timeline).
 */
import { desc, eq, type SQL, sql } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { cellChange, rowIndex } from "../../schema/room";
import {
  type CellValue,
  type ColumnType,
  filterValues,
  NUMERIC_TYPES,
  type RowOrder,
  type RowQuery,
  type RowRecord,
  type ViewRow,
} from "../../schema/tables";
import type { DocName } from "../../sync/layout";
import type { ChangeBatch } from "../../sync/room";
import { indexWrites, jsonChunks } from "./index-writes";

type Db = DrizzleSqliteDODatabase<Record<string, unknown>>;

export class RowIndex {
  /** Changes applied since this instance started; with `epoch`, a version that only moves on. */
  private changes = 0;
  /** Tells this instance's count from a previous one's (the room restarted, the count began again). */
  private readonly epoch = crypto.randomUUID().slice(0, 8);

  constructor(private readonly db: Db) {}

  /**
   * Records one transaction's row changes; called inside the storage transaction. A few
   * statements per batch whatever its size (see index-writes).
   */
  apply(batch: ChangeBatch): void {
    this.changes++;
    const w = indexWrites(batch);
    const each = (items: readonly unknown[], statement: (json: string) => SQL) => {
      if (items.length) for (const json of jsonChunks(items)) this.db.run(statement(json));
    };
    each(w.removed, (ids) => sql`DELETE FROM row_index WHERE row_id IN (SELECT value FROM json_each(${ids}))`);
    each(
      [...w.removed, ...w.placed.map(([rowId]) => rowId)],
      (ids) => sql`DELETE FROM cell_index WHERE row_id IN (SELECT value FROM json_each(${ids}))`,
    );
    each(
      w.placed,
      (rows) => sql`INSERT INTO row_index (row_id, block, pos)
        SELECT j.value ->> 0, ${batch.doc}, j.value ->> 1 FROM json_each(${rows}) AS j WHERE true
        ON CONFLICT (row_id) DO UPDATE SET block = excluded.block, pos = excluded.pos`,
    );
    each(
      w.cells,
      (cells) => sql`INSERT INTO cell_index (row_id, col_id, value, text, num)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4 FROM json_each(${cells}) AS j WHERE true
        ON CONFLICT (row_id, col_id) DO UPDATE SET value = excluded.value, text = excluded.text, num = excluded.num`,
    );
    each(
      w.emptied,
      (cells) => sql`DELETE FROM cell_index
        WHERE (row_id, col_id) IN (SELECT j.value ->> 0, j.value ->> 1 FROM json_each(${cells}) AS j)`,
    );
    each(
      w.moved,
      (rows) => sql`UPDATE row_index SET pos = m.pos
        FROM (SELECT j.value ->> 0 AS row_id, j.value ->> 1 AS pos FROM json_each(${rows}) AS j) AS m
        WHERE row_index.row_id = m.row_id`,
    );
    const origin = JSON.stringify(batch.origin);
    each(
      w.history,
      (changes) => sql`INSERT INTO cell_change (row_id, col_id, kind, old_value, new_value, origin, at)
        SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, ${origin}, ${batch.at}
        FROM json_each(${changes}) AS j`,
    );
  }

  /** Changes when any row is added, removed, moved or edited: an order's ETag, so an unchanged one is not sent again. */
  version(): string {
    return `${this.epoch}-${this.changes}`;
  }

  blockOf(rowId: string): DocName | null {
    const row = this.db.select({ block: rowIndex.block }).from(rowIndex).where(eq(rowIndex.rowId, rowId)).get();
    return (row?.block as DocName | undefined) ?? null;
  }

  /** Each of `rowIds`' block; ids that are not rows are left out. */
  blocksOf(rowIds: readonly string[]): Map<string, DocName> {
    const out = new Map<string, DocName>();
    for (const ids of jsonChunks(rowIds)) {
      const rows = this.db.all<{ id: string; block: DocName }>(
        sql`SELECT row_id AS id, block FROM row_index WHERE row_id IN (SELECT value FROM json_each(${ids}))`,
      );
      for (const r of rows) out.set(r.id, r.block);
    }
    return out;
  }

  /** Rows in one block. */
  countIn(block: DocName): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM row_index WHERE block = ${block}`)?.n ?? 0;
  }

  /** The highest manual position in the table (new rows go after it), or null when it has no rows. */
  lastPos(): string | null {
    return this.db.get<{ pos: string | null }>(sql`SELECT max(pos) AS pos FROM row_index`)?.pos ?? null;
  }

  countsByBlock(): Map<DocName, number> {
    const rows = this.db
      .select({ block: rowIndex.block, count: sql<number>`count(*)` })
      .from(rowIndex)
      .groupBy(rowIndex.block)
      .all();
    return new Map(rows.map((r) => [r.block as DocName, r.count]));
  }

  /** The latest change to any row: when (ms) and by whom (the origin as stored), or null. */
  lastChange(): { at: number; origin: string } | null {
    return (
      this.db
        .select({ at: cellChange.at, origin: cellChange.origin })
        .from(cellChange)
        .orderBy(desc(cellChange.id))
        .limit(1)
        .get() ?? null
    );
  }

  total(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(rowIndex).get()?.n ?? 0;
  }

  /** A page of rows, sorted and filtered on the index, with every cell of each row. */
  query(query: RowQuery, types: Map<string, ColumnType>): { rows: RowRecord[]; total: number } {
    const { rows, total } = this.placed(query, types);
    return { rows: this.cellsOf(rows.map((r) => r.id)), total };
  }

  /** A page of rows as `query` does, each with its block and manual position too. */
  viewRows(query: RowQuery, types: Map<string, ColumnType>): { rows: ViewRow[]; total: number } {
    const { rows, total } = this.placed(query, types);
    const cells = this.cellsOf(rows.map((r) => r.id));
    return { rows: rows.map((r, i) => ({ ...r, cells: cells[i]!.cells })), total };
  }

  /**
   * A page of the view's order: each row's id and block only, no cells, so a browser can place
   * 100,000 rows without loading them.
   */
  order(query: RowQuery, types: Map<string, ColumnType>): RowOrder {
    const { rows, total } = this.placed(query, types);
    return { rows: rows.map((r): [string, `b${number}`] => [r.id, r.block]), total, lastPos: this.lastPos() };
  }

  /** The view's row count and one page of its rows' places, in one query each. */
  private placed(query: RowQuery, types: Map<string, ColumnType>) {
    const { from, order } = viewSql(query, types);
    const total = this.db.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)?.n ?? 0;
    const rows = this.db.all<{ id: string; block: `b${number}`; pos: string }>(
      sql`SELECT r.row_id AS id, r.block AS block, r.pos AS pos ${from} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`,
    );
    return { rows, total };
  }

  /** Rows by id, in the order given, with their cells from the index. */
  cellsOf(ids: string[]): RowRecord[] {
    if (!ids.length) return [];
    const byRow = new Map<string, Record<string, CellValue>>(ids.map((id) => [id, {}]));
    // One JSON parameter, not one per id: a DO SQLite statement binds at most 100.
    for (const chunk of jsonChunks(ids)) {
      const cells = this.db.all<{ rowId: string; colId: string; value: string }>(
        sql`SELECT row_id AS rowId, col_id AS colId, value FROM cell_index WHERE row_id IN (SELECT value FROM json_each(${chunk}))`,
      );
      for (const c of cells) byRow.get(c.rowId)![c.colId] = JSON.parse(c.value) as CellValue;
    }
    return ids.map((id) => ({ id, cells: byRow.get(id)! }));
  }

  /** The changes recorded for a row, oldest first. */
  historyOf(rowId: string) {
    return this.db.select().from(cellChange).where(eq(cellChange.rowId, rowId)).orderBy(cellChange.id).all();
  }
}

/** The FROM … WHERE and ORDER BY of a view: joins per sorted or filtered column, then manual order. */
function viewSql(query: Pick<RowQuery, "sort" | "filters">, types: Map<string, ColumnType>) {
  const joins: SQL[] = [];
  const where: SQL[] = [];
  const order: SQL[] = [];
  query.filters.forEach((f, i) => {
    const alias = sql.raw(`f${i}`);
    joins.push(sql`LEFT JOIN cell_index ${alias} ON ${alias}.row_id = r.row_id AND ${alias}.col_id = ${f.columnId}`);
    where.push(filterSql(alias, f.op, f.value, NUMERIC_TYPES.has(types.get(f.columnId) ?? "text")));
  });
  query.sort.forEach((s, i) => {
    const alias = sql.raw(`s${i}`);
    const field = sql.raw(NUMERIC_TYPES.has(types.get(s.columnId) ?? "text") ? "num" : "text");
    const dir = sql.raw(s.direction === "desc" ? "DESC" : "ASC");
    joins.push(sql`LEFT JOIN cell_index ${alias} ON ${alias}.row_id = r.row_id AND ${alias}.col_id = ${s.columnId}`);
    // Empty text ("" or an empty list) sorts last as in the grid; rows indexed before empty cells
    // were left out of the index can still hold it.
    order.push(sql`(${alias}.${field} IS NULL OR ${alias}.text = ''), ${alias}.${field} ${dir}`);
  });
  order.push(sql`r.pos, r.row_id`);
  const from = sql`FROM row_index r ${sql.join(joins, sql` `)} ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}`;
  return { from, order: sql.join(order, sql`, `) };
}

function filterSql(alias: SQL, op: RowQuery["filters"][number]["op"], value: string, numeric: boolean): SQL {
  const field = sql`${alias}.${sql.raw(numeric ? "num" : "text")}`;
  const v = numeric ? Number(value) : value.toLowerCase();
  switch (op) {
    case "empty":
      return sql`(${alias}.row_id IS NULL OR ${alias}.text = '')`;
    case "notempty":
      return sql`(${alias}.row_id IS NOT NULL AND ${alias}.text != '')`;
    case "eq":
      return sql`${field} = ${v}`;
    case "neq":
      return sql`(${field} IS NULL OR ${field} != ${v})`;
    case "contains":
      return sql`${alias}.text LIKE ${`%${value.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`} ESCAPE '\\'`;
    case "gt":
      return sql`${field} > ${v}`;
    case "gte":
      return sql`${field} >= ${v}`;
    case "lt":
      return sql`${field} < ${v}`;
    case "lte":
      return sql`${field} <= ${v}`;
    case "between": {
      const [low, high] = filterValues(value).map((x) => (numeric ? Number(x) : x.toLowerCase()));
      if (low === undefined || high === undefined) return sql`0`;
      return sql`${field} BETWEEN ${low} AND ${high}`;
    }
    case "anyof": {
      const values = filterValues(value);
      if (!values.length) return sql`0`;
      if (numeric) return sql`${field} IN (${sql.join(values.map(Number), sql`, `)})`;
      // A list cell (multi select) is indexed as "a, b": it matches when any of its items does.
      const items = values.map((x) => {
        const item = x.toLowerCase();
        const inList = `%, ${item.replace(/[\\%_]/g, "\\$&")}, %`;
        return sql`(${field} = ${item} OR ', ' || ${field} || ', ' LIKE ${inList} ESCAPE '\\')`;
      });
      return sql`(${sql.join(items, sql` OR `)})`;
    }
  }
}

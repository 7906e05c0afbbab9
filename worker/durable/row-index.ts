/**
 * The row index of a table, kept in the room's SQLite in the same transaction as the update log:
 * each row's block and position, each cell's JSON value with a text and a number form to sort
 * and filter by, and the history of cell changes (the row timeline).
 */
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { cellNumber, cellText, isEmptyCell } from "../../schema/cells";
import { cellChange, cellIndex, rowIndex } from "../../schema/room";
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
import type { DocName, RowChange } from "../../sync/layout";
import type { ChangeBatch } from "../../sync/room";

type Db = DrizzleSqliteDODatabase<Record<string, unknown>>;

/**
 * The statements every edit runs, built once: building a query with drizzle's builder took more of
 * an edit's time in the room than SQLite did running it (CPU profile under `bench:sync`).
 */
function statements(db: Db) {
  const p = <N extends string>(name: N) => sql.placeholder(name);
  return {
    putRow: db
      .insert(rowIndex)
      .values({ rowId: p("rowId"), block: p("block"), pos: p("pos") })
      .onConflictDoUpdate({ target: rowIndex.rowId, set: { block: sql`excluded.block`, pos: sql`excluded.pos` } })
      .prepare(),
    movePos: db
      .update(rowIndex)
      .set({ pos: sql`${p("pos")}` })
      .where(eq(rowIndex.rowId, p("rowId")))
      .prepare(),
    dropRow: db
      .delete(rowIndex)
      .where(eq(rowIndex.rowId, p("rowId")))
      .prepare(),
    dropCells: db
      .delete(cellIndex)
      .where(eq(cellIndex.rowId, p("rowId")))
      .prepare(),
    dropCell: db
      .delete(cellIndex)
      .where(and(eq(cellIndex.rowId, p("rowId")), eq(cellIndex.colId, p("colId"))))
      .prepare(),
    putCell: db
      .insert(cellIndex)
      .values({ rowId: p("rowId"), colId: p("colId"), value: p("value"), text: p("text"), num: p("num") })
      .onConflictDoUpdate({
        target: [cellIndex.rowId, cellIndex.colId],
        set: { value: sql`excluded.value`, text: sql`excluded.text`, num: sql`excluded.num` },
      })
      .prepare(),
    history: db
      .insert(cellChange)
      .values({
        rowId: p("rowId"),
        colId: p("colId"),
        kind: p("kind"),
        oldValue: p("oldValue"),
        newValue: p("newValue"),
        origin: p("origin"),
        at: p("at"),
      })
      .prepare(),
  };
}

export class RowIndex {
  /** Changes applied since this instance started; with `epoch`, a version that only moves on. */
  private changes = 0;
  /** Tells this instance's count from a previous one's (the room restarted, the count began again). */
  private readonly epoch = crypto.randomUUID().slice(0, 8);
  private readonly run: ReturnType<typeof statements>;

  constructor(private readonly db: Db) {
    this.run = statements(db);
  }

  /** Records one transaction's row changes; called inside the storage transaction. */
  apply(batch: ChangeBatch): void {
    this.changes++;
    const origin = JSON.stringify(batch.origin);
    for (const change of batch.changes) this.applyOne(batch.doc, change, origin, batch.at);
  }

  private applyOne(block: DocName, change: RowChange, origin: string, at: number): void {
    const { rowId } = change;
    if (change.kind === "delete") {
      this.run.dropRow.run({ rowId });
      this.run.dropCells.run({ rowId });
      this.history(rowId, null, "delete", change.old, undefined, origin, at);
      return;
    }
    if (change.kind === "insert") {
      this.run.putRow.run({ rowId, block, pos: change.pos ?? "" });
      this.run.dropCells.run({ rowId });
      for (const [colId, value] of Object.entries(change.cells)) this.setCell(rowId, colId, value);
      this.history(rowId, null, "insert", undefined, change.cells, origin, at);
      return;
    }
    if (change.pos !== undefined) this.run.movePos.run({ rowId, pos: change.pos ?? "" });
    for (const [colId, diff] of Object.entries(change.cells)) {
      if (isEmptyCell(diff.new)) this.run.dropCell.run({ rowId, colId });
      else this.setCell(rowId, colId, diff.new);
      this.history(rowId, colId, "update", diff.old, diff.new, origin, at);
    }
  }

  private setCell(rowId: string, colId: string, value: CellValue): void {
    if (isEmptyCell(value)) return;
    this.run.putCell.run({ rowId, colId, value: JSON.stringify(value), text: cellText(value), num: cellNumber(value) });
  }

  private history(
    rowId: string,
    colId: string | null,
    kind: "insert" | "update" | "delete",
    old: unknown,
    next: unknown,
    origin: string,
    at: number,
  ) {
    this.run.history.run({
      rowId,
      colId,
      kind,
      oldValue: old === undefined ? null : JSON.stringify(old),
      newValue: next === undefined ? null : JSON.stringify(next),
      origin,
      at,
    });
  }

  /** Changes when any row is added, removed, moved or edited: an order's ETag, so an unchanged one is not sent again. */
  version(): string {
    return `${this.epoch}-${this.changes}`;
  }

  blockOf(rowId: string): DocName | null {
    const row = this.db.select({ block: rowIndex.block }).from(rowIndex).where(eq(rowIndex.rowId, rowId)).get();
    return (row?.block as DocName | undefined) ?? null;
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
    const lastPos = this.db.get<{ pos: string | null }>(sql`SELECT max(pos) AS pos FROM row_index`)?.pos ?? null;
    return { rows: rows.map((r): [string, `b${number}`] => [r.id, r.block]), total, lastPos };
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
    const cells = this.db
      .select({ rowId: cellIndex.rowId, colId: cellIndex.colId, value: cellIndex.value })
      .from(cellIndex)
      .where(inArray(cellIndex.rowId, ids))
      .all();
    const byRow = new Map<string, Record<string, CellValue>>(ids.map((id) => [id, {}]));
    for (const c of cells) byRow.get(c.rowId)![c.colId] = JSON.parse(c.value) as CellValue;
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

/**
 * A feature's tables (outreach's Projects, Dealerships and Attempts; hunting's Territories,
 * Businesses and Scrape runs): found in D1 by their kind, created from the feature's template the
 * first time the workspace needs them, and read with their columns by stable key, so renaming
 * "Contact status" in the grid breaks nothing on the edge.
 */
import { and, eq, inArray } from "drizzle-orm";
import { dataTable } from "../../schema/db";
import type { CellValue, ColumnDef, ColumnType } from "../../schema/tables";
import { createTable } from "../api/tables";
import type { Db } from "../db";
import { type TableRoomRpc, tableRoom } from "../durable/table-room";

/** Column ids of one table by key; a key whose column was deleted is missing. */
export type ColumnKeys = Record<string, string>;

export type TableHandle = {
  id: string;
  room: TableRoomRpc;
  keys: ColumnKeys;
  columns: ColumnDef[];
};

export type KindColumn<T extends string> = {
  key: string;
  name: string;
  type: ColumnType;
  /** For a link column: which table of the same template it points at (made before it). */
  links?: T;
  options?: Record<string, unknown>;
};

/** A feature's tables: their kinds, their columns, and the order they are made in. */
export type KindTemplate<T extends string> = {
  order: readonly T[];
  kinds: Record<T, string>;
  tables: Record<T, { name: string; columns: KindColumn<T>[] }>;
};

/** A column that may link to a table outside its template (the workspace's Businesses or Sites). */
export type OutsideLinkColumn<T extends string, O extends string> = KindColumn<T> & { linksOutside?: O };

/**
 * A feature's template with its links to tables outside it resolved: to that table's id, or the
 * column left out when the workspace has no such table.
 */
export function templateWithOutside<T extends string, O extends string>(
  spec: {
    order: readonly T[];
    kinds: Record<T, string>;
    tables: Record<T, { name: string; columns: OutsideLinkColumn<T, O>[] }>;
  },
  outside: Record<O, string | null>,
): KindTemplate<T> {
  const resolve = (columns: OutsideLinkColumn<T, O>[]): KindColumn<T>[] =>
    columns.flatMap(({ linksOutside, ...column }) => {
      if (!linksOutside) return [column];
      const table = outside[linksOutside];
      return table ? [{ ...column, options: { ...column.options, table } }] : [];
    });
  const tables = Object.fromEntries(
    spec.order.map((t) => [t, { name: spec.tables[t].name, columns: resolve(spec.tables[t].columns) }]),
  ) as KindTemplate<T>["tables"];
  return { order: spec.order, kinds: spec.kinds, tables };
}

function keysOf(columns: ColumnDef[]): ColumnKeys {
  const keys: ColumnKeys = {};
  for (const c of columns) if (typeof c.options.key === "string") keys[c.options.key] = c.id;
  return keys;
}

export async function tableHandle(env: Env, id: string): Promise<TableHandle> {
  const room = tableRoom(env, id);
  const { columns } = await room.describe();
  return { id, room, columns, keys: keysOf(columns) };
}

/** The workspace's table of `kind`, or null when it has none. */
export async function idOfKind(db: Db, workspaceId: string, kind: string): Promise<string | null> {
  const row = await db.query.dataTable.findFirst({
    where: and(eq(dataTable.workspaceId, workspaceId), eq(dataTable.kind, kind)),
  });
  return row?.id ?? null;
}

/** The template's table ids in the workspace, or null when any is missing. */
export async function findKindIds<T extends string>(
  db: Db,
  workspaceId: string,
  template: KindTemplate<T>,
): Promise<Record<T, string> | null> {
  // One query for every kind: this runs on hot paths (each tracking hit, each webhook).
  const kinds = template.order.map((table) => template.kinds[table]);
  const rows = await db
    .select({ id: dataTable.id, kind: dataTable.kind })
    .from(dataTable)
    .where(and(eq(dataTable.workspaceId, workspaceId), inArray(dataTable.kind, kinds)));
  const byKind = new Map(rows.map((row) => [row.kind, row.id]));
  const ids = {} as Record<T, string>;
  for (const table of template.order) {
    const id = byKind.get(template.kinds[table]);
    if (!id) return null;
    ids[table] = id;
  }
  return ids;
}

/**
 * The template's tables in the workspace, created when any is missing (a table deleted from the
 * grid comes back empty; the others are kept). `optionsFor` may add options to a column as it is
 * made (formula text from the workspace's settings).
 */
export async function ensureKindIds<T extends string>(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  template: KindTemplate<T>,
  optionsFor: (table: T, column: KindColumn<T>) => Record<string, unknown> = () => ({}),
): Promise<Record<T, string>> {
  const ids = {} as Record<T, string>;
  for (const table of template.order) {
    const kind = template.kinds[table];
    const existing = await idOfKind(db, workspaceId, kind);
    if (existing) {
      ids[table] = existing;
      continue;
    }
    const spec = template.tables[table];
    try {
      const created = await createTable(env, db, {
        workspaceId,
        name: spec.name,
        kind,
        createdBy,
        columns: spec.columns.map((col) => ({
          name: col.name,
          type: col.type,
          options: {
            ...col.options,
            ...optionsFor(table, col),
            key: col.key,
            ...(col.links ? { table: ids[col.links] } : {}),
          },
        })),
      });
      ids[table] = created.id;
    } catch (error) {
      // Another request made it first (one table of a kind per workspace): use that one.
      const made = await idOfKind(db, workspaceId, kind);
      if (!made) throw error;
      ids[table] = made;
    }
  }
  return ids;
}

/** Cells by column key → cells by column id, leaving out keys whose column is gone. */
export function byKey(table: TableHandle, cells: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(cells)) {
    const id = table.keys[key];
    if (id) out[id] = value;
  }
  return out;
}

/** A row's cells (by column id) read by key. */
export function reader(table: TableHandle, cells: Record<string, CellValue>) {
  const get = (key: string): CellValue | undefined => {
    const id = table.keys[key];
    return id ? cells[id] : undefined;
  };
  return {
    get,
    text: (key: string) => {
      const v = get(key);
      return v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    },
    number: (key: string) => {
      const v = get(key);
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    },
    list: (key: string) => {
      const v = get(key);
      return Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : [];
    },
  };
}

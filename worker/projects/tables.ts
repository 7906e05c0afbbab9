/**
 * A workspace's outreach tables (Projects, Dealerships, Attempts): found by their kind in D1,
 * created from the template the first time a project needs them, and read with their columns
 * by stable key, so renaming "Contact status" in the grid breaks nothing here.
 */
import { and, eq } from "drizzle-orm";
import { dataTable } from "../../schema/db";
import { OUTREACH_KINDS, OUTREACH_TABLES, type OutreachTable } from "../../schema/outreach-tables";
import type { ProjectTables } from "../../schema/projects";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { createTable } from "../api/tables";
import type { Db } from "../db";
import { type TableRoomRpc, tableRoom } from "../durable/table-room";

/** Column ids of one outreach table by key; a key whose column was deleted is missing. */
export type ColumnKeys = Record<string, string>;

export type OutreachHandle = {
  id: string;
  room: TableRoomRpc;
  keys: ColumnKeys;
  columns: ColumnDef[];
};
export type Outreach = Record<OutreachTable, OutreachHandle> & { ids: ProjectTables; workspaceId: string };

const ORDER: OutreachTable[] = ["projects", "dealerships", "attempts"];

function keysOf(columns: ColumnDef[]): ColumnKeys {
  const keys: ColumnKeys = {};
  for (const c of columns) if (typeof c.options.key === "string") keys[c.options.key] = c.id;
  return keys;
}

async function handle(env: Env, id: string): Promise<OutreachHandle> {
  const room = tableRoom(env, id);
  const { columns } = await room.describe();
  return { id, room, columns, keys: keysOf(columns) };
}

/** The outreach tables named by id (as a queue job carries them). */
export async function outreachOf(env: Env, ids: ProjectTables, workspaceId: string): Promise<Outreach> {
  const [projects, dealerships, attempts] = await Promise.all(ORDER.map((t) => handle(env, ids[t])));
  return { projects: projects!, dealerships: dealerships!, attempts: attempts!, ids, workspaceId };
}

/** The workspace's outreach tables, or null when it has none yet. */
export async function findOutreach(env: Env, db: Db, workspaceId: string): Promise<Outreach | null> {
  const found = new Map<OutreachTable, string>();
  for (const table of ORDER) {
    const row = await db.query.dataTable.findFirst({
      where: and(eq(dataTable.workspaceId, workspaceId), eq(dataTable.kind, OUTREACH_KINDS[table])),
    });
    if (!row) return null;
    found.set(table, row.id);
  }
  const ids = {
    projects: found.get("projects")!,
    dealerships: found.get("dealerships")!,
    attempts: found.get("attempts")!,
  };
  return outreachOf(env, ids, workspaceId);
}

/**
 * The workspace's outreach tables, created from the template when any is missing (a table
 * deleted from the grid comes back empty; the others are kept).
 */
export async function ensureOutreach(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<Outreach> {
  const existing = await findOutreach(env, db, workspaceId);
  if (existing) return existing;
  const ids = {} as ProjectTables;
  for (const table of ORDER) {
    const row = await db.query.dataTable.findFirst({
      where: and(eq(dataTable.workspaceId, workspaceId), eq(dataTable.kind, OUTREACH_KINDS[table])),
    });
    if (row) {
      ids[table] = row.id;
      continue;
    }
    const spec = OUTREACH_TABLES[table];
    try {
      const created = await createTable(env, db, {
        workspaceId,
        name: spec.name,
        kind: OUTREACH_KINDS[table],
        createdBy,
        columns: spec.columns.map((col) => ({
          name: col.name,
          type: col.type,
          options: { ...col.options, key: col.key, ...(col.links ? { table: ids[col.links] } : {}) },
        })),
      });
      ids[table] = created.id;
    } catch (error) {
      // Another request made it first (one table of a kind per workspace): use that one.
      const made = await db.query.dataTable.findFirst({
        where: and(eq(dataTable.workspaceId, workspaceId), eq(dataTable.kind, OUTREACH_KINDS[table])),
      });
      if (!made) throw error;
      ids[table] = made.id;
    }
  }
  const found = await findOutreach(env, db, workspaceId);
  if (!found) throw new Error("outreach tables were created but cannot be found");
  return found;
}

/** Cells by column key → cells by column id, leaving out keys whose column is gone. */
export function byKey(table: OutreachHandle, cells: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(cells)) {
    const id = table.keys[key];
    if (id) out[id] = value;
  }
  return out;
}

/** A row's cells (by column id) read by key. */
export function reader(table: OutreachHandle, cells: Record<string, CellValue>) {
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

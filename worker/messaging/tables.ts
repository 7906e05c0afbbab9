/**
 * A workspace's messaging tables (Campaigns, Messages, Suppressions), found by kind and made from
 * the "Outreach messages" template the first time a message is written. Messages' Recipient and
 * Site links point at the workspace's Businesses and Sites tables when it has them; without
 * them those columns are left out (the recipient's table and row ids are kept as text anyway).
 */
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import {
  MESSAGING_ADDED_COLUMNS,
  MESSAGING_KINDS,
  MESSAGING_ORDER,
  MESSAGING_TABLES,
  type MessagingTable,
} from "../../schema/messaging-tables";
import { SITES_KINDS } from "../../schema/sites-tables";
import type { Db } from "../db";
import {
  ensureKindIds,
  findKindIds,
  idOfKind,
  type KindTemplate,
  type TableHandle,
  tableHandle,
  templateWithOutside,
} from "../kinds/tables";

export type Messaging = Record<MessagingTable, TableHandle> & {
  ids: Record<MessagingTable, string>;
  workspaceId: string;
  /** D1, where each sender's pace and health are kept. */
  d1: D1Database;
  /** The Worker's bindings, for the features that hear messages' events (journeys). */
  env: Env;
};

/** The template with links outside it resolved: to a table's id, or the column left out. */
const template = (outside: Record<"businesses" | "sites", string | null>): KindTemplate<MessagingTable> =>
  templateWithOutside({ order: MESSAGING_ORDER, kinds: MESSAGING_KINDS, tables: MESSAGING_TABLES }, outside);

/** A table made before the template grew a column (`MESSAGING_ADDED_COLUMNS`) gets it; its handle is read again. */
async function withAddedColumns(env: Env, table: MessagingTable, handle: TableHandle): Promise<TableHandle> {
  const added = (MESSAGING_ADDED_COLUMNS[table] ?? []).filter((key) => !handle.keys[key]);
  if (!added.length) return handle;
  const columns = MESSAGING_TABLES[table].columns
    .filter((c) => added.includes(c.key))
    .map((c) => ({ name: c.name, type: c.type, options: { ...c.options, key: c.key } }));
  await handle.room.addKeyedColumns(columns, "messaging-template");
  return tableHandle(env, handle.id);
}

async function messagingOf(env: Env, ids: Record<MessagingTable, string>, workspaceId: string): Promise<Messaging> {
  const handles = await Promise.all(
    MESSAGING_ORDER.map(async (t) => withAddedColumns(env, t, await tableHandle(env, ids[t]))),
  );
  const byTable = Object.fromEntries(MESSAGING_ORDER.map((t, i) => [t, handles[i]!])) as Record<
    MessagingTable,
    TableHandle
  >;
  return { ...byTable, ids, workspaceId, d1: env.DB, env };
}

/**
 * The workspace's messaging tables, or null when it has never written a message. A workspace
 * whose tables predate one of the template's (the Events log) gets it made here.
 */
export async function findMessaging(env: Env, db: Db, workspaceId: string): Promise<Messaging | null> {
  const ids = await findKindIds(db, workspaceId, template({ businesses: null, sites: null }));
  if (ids) return messagingOf(env, ids, workspaceId);
  if (!(await idOfKind(db, workspaceId, MESSAGING_KINDS.messages))) return null;
  return ensureMessaging(env, db, workspaceId, null);
}

/** The workspace's messaging tables, made when any is missing. */
export async function ensureMessaging(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<Messaging> {
  const found = await findKindIds(db, workspaceId, template({ businesses: null, sites: null }));
  if (found) return messagingOf(env, found, workspaceId);
  const outside = {
    businesses: await idOfKind(db, workspaceId, HUNTING_KINDS.businesses),
    sites: await idOfKind(db, workspaceId, SITES_KINDS.sites),
  };
  const ids = await ensureKindIds(env, db, workspaceId, createdBy, template(outside));
  return messagingOf(env, ids, workspaceId);
}

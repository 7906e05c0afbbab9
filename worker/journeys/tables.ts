/**
 * A workspace's "Leads and journeys" tables (Leads, Journeys, Journey steps, Handoffs), found by
 * kind and made from the template the first time journeys need them. The Leads table's Business
 * link points at the workspace's Businesses table when it has one; without it the column is left
 * out.
 */
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import { JOURNEYS_KINDS, JOURNEYS_ORDER, JOURNEYS_TABLES, type JourneysTable } from "../../schema/journeys-tables";
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

export type JourneyTables = Record<JourneysTable, TableHandle> & {
  ids: Record<JourneysTable, string>;
  workspaceId: string;
};

const template = (outside: Record<"businesses", string | null>): KindTemplate<JourneysTable> =>
  templateWithOutside({ order: JOURNEYS_ORDER, kinds: JOURNEYS_KINDS, tables: JOURNEYS_TABLES }, outside);

async function handlesOf(env: Env, ids: Record<JourneysTable, string>, workspaceId: string): Promise<JourneyTables> {
  const handles = await Promise.all(JOURNEYS_ORDER.map((t) => tableHandle(env, ids[t])));
  const byTable = Object.fromEntries(JOURNEYS_ORDER.map((t, i) => [t, handles[i]!])) as Record<
    JourneysTable,
    TableHandle
  >;
  return { ...byTable, ids, workspaceId };
}

/** The workspace's journeys tables, or null when journeys have never been used there. */
export async function findJourneyTables(env: Env, db: Db, workspaceId: string): Promise<JourneyTables | null> {
  const ids = await findKindIds(db, workspaceId, template({ businesses: null }));
  return ids ? handlesOf(env, ids, workspaceId) : null;
}

/** The workspace's journeys tables, made when any is missing. */
export async function ensureJourneyTables(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<JourneyTables> {
  const found = await findKindIds(db, workspaceId, template({ businesses: null }));
  if (found) return handlesOf(env, found, workspaceId);
  const outside = { businesses: await idOfKind(db, workspaceId, HUNTING_KINDS.businesses) };
  const ids = await ensureKindIds(env, db, workspaceId, createdBy, template(outside));
  return handlesOf(env, ids, workspaceId);
}

/**
 * A workspace's "Autopilot" tables (Cycles, Alerts, Daily reports), found by kind and made from
 * the template the first time the conductor needs them.
 */
import { AUTOPILOT_KINDS, AUTOPILOT_ORDER, AUTOPILOT_TABLES, type AutopilotTable } from "../../schema/autopilot-tables";
import type { Db } from "../db";
import { ensureKindIds, findKindIds, type KindTemplate, type TableHandle, tableHandle } from "../kinds/tables";

export type AutopilotTables = Record<AutopilotTable, TableHandle> & {
  ids: Record<AutopilotTable, string>;
  workspaceId: string;
};

const TEMPLATE: KindTemplate<AutopilotTable> = {
  order: AUTOPILOT_ORDER,
  kinds: AUTOPILOT_KINDS,
  tables: AUTOPILOT_TABLES,
};

async function handlesOf(env: Env, ids: Record<AutopilotTable, string>, workspaceId: string): Promise<AutopilotTables> {
  const handles = await Promise.all(AUTOPILOT_ORDER.map((t) => tableHandle(env, ids[t])));
  const byTable = Object.fromEntries(AUTOPILOT_ORDER.map((t, i) => [t, handles[i]!])) as Record<
    AutopilotTable,
    TableHandle
  >;
  return { ...byTable, ids, workspaceId };
}

/** The workspace's autopilot tables, or null when autopilot has never run there. */
export async function findAutopilotTables(env: Env, db: Db, workspaceId: string): Promise<AutopilotTables | null> {
  const ids = await findKindIds(db, workspaceId, TEMPLATE);
  return ids ? handlesOf(env, ids, workspaceId) : null;
}

/** The workspace's autopilot tables, made when any is missing. */
export async function ensureAutopilotTables(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<AutopilotTables> {
  const found = await findKindIds(db, workspaceId, TEMPLATE);
  if (found) return handlesOf(env, found, workspaceId);
  return handlesOf(env, await ensureKindIds(env, db, workspaceId, createdBy, TEMPLATE), workspaceId);
}

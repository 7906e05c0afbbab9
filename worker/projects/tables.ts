/**
 * A workspace's outreach tables (Projects, Dealerships, Attempts), found by kind and created from
 * the template the first time a project needs them (see `worker/kinds/tables.ts`).
 */
import { OUTREACH_KINDS, OUTREACH_TABLES, type OutreachTable } from "../../schema/outreach-tables";
import type { ProjectTables } from "../../schema/projects";
import type { Db } from "../db";
import { ensureKindIds, findKindIds, type KindTemplate, type TableHandle, tableHandle } from "../kinds/tables";

export { byKey, type ColumnKeys, reader } from "../kinds/tables";

export type OutreachHandle = TableHandle;
export type Outreach = Record<OutreachTable, OutreachHandle> & { ids: ProjectTables; workspaceId: string };

const TEMPLATE: KindTemplate<OutreachTable> = {
  order: ["projects", "dealerships", "attempts"],
  kinds: OUTREACH_KINDS,
  tables: OUTREACH_TABLES,
};

/** The outreach tables named by id (as a queue job carries them). */
export async function outreachOf(env: Env, ids: ProjectTables, workspaceId: string): Promise<Outreach> {
  const [projects, dealerships, attempts] = await Promise.all(TEMPLATE.order.map((t) => tableHandle(env, ids[t])));
  return { projects: projects!, dealerships: dealerships!, attempts: attempts!, ids, workspaceId };
}

/** The workspace's outreach tables, or null when it has none yet. */
export async function findOutreach(env: Env, db: Db, workspaceId: string): Promise<Outreach | null> {
  const ids = await findKindIds(db, workspaceId, TEMPLATE);
  return ids ? outreachOf(env, ids, workspaceId) : null;
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
  return outreachOf(env, await ensureKindIds(env, db, workspaceId, createdBy, TEMPLATE), workspaceId);
}

/**
 * A workspace's Sites table, found by kind and made the first time a site is generated, its
 * Business link pointing at the workspace's Businesses table.
 */
import { SITES_COLUMNS, SITES_KINDS, type SitesTable } from "../../schema/sites-tables";
import type { Db } from "../db";
import { ensureKindIds, findKindIds, type KindTemplate, type TableHandle, tableHandle } from "../kinds/tables";

const TEMPLATE: KindTemplate<SitesTable> = {
  order: ["sites"],
  kinds: SITES_KINDS,
  tables: { sites: { name: "Sites", columns: SITES_COLUMNS } },
};

export async function findSites(env: Env, db: Db, workspaceId: string): Promise<TableHandle | null> {
  const ids = await findKindIds(db, workspaceId, TEMPLATE);
  return ids ? tableHandle(env, ids.sites) : null;
}

export async function ensureSites(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  businessesTableId: string,
): Promise<TableHandle> {
  const ids = await ensureKindIds(env, db, workspaceId, createdBy, TEMPLATE, (_table, column) =>
    column.key === "business" ? { table: businessesTableId } : {},
  );
  return tableHandle(env, ids.sites);
}

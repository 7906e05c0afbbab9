/**
 * A workspace's Sites and Claims tables, found by kind and made the first time a site is
 * generated, their Business links pointing at the workspace's Businesses table.
 */
import { CLAIMS_COLUMNS, SITES_COLUMNS, SITES_KINDS, type SitesTable } from "../../schema/sites-tables";
import type { Db } from "../db";
import { ensureKindIds, idOfKind, type KindTemplate, type TableHandle, tableHandle } from "../kinds/tables";

const TEMPLATE: KindTemplate<SitesTable> = {
  order: ["sites", "claims"],
  kinds: SITES_KINDS,
  tables: {
    sites: { name: "Sites", columns: SITES_COLUMNS },
    claims: { name: "Claims", columns: CLAIMS_COLUMNS.map((c) => (c.key === "site" ? { ...c, links: "sites" } : c)) },
  },
};

export async function findSites(env: Env, db: Db, workspaceId: string): Promise<TableHandle | null> {
  const id = await idOfKind(db, workspaceId, SITES_KINDS.sites);
  return id ? tableHandle(env, id) : null;
}

/** The Claims table, made (with Sites) when a workspace has Sites but not yet Claims. */
export async function ensureClaims(
  env: Env,
  db: Db,
  workspaceId: string,
  businessesTableId: string,
): Promise<TableHandle> {
  const ids = await ensureKindIds(env, db, workspaceId, null, TEMPLATE, (_table, column) =>
    column.key === "business" ? { table: businessesTableId } : {},
  );
  return tableHandle(env, ids.claims);
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

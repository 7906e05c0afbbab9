/** The workspace's tables the prebuilt journeys are built on: Leads (made when missing), Businesses, Dealerships. */
import type { PrebuiltTables } from "../../automation/journeys/templates";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import { OUTREACH_KINDS } from "../../schema/outreach-tables";
import type { Db } from "../db";
import { idOfKind } from "../kinds/tables";
import { ensureJourneyTables } from "./tables";

export async function prebuiltTables(
  env: Env,
  db: Db,
  workspaceId: string,
  createdBy: string | null,
): Promise<PrebuiltTables> {
  const tables = await ensureJourneyTables(env, db, workspaceId, createdBy);
  const [businesses, dealerships] = await Promise.all([
    idOfKind(db, workspaceId, HUNTING_KINDS.businesses),
    idOfKind(db, workspaceId, OUTREACH_KINDS.dealerships),
  ]);
  return { leads: tables.ids.leads, businesses, dealerships };
}

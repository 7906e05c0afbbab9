/**
 * A paid claim as journeys hear it: `claimed` for the Businesses row that became a customer, and
 * for every Leads row made from that business (its Business link), so a pitch journey on either
 * table sees it. Payments calls this once the claim moved to paid; a journey's failure is logged
 * and never fails the payment.
 */
import { getDb } from "../db";
import { deliverLeadEvent } from "./events";
import { findJourneyTables } from "./tables";

/** Enough Leads rows for one business: a business is rarely more than a few leads. */
const LEADS_PER_BUSINESS = 50;

export async function hearClaim(
  env: Env,
  input: { workspaceId: string; businessesTableId: string; businessRowId: string; claimId: string },
): Promise<void> {
  const db = getDb(env.DB);
  const data = { claimId: input.claimId };
  try {
    await deliverLeadEvent(env, db, {
      workspaceId: input.workspaceId,
      tableId: input.businessesTableId,
      rowId: input.businessRowId,
      type: "claimed",
      data,
    });
    const tables = await findJourneyTables(env, db, input.workspaceId);
    const link = tables?.leads.keys.business;
    if (!tables || !link) return;
    const { rows } = await tables.leads.room.queryRows({
      filters: [{ columnId: link, op: "anyof", value: input.businessRowId }],
      sort: [],
      limit: LEADS_PER_BUSINESS,
      offset: 0,
    });
    for (const row of rows)
      await deliverLeadEvent(env, db, {
        workspaceId: input.workspaceId,
        tableId: tables.ids.leads,
        rowId: row.id,
        type: "claimed",
        data,
      });
  } catch (error) {
    console.error(`rowpilot: journeys could not hear the claim ${input.claimId}: ${(error as Error).message}`);
  }
}

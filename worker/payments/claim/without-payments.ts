/**
 * A claim in a workspace without Recurrente keys: no checkout (a visitor is never shown a fake
 * one). It is recorded as a Claims row linked to the site and its business, the business's lead
 * status becomes "claimed", and the team gets in touch.
 */
import type { ClaimApiRequest } from "../../../schema/payments-api";
import type { Db } from "../../db";
import { findHunting } from "../../hunting/tables";
import { byKey } from "../../kinds/tables";
import { ensureClaims } from "../../sites/tables";
import type { ClaimedSite } from "./site";
import { NO_SITE } from "./site";
import type { ClaimOutcome } from "./start";

const origin = { kind: "automation" as const, job: "claim" };

export async function recordClaimWithoutPayments(
  env: Env,
  db: Db,
  site: ClaimedSite,
  claimant: ClaimApiRequest,
): Promise<ClaimOutcome> {
  const hunting = await findHunting(env, db, site.workspaceId);
  if (!hunting) return { type: "refused", status: 404, message: NO_SITE };
  const claims = await ensureClaims(env, db, site.workspaceId, hunting.ids.businesses);
  const cells = {
    name: claimant.name,
    email: claimant.email,
    phone: claimant.phone,
    site: [site.siteId],
    business: site.businessId ? [site.businessId] : [],
    received: new Date().toISOString(),
    status: "new",
  };
  const inserted = await claims.room.insertRows([byKey(claims, cells)], origin);
  if (!inserted.ok) return { type: "refused", status: 400, message: inserted.message };
  if (site.businessId)
    await hunting.businesses.room.patchRow(
      site.businessId,
      byKey(hunting.businesses, { leadStatus: "claimed" }),
      origin,
    );
  return { type: "recorded", name: claimant.name, email: claimant.email };
}

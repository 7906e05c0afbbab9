/**
 * What a published site's claim means for serving it: unclaimed (the claim bar shows), claimed (a
 * paid claim: no claim bar) or offline (paid, but taken offline while its subscription is past
 * due beyond the grace period: a friendly notice instead of the site).
 */

import { and, eq } from "drizzle-orm";
import { paymentClaim } from "../../schema/db";
import { getDb } from "../db";

export type SiteClaimState = "unclaimed" | "claimed" | "offline";

/** The site's claim state, from its paid `payment_claim` row. */
export async function siteClaimState(env: Env, workspaceId: string, siteId: string): Promise<SiteClaimState> {
  const paid = await getDb(env.DB).query.paymentClaim.findFirst({
    where: and(
      eq(paymentClaim.workspaceId, workspaceId),
      eq(paymentClaim.siteId, siteId),
      eq(paymentClaim.state, "paid"),
    ),
  });
  if (!paid) return "unclaimed";
  return paid.offlineAt ? "offline" : "claimed";
}

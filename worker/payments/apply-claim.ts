/**
 * A claim's end: paid (its site and business move to claimed / customer and the team is told, in
 * the Customers table's run log and the audit log) or declined (the reason kept for the success
 * page, nothing claimed). The state moves in one conditional UPDATE, so of two deliveries that
 * land together only one tells the team. The business's journeys hear `claimed` (worker/journeys/claims.ts).
 */
import { and, eq, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { formatMoney } from "../../automation/payments/apply";
import { paymentClaim } from "../../schema/db";
import { audit } from "../api/audit";
import { findHunting } from "../hunting/tables";
import { hearClaim } from "../journeys/claims";
import { byKey } from "../kinds/tables";
import { findSites } from "../sites/tables";
import type { ApplyContext, Claim } from "./apply-context";
import { BILLING_ORIGIN } from "./apply-rows";

export type PaidClaim = { claim: Claim; customerId: string; paymentId: string; amountCents: number; currency: string };

/**
 * What marking a claim paid came to: it moved now (the site claimed, the team told), it was paid
 * before (a redelivery), or another person's claim paid for the same site first.
 */
export type ClaimPaidResult = "paid" | "already" | "taken";

/**
 * Marks the claim paid, unless another claim of the same site is paid: two people may each open a
 * checkout for one site and both pay, and only the first owns it (one UPDATE with NOT EXISTS, which
 * D1 runs alone). The first time only: the site claimed, the business a customer, the team told.
 */
export async function claimPaid(ctx: ApplyContext, paid: PaidClaim): Promise<ClaimPaidResult> {
  const { claim } = paid;
  const other = alias(paymentClaim, "other");
  const moved = await ctx.db
    .update(paymentClaim)
    .set({ state: "paid", failureReason: null, updatedAt: new Date() })
    .where(
      and(
        eq(paymentClaim.id, claim.id),
        ne(paymentClaim.state, "paid"),
        notExists(
          ctx.db
            .select({ id: other.id })
            .from(other)
            .where(
              and(
                eq(other.workspaceId, claim.workspaceId),
                eq(other.siteId, claim.siteId),
                eq(other.state, "paid"),
                ne(other.id, claim.id),
              ),
            ),
        ),
      ),
    )
    .returning({ id: paymentClaim.id });
  if (!moved.length) {
    const now = await ctx.db.query.paymentClaim.findFirst({ where: eq(paymentClaim.id, claim.id) });
    return now?.state === "paid" ? "already" : "taken";
  }
  const [sites, hunting] = await Promise.all([
    findSites(ctx.env, ctx.db, ctx.workspace.id),
    findHunting(ctx.env, ctx.db, ctx.workspace.id),
  ]);
  const money = formatMoney(paid.amountCents, paid.currency);
  await Promise.all([
    sites?.room.patchRow(claim.siteId, byKey(sites, { status: "claimed" }), BILLING_ORIGIN),
    hunting && claim.businessId
      ? hunting.businesses.room.patchRow(
          claim.businessId,
          byKey(hunting.businesses, { leadStatus: "customer" }),
          BILLING_ORIGIN,
        )
      : null,
    ctx.billing.customers.room.logEvent({
      rowId: paid.customerId,
      action: "payments",
      outcome: "succeeded",
      detail: `${claim.name} claimed ${claim.businessName}: paid ${money}`,
      source: "payments",
    }),
    audit(ctx.db, { workspace: ctx.workspace, actor: { kind: "anonymous" } }, "billing.claim_paid", claim.id, {
      site: claim.siteSlug,
      email: claim.email,
      paymentId: paid.paymentId,
      amountCents: paid.amountCents,
      currency: paid.currency,
    }),
  ]);
  if (hunting && claim.businessId)
    await hearClaim(ctx.env, {
      workspaceId: ctx.workspace.id,
      businessesTableId: hunting.ids.businesses,
      businessRowId: claim.businessId,
      claimId: claim.id,
    });
  return "paid";
}

/** Marks an unpaid claim's checkout declined with Recurrente's reason; a paid claim stays paid. */
export async function claimDeclined(ctx: ApplyContext, claim: Claim, reason: string): Promise<void> {
  await ctx.db
    .update(paymentClaim)
    .set({ state: "failed", failureReason: reason, updatedAt: new Date() })
    .where(and(eq(paymentClaim.id, claim.id), ne(paymentClaim.state, "paid")));
}

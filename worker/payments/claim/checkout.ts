/**
 * Making the Recurrente checkout for a claim row this request holds (state "creating"): the setup
 * fee once and the plan monthly, back to the claim page, labelled with everything the webhook
 * needs to find the claim again. A refusal or an outage gives the row back (`giveBack`) and says
 * plainly what happened; a refused key also leaves a line in the workspace's audit log for its
 * owners, since the visitor cannot fix it.
 */
import type { Recurrente } from "../../../automation/payments/recurrente/types";
import { PaymentsError } from "../../../automation/payments/recurrente/types";
import type { Db } from "../../db";
import { type ClaimRow, giveBack, markOpen, tellOwners } from "./ledger";
import type { OfferedPlan } from "./plan";
import type { ClaimedSite } from "./site";
import type { ClaimLinks, ClaimOutcome } from "./start";

/** The checkout stays payable for a day (Recurrente's `expires_at`), time to find a card. */
export const CHECKOUT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const PAYMENTS_UNAVAILABLE = "Payments are not available right now; the team has been told.";
export const CHECKOUT_REFUSED =
  "The payment page could not be opened: the payment service refused the request. The team has been told; please try again later.";
export const PAYMENTS_DOWN = "The payment service is not answering right now. Please try again in a few minutes.";

type Attempt = { row: ClaimRow; before: ClaimRow | null; plan: OfferedPlan; site: ClaimedSite; links: ClaimLinks };

export async function openCheckout(db: Db, recurrente: Recurrente, attempt: Attempt): Promise<ClaimOutcome> {
  const { row, plan, site, links } = attempt;
  const items = [
    ...(plan.setupCents > 0
      ? [
          {
            name: `${plan.name}: setup`,
            description: `Setting up ${site.businessName}'s site`,
            amountCents: plan.setupCents,
            currency: plan.currency,
            chargeType: "one_time" as const,
          },
        ]
      : []),
    {
      name: plan.name,
      description: plan.description || undefined,
      amountCents: plan.monthlyCents,
      currency: plan.currency,
      chargeType: "recurring" as const,
      billingInterval: "month" as const,
      billingIntervalCount: 1,
    },
  ];
  try {
    const checkout = await recurrente.createCheckout({
      items,
      successUrl: `${links.claimPage}/done?claim=${encodeURIComponent(row.id)}`,
      cancelUrl: links.claimPage,
      metadata: {
        workspaceId: row.workspaceId,
        siteId: row.siteId,
        businessId: row.businessId ?? "",
        claimId: row.id,
        planId: row.planId,
        email: row.email,
        name: row.name,
      },
      expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS).toISOString(),
    });
    if (!checkout.checkoutUrl)
      throw new PaymentsError("server", "Recurrente made the checkout but gave no page for it");
    await markOpen(db, row.id, { id: checkout.id, url: checkout.checkoutUrl });
    return { type: "checkout", claimId: row.id, checkoutUrl: checkout.checkoutUrl };
  } catch (error) {
    await giveBack(db, row.id, attempt.before);
    if (!(error instanceof PaymentsError)) throw error;
    return refusal(db, row, error);
  }
}

async function refusal(db: Db, row: ClaimRow, error: PaymentsError): Promise<ClaimOutcome> {
  console.error(`Claim of ${row.siteSlug}: no checkout (${error.kind}): ${error.message}`);
  if (error.retryable) return { type: "refused", status: 503, message: PAYMENTS_DOWN };
  await tellOwners(db, row.workspaceId, "payments.checkout_failed", {
    siteSlug: row.siteSlug,
    claimId: row.id,
    kind: error.kind,
    status: error.status,
    message: error.message,
  });
  return error.kind === "auth"
    ? { type: "refused", status: 503, message: PAYMENTS_UNAVAILABLE }
    : { type: "refused", status: 502, message: CHECKOUT_REFUSED };
}

/**
 * Where a claim stands, read only from its `payment_claim` row (which Recurrente's verified
 * webhooks move on), never from the browser arriving back from the checkout: the page the
 * checkout returns to, refreshing itself until the claim is final, and its JSON twin.
 */

import { escapeHtml } from "../../../automation/sites/escape";
import type { ClaimState, ClaimStatus } from "../../../schema/payments-api";
import type { ClaimRow } from "./ledger";
import { sitesPage } from "./page";
import { isExpired } from "./start";

/** How often the confirming page looks again: a webhook usually lands within seconds of paying. */
export const CONFIRM_REFRESH_SECONDS = 3;

/** The state a person is shown: a checkout still being made is open; an open one past its expiry is expired. */
export function claimStateOf(row: ClaimRow, now = Date.now()): ClaimState {
  if (row.state === "paid" || row.state === "failed" || row.state === "expired" || row.state === "confirming")
    return row.state;
  return isExpired(row, now) ? "expired" : "open";
}

export const claimStatusOf = (row: ClaimRow): ClaimStatus => ({
  claimId: row.id,
  state: claimStateOf(row),
  businessName: row.businessName,
  failureReason: row.state === "failed" ? (row.failureReason ?? null) : null,
});

/** The success page for `row`; `claimPath` is the claim form's path on this host. */
export function donePage(row: ClaimRow, claimPath: string): Promise<Response> {
  const business = escapeHtml(row.businessName);
  const again = `<p><a href="${escapeHtml(claimPath)}">Try again</a></p>`;
  switch (claimStateOf(row)) {
    case "paid":
      return sitesPage(
        "It's yours",
        `<h1>It's yours</h1><p>${business} is now your site. We'll be in touch at ${escapeHtml(row.email)}.</p>`,
      );
    case "failed":
      return sitesPage(
        "Payment not completed",
        `<h1>The payment did not go through</h1><p>${escapeHtml(row.failureReason || "The payment was declined.")}</p><p>Nothing was charged and ${business}'s site is still waiting for you.</p>${again}`,
      );
    case "expired":
      return sitesPage(
        "Payment page expired",
        `<h1>This payment page has expired</h1><p>Nothing was charged. Start again to get a fresh payment page for ${business}'s site.</p><p><a href="${escapeHtml(claimPath)}">Start again</a></p>`,
      );
    case "open":
    case "confirming":
      return sitesPage(
        "Confirming your payment",
        `<h1>We're confirming your payment…</h1><p>This page updates by itself as soon as the payment service confirms it, usually within a few seconds.</p>`,
        { refreshSeconds: CONFIRM_REFRESH_SECONDS },
      );
  }
}

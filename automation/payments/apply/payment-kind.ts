/**
 * What a confirmed payment is to us: the claim's setup payment (its checkout's first), a
 * renewal of a subscription we know, or a refund; and whether what Recurrente charged is what
 * the claim asked for. A mismatch is recorded as Recurrente said it, with a flag people see.
 */
import type { PaymentKind } from "../../../schema/payments-tables";
import { formatMoney } from "./money";

export type PaymentContext = {
  refund: boolean;
  /** The checkout is one of our claims' (in payment_claim). */
  claimCheckout: boolean;
  /** The claim is already paid by another payment id. */
  claimPaidByOther: boolean;
  /** The payment's subscription has a Subscriptions row. */
  subscriptionKnown: boolean;
};

/** The payment's kind, or null when it is none of ours (flag it, apply nothing). */
export function paymentKind(context: PaymentContext): PaymentKind | null {
  if (context.refund) return "refund";
  if (context.claimCheckout && !context.claimPaidByOther) return "setup";
  if (context.subscriptionKnown) return "renewal";
  return null;
}

export type ClaimAmounts = { setupCents: number; monthlyCents: number; currency: string };

/**
 * A flag when the charge is not what the claim asked for: the setup payment is the setup fee plus
 * the first month, a renewal the monthly price, each in the claim's currency. Null when it matches.
 * @example amountFlag({ setupCents: 9900, monthlyCents: 2900, currency: "USD" }, "setup", 100, "USD")
 * // "Charged 1.00 USD; the claim asked for 128.00 USD"
 */
export function amountFlag(
  claim: ClaimAmounts,
  kind: PaymentKind,
  amountCents: number,
  currency: string | null,
): string | null {
  if (kind === "refund") return null;
  const expected = kind === "setup" ? claim.setupCents + claim.monthlyCents : claim.monthlyCents;
  if (amountCents === expected && currency === claim.currency) return null;
  const what = kind === "setup" ? "the claim asked for" : "the plan's monthly price is";
  return `Charged ${formatMoney(amountCents, currency ?? "in an unknown currency")}; ${what} ${formatMoney(expected, claim.currency)}`;
}

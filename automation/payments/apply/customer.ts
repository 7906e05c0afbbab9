/** A customer's figures, summed again from their rows on every change rather than kept as a running total. */
import type { CustomerStatus, SubscriptionStatus } from "../../../schema/payments-tables";
import { toCents, toMajor } from "./money";

export type PaymentFigure = { amount: number | null; status: string };

/**
 * Succeeded payments less refunds, in major units: a refund row is negative, and a payment later
 * refunded ("refunded") still counts what it took, its refund row taking it back.
 */
export function lifetimeValue(payments: PaymentFigure[]): number {
  const cents = payments
    .filter((p) => p.status === "succeeded" || p.status === "refunded")
    .reduce((sum, p) => sum + toCents(p.amount ?? 0), 0);
  return toMajor(cents);
}

/** The best standing among the customer's subscriptions: one active plan makes an active customer. */
const STANDING: CustomerStatus[] = ["active", "past_due", "paused", "cancelled"];

/** A customer's status from their subscriptions' (active while none is known yet: they just paid). */
export function customerStatus(subscriptions: (SubscriptionStatus | null)[]): CustomerStatus {
  const known = subscriptions.filter((s): s is SubscriptionStatus => s !== null && s !== "pending");
  if (!known.length) return "active";
  return STANDING.find((s) => known.includes(s)) ?? "cancelled";
}

/**
 * Recurrente's webhook events, read into one shape each kind (the API reference's "Webhook Event
 * Types": payment_intent.*, bank_transfer_intent.*, subscription.*, setup_intent.*, refund.*).
 * The rest of Rowpilot never reads a raw payload: `parse.ts` makes these, and an event it cannot
 * read is an `unknown` one, stored and acknowledged.
 */
import type { Currency, SubscriptionStatus } from "../../../schema/payments-tables";

export type EventCustomer = { id: string | null; email: string | null; name: string | null; phone: string | null };

/** A charge (card or bank transfer) that succeeded, failed or is waiting for the transfer. */
export type PaymentEvent = {
  kind: "payment";
  type: string;
  outcome: "succeeded" | "failed" | "pending";
  /** pa_… (or ba_… for a bank transfer). */
  paymentId: string;
  checkoutId: string | null;
  /** su_… when the payment is a subscription's (the paymentable). */
  subscriptionId: string | null;
  amountCents: number;
  currency: Currency | null;
  customer: EventCustomer;
  failureReason: string | null;
  invoiceUrl: string | null;
  productId: string | null;
  /** The checkout's metadata: our workspace, site, business and claim ids. */
  metadata: Record<string, string>;
  /** When it happened at Recurrente (ISO 8601). */
  at: string;
};

/** A subscription started, fell past due, was paused or cancelled. */
export type SubscriptionEvent = {
  kind: "subscription";
  type: string;
  status: SubscriptionStatus;
  /** su_…. */
  subscriptionId: string;
  paymentId: string | null;
  productId: string | null;
  customer: EventCustomer;
  at: string;
};

/** A subscription with a free trial started (succeeded) or could not (cancelled). */
export type SetupEvent = { kind: "setup"; type: string; succeeded: boolean; subscriptionId: string; at: string };

/** Money returned. */
export type RefundEvent = {
  kind: "refund";
  type: string;
  /** re_…. */
  refundId: string;
  paymentId: string | null;
  amountCents: number;
  currency: Currency | null;
  customer: EventCustomer;
  at: string;
};

/** Anything else: kept in the Webhook events table and acknowledged. */
export type UnknownEvent = { kind: "unknown"; type: string; objectId: string | null; at: string | null };

export type RecurrenteEvent = PaymentEvent | SubscriptionEvent | SetupEvent | RefundEvent | UnknownEvent;

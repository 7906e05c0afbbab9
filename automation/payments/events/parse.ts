/**
 * Recurrente's webhook payloads (its API reference, "Webhook Event Types") read into
 * `RecurrenteEvent`s. Payment events carry the payment at the top (`id`, `amount_in_cents`,
 * `customer`) and the checkout beside it; subscription events are the subscription itself with
 * the customer flattened (`customer_email`); setup intents name it under the documented typo
 * `suscription`. A payload this cannot read is an `unknown` event: stored, never applied.
 */
import type { SubscriptionStatus } from "../../../schema/payments-tables";
import { cents, currency, isObject, type Json, metadata, obj, str } from "../recurrente/read";
import type { EventCustomer, PaymentEvent, RecurrenteEvent, RefundEvent, SubscriptionEvent } from "./types";

const PAYMENT_OUTCOMES: Record<string, PaymentEvent["outcome"]> = {
  "payment_intent.succeeded": "succeeded",
  "payment_intent.failed": "failed",
  "bank_transfer_intent.pending": "pending",
  "bank_transfer_intent.succeeded": "succeeded",
  "bank_transfer_intent.failed": "failed",
};

const SUBSCRIPTION_STATUS_OF: Record<string, SubscriptionStatus> = {
  "subscription.create": "active",
  "subscription.past_due": "past_due",
  "subscription.paused": "paused",
  "subscription.cancel": "cancelled",
};

function customerOf(o: Json): EventCustomer {
  const c = obj(o, "customer");
  const paymentable = obj(obj(o, "payment"), "paymentable");
  return {
    id: str(c, "id") ?? str(o, "customer_id"),
    email: str(c, "email") ?? str(o, "customer_email"),
    name: str(c, "full_name") ?? str(o, "customer_name"),
    phone: str(paymentable, "phone_number"),
  };
}

/** `created_at` as ISO 8601 in UTC ("2024-04-10T10:31:45.806-06:00" becomes "…16:31:45.806Z"), or null. */
function at(o: Json): string | null {
  const raw = str(o, "created_at");
  const t = raw ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function payment(o: Json, type: string, outcome: PaymentEvent["outcome"]): PaymentEvent | null {
  const pay = obj(o, "payment");
  const checkout = obj(o, "checkout");
  const paymentable = obj(pay, "paymentable");
  const paymentId = str(o, "id") ?? str(pay, "id");
  const amountCents = cents(o, "amount_in_cents");
  const when = at(o);
  if (!paymentId || amountCents === null || !when) return null;
  const invoice = obj(o, "invoice");
  return {
    kind: "payment",
    type,
    outcome,
    paymentId,
    checkoutId: str(checkout, "id"),
    subscriptionId: str(paymentable, "type") === "Subscription" ? str(paymentable, "id") : null,
    amountCents,
    currency: currency(o),
    customer: customerOf(o),
    failureReason: str(o, "failure_reason"),
    invoiceUrl: str(invoice, "tax_invoice_url") ?? str(o, "tax_invoice_url"),
    productId: str(obj(o, "product"), "id"),
    metadata: metadata(checkout),
    at: when,
  };
}

function subscription(o: Json, type: string, status: SubscriptionStatus): SubscriptionEvent | null {
  const subscriptionId = str(o, "id");
  const when = at(o);
  if (!subscriptionId?.startsWith("su_") || !when) return null;
  return {
    kind: "subscription",
    type,
    status,
    subscriptionId,
    paymentId: str(obj(o, "payment"), "id"),
    productId: str(obj(o, "product"), "id"),
    customer: customerOf(o),
    at: when,
  };
}

/** Recurrente documents no refund.create payload: read as its refund object (`GET /refunds/:id`) is. */
function refund(o: Json, type: string): RefundEvent | null {
  const refundId = str(o, "id");
  const when = at(o);
  const amountCents = cents(o, "customer_refunded_amount_in_cents") ?? cents(o, "amount_in_cents");
  if (!refundId || !when || amountCents === null) return null;
  return {
    kind: "refund",
    type,
    refundId,
    paymentId: str(o, "payment_intent_id") ?? str(obj(o, "payment"), "id") ?? str(obj(o, "payment_intent"), "id"),
    amountCents,
    currency: currency(o),
    customer: customerOf(o),
    at: when,
  };
}

function known(o: Json, type: string): RecurrenteEvent | null {
  const outcome = PAYMENT_OUTCOMES[type];
  if (outcome) return payment(o, type, outcome);
  const status = SUBSCRIPTION_STATUS_OF[type];
  if (status) return subscription(o, type, status);
  if (type === "setup_intent.succeeded" || type === "setup_intent.cancelled") {
    const subscriptionId = str(obj(o, "suscription") ?? obj(o, "subscription"), "id");
    const when = at(o);
    if (!subscriptionId || !when) return null;
    return { kind: "setup", type, succeeded: type === "setup_intent.succeeded", subscriptionId, at: when };
  }
  if (type === "refund.create") return refund(o, type);
  return null;
}

/**
 * One webhook body (already parsed JSON) as the event it reports; `unknown` when the type is not
 * one we act on or its payload lacks what acting needs.
 * @example parseRecurrenteEvent(JSON.parse(body)).kind // "payment"
 */
export function parseRecurrenteEvent(json: unknown): RecurrenteEvent {
  const o = isObject(json) ? json : {};
  const type = str(o, "event_type") ?? "unknown";
  return known(o, type) ?? { kind: "unknown", type, objectId: str(o, "id"), at: at(o) };
}

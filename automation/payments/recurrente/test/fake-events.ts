/**
 * The webhook payloads the fake sends, shaped after the API reference's "Webhook Event Types"
 * (payment_intent.succeeded / .failed, subscription.create / .past_due / .paused / .cancel).
 */
import {
  cardMethod,
  type FakeCheckout,
  type FakePayment,
  type FakeRefund,
  type FakeStore,
  type FakeSubscription,
  paymentRef,
  refundJson,
  totalCents,
} from "./fake-state";

/** The `api_version` Recurrente's documented payloads carry. */
const API_VERSION = "2024-04-24";

/** What a test card's bank says when it declines (the reference's payment_intent.failed example). */
export const DECLINE_REASON =
  "Tu banco ha rechazado la transacción. Llama a tu banco y pide que autoricen esta transacción.";

const customerOf = (payment: FakePayment) => ({
  email: payment.customer.email,
  full_name: payment.customer.fullName,
  id: payment.customer.id,
});

/** `payment_intent.succeeded` for a paid checkout (or a subscription's renewal, without one). */
export function paymentSucceeded(payment: FakePayment, checkout: FakeCheckout | null) {
  return {
    id: payment.id,
    event_type: "payment_intent.succeeded",
    api_version: API_VERSION,
    checkout: checkout
      ? {
          id: checkout.id,
          status: "paid",
          payment: paymentRef(payment),
          payment_method: cardMethod(),
          transfer_setups: [],
          metadata: checkout.metadata,
        }
      : null,
    created_at: new Date().toISOString(),
    failure_reason: null,
    amount_in_cents: payment.amountCents,
    currency: payment.currency,
    fee: Math.round(payment.amountCents * 0.045),
    vat_withheld: 0,
    vat_withheld_currency: payment.currency,
    customer: customerOf(payment),
    payment: paymentRef(payment),
    product: { id: payment.productId },
    invoice: { id: payment.id.replace(/^pa_/, "inv_"), tax_invoice_url: null },
  };
}

/**
 * `payment_intent.failed` for a declined first payment. No subscription exists yet, so the
 * payment has no paymentable (the reference's example shows one for a failed renewal).
 */
export function paymentFailed(paymentId: string, checkout: FakeCheckout, customer: FakePayment["customer"]) {
  return {
    id: paymentId,
    event_type: "payment_intent.failed",
    api_version: API_VERSION,
    checkout: { id: checkout.id },
    created_at: new Date().toISOString(),
    failure_reason: DECLINE_REASON,
    amount_in_cents: totalCents(checkout),
    currency: checkout.items[0]?.currency ?? "GTQ",
    fee: 0,
    vat_withheld: 0,
    vat_withheld_currency: checkout.items[0]?.currency ?? "GTQ",
    customer: { email: customer.email, full_name: customer.fullName, id: customer.id },
    payment: { id: paymentId, paymentable: null },
    product: { id: checkout.productId },
    invoice: { id: paymentId.replace(/^pa_/, "inv_"), tax_invoice_url: null },
  };
}

/** `subscription.create`, `.past_due`, `.paused`, `.cancel`: one documented shape for all. */
export function subscriptionEvent(store: FakeStore, subscription: FakeSubscription, eventType: string) {
  const payment = store.payments.get(subscription.paymentId);
  return {
    api_version: API_VERSION,
    created_at: new Date().toISOString(),
    customer_email: subscription.subscriber.email,
    customer_id: subscription.subscriber.id,
    customer_name: subscription.subscriber.fullName,
    event_type: eventType,
    id: subscription.id,
    payment: payment ? paymentRef(payment) : null,
    product: store.products.get(subscription.productId) ?? { id: subscription.productId },
  };
}

/** The event for a status set at the fake, as Recurrente names it (`cancelled` → `subscription.cancel`). */
export const SUBSCRIPTION_EVENT_TYPES = {
  past_due: "subscription.past_due",
  paused: "subscription.paused",
  cancelled: "subscription.cancel",
} as const;

/**
 * `refund.create`: the reference lists the event but documents no payload, so the fake sends the
 * refund object as "Create a refund" answers it plus `event_type` and the refunded
 * `payment_intent_id`.
 */
export function refundCreated(refund: FakeRefund) {
  return {
    ...refundJson(refund),
    event_type: "refund.create",
    api_version: API_VERSION,
    payment_intent_id: refund.paymentId,
  };
}

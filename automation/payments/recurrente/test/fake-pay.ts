/**
 * What happens at the fake when a buyer pays (the hosted page's Pay button, or a test's `pay()`)
 * and when a subscription's status changes as it would in Recurrente's dashboard. Each returns
 * the events Recurrente would send; the caller signs and delivers them.
 */
import {
  DECLINE_REASON,
  paymentFailed,
  paymentSucceeded,
  SUBSCRIPTION_EVENT_TYPES,
  subscriptionEvent,
} from "./fake-events";
import {
  checkoutStatus,
  type FakeCheckout,
  type FakePayment,
  type FakePerson,
  type FakeStore,
  type FakeSubscription,
  newId,
  periodEnd,
  recurringItem,
  type SubscriptionStatus,
  totalCents,
} from "./fake-state";

/** Recurrente's test cards (the reference's "Sandbox y pagos de prueba"): this one succeeds… */
export const SUCCESS_CARD = "4242 4242 4242 4242";
/** …and this one is declined, as in Stripe-style sandboxes. */
export const DECLINED_CARD = "4000 0000 0000 0002";

/** Who pays when the checkout does not say: a test person. */
const TEST_PERSON = { email: "prueba@example.com", fullName: "Persona de Prueba" };

export type Event = Record<string, unknown>;
export type PayOutcome = { paid: true; events: Event[] } | { paid: false; reason: string; events: Event[] };

/** The same customer (us_…) for the same email, as Recurrente keeps one user per email. */
function personFor(store: FakeStore, metadata: Record<string, unknown>): FakePerson {
  const email = typeof metadata.email === "string" && metadata.email ? metadata.email : TEST_PERSON.email;
  const fullName = typeof metadata.name === "string" && metadata.name ? metadata.name : TEST_PERSON.fullName;
  const key = email.toLowerCase();
  const known = store.people.get(key);
  if (known) return known;
  const person = { id: newId("us"), email, fullName };
  store.people.set(key, person);
  return person;
}

/** Pays an open checkout with `card`; throws when the checkout is not payable (a test mistake). */
export function payCheckout(store: FakeStore, checkout: FakeCheckout, card: string): PayOutcome {
  const status = checkoutStatus(checkout);
  if (status !== "unpaid") throw new Error(`The fake's checkout ${checkout.id} is ${status}, not payable`);
  const customer = personFor(store, checkout.metadata);
  if (card.replace(/\D/g, "") !== SUCCESS_CARD.replace(/\D/g, "")) {
    return { paid: false, reason: DECLINE_REASON, events: [paymentFailed(newId("pa"), checkout, customer)] };
  }
  const now = new Date();
  const item = recurringItem(checkout);
  const payment: FakePayment = {
    id: newId("pa"),
    checkoutId: checkout.id,
    subscriptionId: item ? newId("su") : null,
    amountCents: totalCents(checkout),
    currency: checkout.items[0]?.currency ?? "GTQ",
    customer,
    productId: checkout.productId,
    refundId: null,
  };
  store.payments.set(payment.id, payment);
  checkout.status = "paid";
  checkout.paymentId = payment.id;
  checkout.subscriptionId = payment.subscriptionId;
  const events: Event[] = [paymentSucceeded(payment, checkout)];
  if (item && payment.subscriptionId) {
    const subscription: FakeSubscription = {
      id: payment.subscriptionId,
      description: item.name,
      status: "active",
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      current_period_start: now.toISOString(),
      current_period_end: periodEnd(
        now,
        item.billing_interval ?? "month",
        item.billing_interval_count ?? 1,
      ).toISOString(),
      subscriber: customer,
      checkoutId: checkout.id,
      productId: checkout.productId,
      paymentId: payment.id,
      item,
    };
    store.subscriptions.set(subscription.id, subscription);
    events.push(subscriptionEvent(store, subscription, "subscription.create"));
  }
  return { paid: true, events };
}

/**
 * Sets a subscription's status. Recurrente sends subscription.past_due / .paused / .cancel; a
 * past-due subscription that becomes active again was charged, so it sends that renewal's
 * payment_intent.succeeded; a paused one resumed has no documented event, so none is sent.
 */
export function changeSubscription(store: FakeStore, id: string, status: SubscriptionStatus): Event[] {
  const subscription = store.subscriptions.get(id);
  if (!subscription) throw new Error(`The fake has no subscription ${id}`);
  const was = subscription.status;
  const now = new Date();
  subscription.status = status;
  subscription.updated_at = now.toISOString();
  if (status !== "active") return [subscriptionEvent(store, subscription, SUBSCRIPTION_EVENT_TYPES[status])];
  if (was !== "past_due") return [];
  const renewal: FakePayment = {
    id: newId("pa"),
    checkoutId: null,
    subscriptionId: subscription.id,
    amountCents: subscription.item.amount_in_cents * subscription.item.quantity,
    currency: subscription.item.currency,
    customer: subscription.subscriber,
    productId: subscription.productId,
    refundId: null,
  };
  store.payments.set(renewal.id, renewal);
  subscription.paymentId = renewal.id;
  subscription.current_period_start = now.toISOString();
  subscription.current_period_end = periodEnd(
    now,
    subscription.item.billing_interval ?? "month",
    subscription.item.billing_interval_count ?? 1,
  ).toISOString();
  return [paymentSucceeded(renewal, null)];
}

/**
 * What the fake Recurrente holds (checkouts, products, subscriptions, payments, refunds, webhook
 * endpoints) and how each is shown in its API answers, shaped after Recurrente's API reference
 * (/work/briefs/recurrente-api.md: "Get a checkout", "Get a subscription", "Create a refund",
 * "Create a webhook endpoint"). Amounts are cents; `total_in_cents` is a string, as documented.
 */
import { randomBytes } from "node:crypto";

export type Currency = "GTQ" | "USD";
export type Interval = "week" | "month" | "year";
export type SubscriptionStatus = "active" | "past_due" | "paused" | "cancelled";

export type FakeItem = {
  name: string;
  description: string | null;
  amount_in_cents: number;
  currency: Currency;
  charge_type: "one_time" | "recurring";
  billing_interval: Interval | null;
  billing_interval_count: number | null;
  quantity: number;
};

export type FakeCheckout = {
  id: string;
  status: "unpaid" | "paid" | "expired";
  items: FakeItem[];
  success_url: string;
  cancel_url: string;
  metadata: Record<string, unknown>;
  expires_at: string | null;
  created_at: string;
  productId: string;
  paymentId: string | null;
  subscriptionId: string | null;
};

export type FakePerson = { id: string; email: string; fullName: string };

export type FakeSubscription = {
  id: string;
  description: string;
  status: SubscriptionStatus;
  created_at: string;
  updated_at: string;
  current_period_start: string;
  current_period_end: string;
  subscriber: FakePerson;
  checkoutId: string;
  productId: string;
  paymentId: string;
  item: FakeItem;
};

export type FakePayment = {
  id: string;
  checkoutId: string | null;
  subscriptionId: string | null;
  amountCents: number;
  currency: Currency;
  customer: FakePerson;
  productId: string;
  refundId: string | null;
};

export type FakeRefund = {
  id: string;
  paymentId: string;
  customer: FakePerson;
  amountCents: number;
  currency: Currency;
  created_at: string;
};

export type FakeEndpoint = {
  id: string;
  url: string;
  description: string | null;
  metadata: unknown;
  secret: string;
  createdAt: string;
};

export type FakeStore = {
  checkouts: Map<string, FakeCheckout>;
  products: Map<string, Record<string, unknown>>;
  subscriptions: Map<string, FakeSubscription>;
  payments: Map<string, FakePayment>;
  refunds: Map<string, FakeRefund>;
  endpoints: Map<string, FakeEndpoint>;
  people: Map<string, FakePerson>;
};

export const emptyStore = (): FakeStore => ({
  checkouts: new Map(),
  products: new Map(),
  subscriptions: new Map(),
  payments: new Map(),
  refunds: new Map(),
  endpoints: new Map(),
  people: new Map(),
});

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** An id in Recurrente's form: `ch_eegw9j5zgqoae3ms`, `su_nehndm7j`, `pa_e6kc6vx2`. */
export function newId(prefix: string, length = 8): string {
  const bytes = randomBytes(length);
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

/** A Svix signing secret: `whsec_` and base64 of 24 random bytes, as Svix makes them. */
export const newSigningSecret = (): string => `whsec_${randomBytes(24).toString("base64")}`;

export const totalCents = (checkout: FakeCheckout): number =>
  checkout.items.reduce((sum, item) => sum + item.amount_in_cents * item.quantity, 0);

export const recurringItem = (checkout: FakeCheckout): FakeItem | null =>
  checkout.items.find((item) => item.charge_type === "recurring") ?? null;

/** The end of a period of `count` intervals starting at `start`. */
export function periodEnd(start: Date, interval: Interval, count: number): Date {
  const end = new Date(start);
  if (interval === "week") end.setUTCDate(end.getUTCDate() + 7 * count);
  if (interval === "month") end.setUTCMonth(end.getUTCMonth() + count);
  if (interval === "year") end.setUTCFullYear(end.getUTCFullYear() + count);
  return end;
}

/** An unpaid checkout past its `expires_at` reads as expired. */
export function checkoutStatus(checkout: FakeCheckout, now = Date.now()): FakeCheckout["status"] {
  if (checkout.status === "unpaid" && checkout.expires_at && Date.parse(checkout.expires_at) <= now) return "expired";
  return checkout.status;
}

/** "Get a checkout". */
export function checkoutJson(store: FakeStore, checkout: FakeCheckout) {
  const payment = checkout.paymentId ? store.payments.get(checkout.paymentId) : undefined;
  return {
    id: checkout.id,
    status: checkoutStatus(checkout),
    payment: payment ? paymentRef(payment) : null,
    payment_method: payment ? cardMethod() : null,
    transfer_setups: [],
    metadata: checkout.metadata,
    expires_at: checkout.expires_at,
    success_url: checkout.success_url,
    cancel_url: checkout.cancel_url,
    created_at: checkout.created_at,
    total_in_cents: String(totalCents(checkout)),
    currency: checkout.items[0]?.currency ?? "GTQ",
  };
}

/** A payment as webhook payloads and checkouts show it: its id and what it paid for. */
export function paymentRef(payment: FakePayment) {
  return {
    id: payment.id,
    paymentable: payment.subscriptionId
      ? {
          type: "Subscription",
          id: payment.subscriptionId,
          tax_name: null,
          tax_id: null,
          address: null,
          phone_number: null,
        }
      : {
          type: "OneTimePayment",
          id: payment.id.replace(/^pa_/, "on_"),
          tax_name: null,
          tax_id: null,
          address: null,
          phone_number: null,
        },
  };
}

export const cardMethod = () => ({ id: "pay_m_fake4242", type: "card", card: { last4: "4242", network: "visa" } });

function splitName(fullName: string) {
  const [first = "", ...rest] = fullName.split(" ");
  return { first_name: first, last_name: rest.join(" ") };
}

/** "Get a subscription". */
export function subscriptionJson(subscription: FakeSubscription) {
  const person = subscription.subscriber;
  return {
    id: subscription.id,
    description: subscription.description,
    status: subscription.status,
    created_at: subscription.created_at,
    updated_at: subscription.updated_at,
    current_period_start: subscription.current_period_start,
    current_period_end: subscription.current_period_end,
    tax_name: null,
    tax_id: null,
    subscriber: {
      id: person.id,
      ...splitName(person.fullName),
      full_name: person.fullName,
      email: person.email,
      phone_number: null,
    },
    checkout: { id: subscription.checkoutId },
    product: { id: subscription.productId },
  };
}

/** "Create a refund" / "Get a refund". The whole payment comes back (Recurrente keeps no fee here). */
export function refundJson(refund: FakeRefund) {
  return {
    id: refund.id,
    status: "succeeded",
    customer: { id: refund.customer.id, email: refund.customer.email, full_name: refund.customer.fullName },
    account_refunded_amount_in_cents: refund.amountCents,
    customer_refunded_amount_in_cents: refund.amountCents,
    currency: refund.currency,
    created_at: refund.created_at,
  };
}

/** "Create a webhook endpoint" / "Get all webhook endpoints" (the secret is added only on create). */
export function endpointJson(endpoint: FakeEndpoint) {
  return {
    description: endpoint.description,
    url: endpoint.url,
    disabled: false,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.createdAt,
    id: endpoint.id,
    metadata: endpoint.metadata ?? {},
  };
}

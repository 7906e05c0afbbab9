/**
 * Recurrente's answers read into our types. Its JSON is loose: amounts come as numbers or strings
 * ("500"), optional objects come as null or are missing, and some keys have two spellings
 * (`suscription` beside `subscription` in setup_intent events). Each reader takes `unknown` and
 * returns a value or null, never throws; the client turns a null into a named error.
 */
import {
  CURRENCIES,
  type Currency,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from "../../../schema/payments-tables";
import type { Checkout, Price, Product, Refund, Subscriber, Subscription, WebhookEndpoint } from "./types";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A string field, or null when missing, empty or not a string. */
export function str(o: unknown, key: string): string | null {
  const v = isObject(o) ? o[key] : undefined;
  return typeof v === "string" && v !== "" ? v : null;
}

/** An object field, or null. */
export const obj = (o: unknown, key: string): Json | null =>
  isObject(o) && isObject(o[key]) ? (o[key] as Json) : null;

/** Cents as Recurrente sends them: an integer, or a string of one ("500"); null otherwise. */
export function cents(o: unknown, key: string): number | null {
  const v = isObject(o) ? o[key] : undefined;
  const n =
    typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
  return Number.isSafeInteger(n) ? n : null;
}

export function currency(o: unknown, key = "currency"): Currency | null {
  const v = str(o, key)?.toUpperCase();
  return (CURRENCIES as readonly string[]).includes(v ?? "") ? (v as Currency) : null;
}

/** A subscription status Recurrente documents, else null. */
export function subscriptionStatus(v: unknown): SubscriptionStatus | null {
  return typeof v === "string" && (SUBSCRIPTION_STATUSES as readonly string[]).includes(v) && v !== "pending"
    ? (v as SubscriptionStatus)
    : null;
}

/** Metadata values as strings (Recurrente keeps what we sent; anything else is dropped). */
export function metadata(o: unknown): Record<string, string> {
  const m = obj(o, "metadata");
  if (!m) return {};
  return Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

export function readCheckout(o: unknown): Checkout | null {
  const id = str(o, "id");
  if (!id) return null;
  const payment = obj(o, "payment");
  const paymentable = obj(payment, "paymentable");
  return {
    id,
    checkoutUrl: str(o, "checkout_url"),
    status: str(o, "status") ?? "unpaid",
    paymentId: str(payment, "id"),
    subscriptionId:
      str(paymentable, "type") === "Subscription" ? str(paymentable, "id") : str(obj(o, "subscription"), "id"),
    totalCents: cents(o, "total_in_cents"),
    currency: currency(o),
    metadata: metadata(o),
    expiresAt: str(o, "expires_at"),
    createdAt: str(o, "created_at"),
  };
}

function readPrice(o: unknown): Price | null {
  const id = str(o, "id");
  const amountCents = cents(o, "amount_in_cents");
  const cur = currency(o);
  if (!id || amountCents === null || !cur) return null;
  const interval = str(o, "billing_interval");
  return {
    id,
    amountCents,
    currency: cur,
    chargeType: str(o, "charge_type") === "recurring" ? "recurring" : "one_time",
    billingInterval: interval === "week" || interval === "month" || interval === "year" ? interval : null,
    billingIntervalCount: cents(o, "billing_interval_count"),
  };
}

export function readProduct(o: unknown): Product | null {
  const id = str(o, "id");
  if (!id) return null;
  const prices = isObject(o) && Array.isArray(o.prices) ? o.prices.map(readPrice).filter((p): p is Price => !!p) : [];
  return { id, name: str(o, "name") ?? "", status: str(o, "status"), prices };
}

function readSubscriber(o: Json | null): Subscriber {
  return {
    id: str(o, "id"),
    email: str(o, "email"),
    name: str(o, "full_name") ?? ([str(o, "first_name"), str(o, "last_name")].filter(Boolean).join(" ") || null),
    phone: str(o, "phone_number"),
  };
}

export function readSubscription(o: unknown): Subscription | null {
  const id = str(o, "id");
  const status = subscriptionStatus(isObject(o) ? o.status : null);
  if (!id || !status) return null;
  return {
    id,
    status,
    description: str(o, "description"),
    periodStart: str(o, "current_period_start"),
    periodEnd: str(o, "current_period_end"),
    createdAt: str(o, "created_at"),
    subscriber: readSubscriber(obj(o, "subscriber")),
    checkoutId: str(obj(o, "checkout"), "id"),
    productId: str(obj(o, "product"), "id"),
  };
}

export function readRefund(o: unknown): Refund | null {
  const id = str(o, "id");
  if (!id) return null;
  const customer = obj(o, "customer");
  return {
    id,
    status: str(o, "status") ?? "",
    amountCents: cents(o, "customer_refunded_amount_in_cents") ?? cents(o, "amount_in_cents") ?? 0,
    currency: currency(o),
    customer: { id: str(customer, "id"), email: str(customer, "email"), name: str(customer, "full_name") },
    createdAt: str(o, "created_at"),
  };
}

export function readWebhookEndpoint(o: unknown): WebhookEndpoint | null {
  const id = str(o, "id");
  if (!id) return null;
  const secret = str(o, "signingSecret") ?? str(o, "signing_secret") ?? str(o, "secret");
  return {
    id,
    url: str(o, "url") ?? "",
    disabled: isObject(o) && o.disabled === true,
    signingSecret: secret?.startsWith("whsec_") ? secret : null,
  };
}

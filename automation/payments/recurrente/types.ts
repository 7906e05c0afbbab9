/**
 * Recurrente's REST API as Rowpilot uses it (https://app.recurrente.com/api, keys in the
 * `X-PUBLIC-KEY` and `X-SECRET-KEY` headers): checkouts with inline items, products and their
 * prices, subscriptions, refunds and webhook endpoints. Amounts are integers in cents; Recurrente
 * sometimes sends them as strings ("500"), which the client reads as numbers.
 */
import type { Currency, SubscriptionStatus } from "../../../schema/payments-tables";
import type { HttpOptions } from "../../http";

export type RecurrenteOptions = HttpOptions & {
  /** `X-PUBLIC-KEY`. */
  publicKey: string;
  /** `X-SECRET-KEY`. */
  secretKey: string;
};

export type ChargeType = "one_time" | "recurring";
export type BillingInterval = "week" | "month" | "year";

/** One line of a checkout, given inline (Recurrente makes the product). */
export type CheckoutItem = {
  name: string;
  description?: string;
  amountCents: number;
  currency: Currency;
  chargeType: ChargeType;
  /** For a recurring item. */
  billingInterval?: BillingInterval;
  billingIntervalCount?: number;
  quantity?: number;
};

export type NewCheckout = {
  items: CheckoutItem[];
  successUrl: string;
  cancelUrl: string;
  /** Up to 50 keys of ≤ 40 characters, values ≤ 500 characters (Recurrente's limits). */
  metadata: Record<string, string>;
  /** ISO 8601; the checkout cannot be paid after it. */
  expiresAt?: string;
};

/** `unpaid`, `paid`, `payment_in_progress`, `expired`… as Recurrente says it. */
export type CheckoutStatus = string;

export type Checkout = {
  id: string;
  /** The hosted page to send the buyer to (only in the answer to a create). */
  checkoutUrl: string | null;
  status: CheckoutStatus;
  /** pa_… once paid. */
  paymentId: string | null;
  /** su_… when the checkout started a subscription and Recurrente says which. */
  subscriptionId: string | null;
  totalCents: number | null;
  currency: Currency | null;
  metadata: Record<string, string>;
  expiresAt: string | null;
  createdAt: string | null;
};

export type Price = {
  id: string;
  amountCents: number;
  currency: Currency;
  chargeType: ChargeType;
  billingInterval: BillingInterval | null;
  billingIntervalCount: number | null;
};

export type Product = { id: string; name: string; status: string | null; prices: Price[] };

export type NewProduct = {
  name: string;
  description?: string;
  prices: Omit<Price, "id">[];
  successUrl?: string;
  cancelUrl?: string;
  metadata?: Record<string, string>;
};

export type Subscriber = { id: string | null; email: string | null; name: string | null; phone: string | null };

export type Subscription = {
  id: string;
  status: SubscriptionStatus;
  description: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  createdAt: string | null;
  subscriber: Subscriber;
  checkoutId: string | null;
  productId: string | null;
};

export type Refund = {
  id: string;
  status: string;
  /** What the customer gets back. */
  amountCents: number;
  currency: Currency | null;
  customer: { id: string | null; email: string | null; name: string | null };
  createdAt: string | null;
};

export type WebhookEndpoint = {
  id: string;
  url: string;
  disabled: boolean;
  /** `whsec_…` when Recurrente returns it (Svix endpoints have one); the API reference does not promise it. */
  signingSecret: string | null;
};

/** Every call Rowpilot makes to Recurrente. */
export interface Recurrente {
  /** `GET /test`: the account's greeting, to check the keys. */
  test(): Promise<string>;
  createCheckout(checkout: NewCheckout): Promise<Checkout>;
  getCheckout(id: string): Promise<Checkout>;
  createProduct(product: NewProduct): Promise<Product>;
  getProduct(id: string): Promise<Product>;
  /** One page (Recurrente's default page size is 10), newest first; an empty page ends the list. */
  listSubscriptions(page: number): Promise<Subscription[]>;
  getSubscription(id: string): Promise<Subscription>;
  /** `DELETE /subscriptions/:id`. */
  cancelSubscription(id: string): Promise<void>;
  createRefund(paymentId: string): Promise<Refund>;
  getRefund(id: string): Promise<Refund>;
  createWebhookEndpoint(endpoint: { url: string; description?: string }): Promise<WebhookEndpoint>;
  listWebhookEndpoints(): Promise<WebhookEndpoint[]>;
  deleteWebhookEndpoint(id: string): Promise<void>;
}

/**
 * How a call failed: a refused key (401/403), a request Recurrente refused (400/422, its error
 * message kept), something that does not exist (404), too many requests (429), its fault (5xx),
 * or no answer at all.
 */
export type PaymentsFailureKind = "auth" | "invalid" | "not_found" | "rate_limited" | "server" | "network";

export class PaymentsError extends Error {
  override readonly name = "PaymentsError";
  readonly provider = "Recurrente";
  constructor(
    readonly kind: PaymentsFailureKind,
    message: string,
    /** The HTTP status, when Recurrente answered. */
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
  /** Worth another try later: rate limits, server errors, lost connections. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "network";
  }
}

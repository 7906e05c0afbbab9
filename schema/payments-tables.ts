/**
 * The "Customers and billing" tables: Plans (what a claim buys), Customers (owners who paid),
 * Subscriptions (their plans at Recurrente), Payments (every charge and refund) and Webhook events
 * (the audit trail of what Recurrente told us). Columns carry stable keys, found by key so people
 * may rename them. Customers' Business and Site links name tables outside this template (the
 * workspace's Businesses and Sites), resolved when the tables are made. Amounts in the tables are
 * in the currency's major unit (49.00), as people read them; the API and Recurrente speak cents.
 */
import type { ColumnType } from "./tables";

export const PAYMENTS_KINDS = {
  plans: "payments.plans",
  customers: "payments.customers",
  subscriptions: "payments.subscriptions",
  payments: "payments.payments",
  webhookEvents: "payments.webhook-events",
} as const;
export type PaymentsTable = keyof typeof PAYMENTS_KINDS;

/** Recurrente charges in these two (its API reference: `currency` is GTQ or USD). */
export const CURRENCIES = ["GTQ", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A customer's standing, from their subscription's. */
export const CUSTOMER_STATUSES = ["active", "past_due", "paused", "cancelled"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/**
 * A subscription's status as Recurrente names them (active, paused, past_due, cancelled,
 * unable_to_start), plus ours before its first event: pending.
 */
export const SUBSCRIPTION_STATUSES = [
  "pending",
  "active",
  "past_due",
  "paused",
  "cancelled",
  "unable_to_start",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const PAYMENT_KINDS = ["setup", "renewal", "refund"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_STATUSES = ["pending", "succeeded", "failed", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * What became of one webhook delivery: being applied (processing); applied to the rows; a duplicate of one seen before;
 * ignored (nothing to change, or an older event than the row's state); stored (an event type we
 * do not act on); flagged (applied, with a mismatch people must look at); failed (an error,
 * Recurrente retries).
 */
export const WEBHOOK_RESULTS = [
  "processing",
  "applied",
  "duplicate",
  "ignored",
  "stored",
  "flagged",
  "failed",
] as const;
export type WebhookResult = (typeof WEBHOOK_RESULTS)[number];

/** What the Subscriptions buttons do, run by the Worker for the row they sit on. */
export const SUBSCRIPTION_OPS = ["pause", "resume", "cancel"] as const;
export type SubscriptionOp = (typeof SUBSCRIPTION_OPS)[number];

const ENABLED_WHEN: Record<SubscriptionOp, string> = {
  pause: `{Status} = "active"`,
  resume: `{Status} = "paused"`,
  cancel: `AND(NOT({Status} = "cancelled"), NOT({Status} = "unable_to_start"))`,
};

export const subscriptionButton = (label: string, op: SubscriptionOp, confirm: string | null = null) => ({
  label,
  action: { name: "payments", params: { op } },
  confirm,
  disabledWhen: `NOT(${ENABLED_WHEN[op]})`,
});

export type PaymentsColumn = {
  key: string;
  name: string;
  type: ColumnType;
  /** A link to a table of this template (made before it). */
  links?: PaymentsTable;
  /** A link to a table outside the template: left out when the workspace has no such table. */
  linksOutside?: "businesses" | "sites";
  options?: Record<string, unknown>;
};

const PLANS: PaymentsColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "description", name: "Description", type: "longText" },
  { key: "setupFee", name: "Setup fee", type: "currency" },
  { key: "monthlyPrice", name: "Monthly price", type: "currency" },
  { key: "currency", name: "Currency", type: "singleSelect" },
  { key: "productId", name: "Recurrente product", type: "text" },
  { key: "priceId", name: "Recurrente price", type: "text" },
  /** The plan a claim page offers: the first active plan in the table's order. */
  { key: "active", name: "Active", type: "checkbox" },
];

const CUSTOMERS: PaymentsColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "email", name: "Email", type: "email" },
  { key: "phone", name: "Phone", type: "phone" },
  { key: "business", name: "Business", type: "link", linksOutside: "businesses" },
  { key: "site", name: "Site", type: "link", linksOutside: "sites" },
  { key: "recurrenteId", name: "Recurrente customer", type: "text" },
  { key: "firstPaid", name: "First paid", type: "datetime" },
  /** Succeeded payments less refunds, summed again from the Payments rows on every change. */
  { key: "lifetimeValue", name: "Lifetime value", type: "currency" },
  { key: "currency", name: "Currency", type: "singleSelect" },
  { key: "status", name: "Status", type: "status" },
];

const SUBSCRIPTIONS: PaymentsColumn[] = [
  { key: "customer", name: "Customer", type: "link", links: "customers" },
  { key: "plan", name: "Plan", type: "link", links: "plans" },
  { key: "site", name: "Site", type: "link", linksOutside: "sites" },
  { key: "recurrenteId", name: "Recurrente subscription", type: "text" },
  { key: "checkoutId", name: "Recurrente checkout", type: "text" },
  { key: "status", name: "Status", type: "status" },
  /**
   * When Recurrente's event that set Status happened: an older event arriving later (webhooks
   * come in any order) never overwrites a newer state.
   */
  { key: "statusAt", name: "Status since", type: "datetime" },
  { key: "periodStart", name: "Current period start", type: "datetime" },
  { key: "periodEnd", name: "Current period end", type: "datetime" },
  { key: "pastDueSince", name: "Past due since", type: "datetime" },
  { key: "cancelledAt", name: "Cancelled at", type: "datetime" },
  /** A change asked for and not yet confirmed by Recurrente: "cancel requested", "pause requested in Recurrente". */
  { key: "requested", name: "Requested", type: "text" },
  { key: "note", name: "Note", type: "longText" },
  { key: "pauseButton", name: "Pause", type: "button", options: subscriptionButton("Pause", "pause") },
  { key: "resumeButton", name: "Resume", type: "button", options: subscriptionButton("Resume", "resume") },
  {
    key: "cancelButton",
    name: "Cancel",
    type: "button",
    options: subscriptionButton(
      "Cancel",
      "cancel",
      "Cancel this subscription at Recurrente? The customer is not charged again; this cannot be undone.",
    ),
  },
];

const PAYMENTS: PaymentsColumn[] = [
  { key: "customer", name: "Customer", type: "link", links: "customers" },
  { key: "subscription", name: "Subscription", type: "link", links: "subscriptions" },
  { key: "recurrenteId", name: "Recurrente payment", type: "text" },
  { key: "checkoutId", name: "Recurrente checkout", type: "text" },
  { key: "kind", name: "Kind", type: "singleSelect" },
  /** Negative for a refund. */
  { key: "amount", name: "Amount", type: "currency" },
  { key: "currency", name: "Currency", type: "singleSelect" },
  { key: "status", name: "Status", type: "status" },
  { key: "failureReason", name: "Failure reason", type: "longText" },
  { key: "paidAt", name: "Paid at", type: "datetime" },
  { key: "invoiceUrl", name: "Invoice", type: "url" },
  /** A refund asked of Recurrente and not yet confirmed by its webhook: "re_… requested", so a second click asks nothing. */
  { key: "refundRequested", name: "Refund requested", type: "text" },
  /** An amount or currency that does not match the plan: recorded as Recurrente said, never trusted silently. */
  { key: "flag", name: "Flag", type: "text" },
];

const WEBHOOK_EVENTS: PaymentsColumn[] = [
  { key: "svixId", name: "Delivery id", type: "text" },
  { key: "type", name: "Type", type: "singleSelect" },
  /** The Recurrente object the event is about: pa_…, su_…, ch_…, re_…. */
  { key: "objectId", name: "Object", type: "text" },
  { key: "received", name: "Received", type: "datetime" },
  { key: "processed", name: "Processed", type: "datetime" },
  { key: "result", name: "Result", type: "status" },
  { key: "error", name: "Error", type: "longText" },
  /** The event's JSON, cut to 4,000 characters. */
  { key: "payload", name: "Payload", type: "longText" },
];

/** In the order they are created: a link names a table made before it. */
export const PAYMENTS_ORDER: readonly PaymentsTable[] = [
  "plans",
  "customers",
  "subscriptions",
  "payments",
  "webhookEvents",
];

export const PAYMENTS_TABLES: Record<PaymentsTable, { name: string; columns: PaymentsColumn[] }> = {
  plans: { name: "Plans", columns: PLANS },
  customers: { name: "Customers", columns: CUSTOMERS },
  subscriptions: { name: "Subscriptions", columns: SUBSCRIPTIONS },
  payments: { name: "Payments", columns: PAYMENTS },
  webhookEvents: { name: "Webhook events", columns: WEBHOOK_EVENTS },
};

/** The plan a new workspace (and the demo) starts with: a setup fee and a monthly price. */
export const DEFAULT_PLAN = {
  name: "Website",
  description: "Your site, hosted and kept up to date, with a custom domain.",
  setupFee: 99,
  monthlyPrice: 29,
  currency: "USD" as Currency,
  active: true,
};

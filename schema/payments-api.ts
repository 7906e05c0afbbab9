/**
 * Claims, customers, subscriptions, payments and the revenue report as the API speaks them: one
 * source for the Worker's validation and the app. Amounts here are integers in cents, as
 * Recurrente's; the tables show major units.
 */
import { z } from "zod";
import {
  CURRENCIES,
  CUSTOMER_STATUSES,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  SUBSCRIPTION_OPS,
  SUBSCRIPTION_STATUSES,
} from "./payments-tables";

/** `POST /api/claims` (public): a business owner claims a published site. */
export const ClaimApiRequest = z.object({
  siteSlug: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, "Please give your name").max(120),
  email: z.email("Please give an email address we can reach you at").max(254),
  phone: z.string().trim().max(40).default(""),
  /** A field people never see: a form that fills it is a bot's, refused. */
  website: z.string().max(500).default(""),
});
export type ClaimApiRequest = z.infer<typeof ClaimApiRequest>;

export const ClaimAnswer = z.object({ claimId: z.string(), checkoutUrl: z.string() });
export type ClaimAnswer = z.infer<typeof ClaimAnswer>;

/**
 * Where a claim stands, as the success page shows it: the checkout is open; paid in the browser
 * but not yet confirmed by Recurrente's webhook; paid (confirmed); failed with Recurrente's
 * reason; expired.
 */
export const CLAIM_STATES = ["open", "confirming", "paid", "failed", "expired"] as const;
export const ClaimState = z.enum(CLAIM_STATES);
export type ClaimState = z.infer<typeof ClaimState>;

export const ClaimStatus = z.object({
  claimId: z.string(),
  state: ClaimState,
  businessName: z.string(),
  failureReason: z.string().nullable(),
});
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const CustomerItem = z.object({
  /** Our Customers row id. */
  id: z.string(),
  recurrenteId: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  status: z.enum(CUSTOMER_STATUSES).nullable(),
  firstPaid: z.string().nullable(),
  lifetimeValueCents: z.number().int(),
  currency: z.enum(CURRENCIES).nullable(),
  businessId: z.string().nullable(),
  siteId: z.string().nullable(),
});
export type CustomerItem = z.infer<typeof CustomerItem>;

export const SubscriptionItem = z.object({
  /** Our Subscriptions row id. */
  id: z.string(),
  /** Recurrente's subscription id (su_…), null until its first event. */
  recurrenteId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerEmail: z.string().nullable(),
  planId: z.string().nullable(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** A change asked for and not yet confirmed by Recurrente. */
  requested: z.string().nullable(),
});
export type SubscriptionItem = z.infer<typeof SubscriptionItem>;

export const PaymentItem = z.object({
  /** Our Payments row id. */
  id: z.string(),
  recurrenteId: z.string(),
  kind: z.enum(PAYMENT_KINDS),
  /** Negative for a refund. */
  amountCents: z.number().int(),
  currency: z.enum(CURRENCIES),
  status: z.enum(PAYMENT_STATUSES),
  customerEmail: z.string().nullable(),
  paidAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  /** Set when the amount or currency did not match the plan. */
  flag: z.string().nullable(),
});
export type PaymentItem = z.infer<typeof PaymentItem>;

export const SubscriptionOp = z.enum(SUBSCRIPTION_OPS);

/** What a Pause, Resume or Cancel did: the row as it now stands and what the person should know. */
export const SubscriptionActionAnswer = z.object({ subscription: SubscriptionItem, message: z.string() });
export type SubscriptionActionAnswer = z.infer<typeof SubscriptionActionAnswer>;

/** `GET /api/billing/report`: the revenue dashboard's figures, in the plan's currency. */
export const BillingReport = z.object({
  currency: z.enum(CURRENCIES),
  /** Monthly recurring revenue: the monthly price of every active or past-due subscription. */
  mrrCents: z.number().int(),
  activeCustomers: z.number().int(),
  pastDueCustomers: z.number().int(),
  /** Subscriptions cancelled in the last 30 days over those active at its start. */
  churn: z.object({ cancelled30d: z.number().int(), rate: z.number() }),
  setupFeesCents: z.number().int(),
  refundsCents: z.number().int(),
  /** Average lifetime value of customers who paid. */
  averageLifetimeValueCents: z.number().int(),
  /** Weeks (Monday, UTC) with the claims paid in each, oldest first, the last 12. */
  claimsPerWeek: z.array(z.object({ week: z.string(), claims: z.number().int() })),
  /** Months with the money collected in each, less refunds, oldest first, the last 12. */
  revenueByMonth: z.array(z.object({ month: z.string(), cents: z.number().int() })),
  /** Pitched (sent pitch messages) → claimed (checkouts opened) → paid. */
  funnel: z.object({ pitched: z.number().int(), claimed: z.number().int(), paid: z.number().int() }),
  /** Payments left out because they are in another currency than the plan's. */
  otherCurrencyPayments: z.number().int(),
});
export type BillingReport = z.infer<typeof BillingReport>;

/** A workspace's billing settings (`PUT /api/billing/settings`, owners). */
export const BillingSettings = z.object({
  /** Days a past-due subscription's site stays up before it is taken offline with a friendly page. */
  graceDays: z.number().int().min(0).max(60).default(7),
});
export type BillingSettings = z.infer<typeof BillingSettings>;
export const DEFAULT_BILLING_SETTINGS: BillingSettings = { graceDays: 7 };

/** `POST /api/billing/webhook-endpoint`: registered at Recurrente, its signing secret stored when it gave one. */
export const WebhookEndpointAnswer = z.object({
  endpointId: z.string(),
  url: z.string(),
  secretStored: z.boolean(),
});
export type WebhookEndpointAnswer = z.infer<typeof WebhookEndpointAnswer>;

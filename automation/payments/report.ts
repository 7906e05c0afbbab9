/**
 * The revenue dashboard's figures (`BillingReport`) from plain rows: the billing tables read by
 * key, the claim ledger and the count of pitches sent. Everything is counted in one currency, the
 * offered plan's; payments in another are counted apart and left out of every sum, because adding
 * quetzales to dollars would be a wrong number that looks right.
 */
import type { BillingReport } from "../../schema/payments-api";
import {
  type Currency,
  type CustomerStatus,
  DEFAULT_PLAN,
  type PaymentKind,
  type PaymentStatus,
  type SubscriptionStatus,
} from "../../schema/payments-tables";

export type ReportPlan = { id: string; monthlyCents: number; currency: Currency | null; active: boolean };
export type ReportCustomer = {
  status: CustomerStatus | null;
  lifetimeValueCents: number;
  currency: Currency | null;
  firstPaid: string | null;
};
export type ReportSubscription = {
  id: string;
  planId: string | null;
  status: SubscriptionStatus;
  /** When it started: its first period's start, else null (then its first payment counts). */
  periodStart: string | null;
  cancelledAt: string | null;
};
export type ReportPayment = {
  subscriptionId: string | null;
  kind: PaymentKind;
  /** Negative for a refund. */
  amountCents: number;
  currency: Currency | null;
  status: PaymentStatus;
  paidAt: string | null;
};
/** A row of the claim ledger: its state, whether its checkout was opened at Recurrente, and the setup fee it asked for. */
export type ReportClaim = { state: string; checkoutOpened: boolean; setupCents: number; currency: string };

export type ReportInput = {
  plans: ReportPlan[];
  customers: ReportCustomer[];
  subscriptions: ReportSubscription[];
  payments: ReportPayment[];
  claims: ReportClaim[];
  /** Pitch messages sent (outgoing Messages rows with a Sent at). */
  pitched: number;
  now: Date;
};

/** Churn is counted over the last 30 days, as Stripe's dashboard and most SaaS reports do. */
export const CHURN_WINDOW_DAYS = 30;
/** Twelve weeks and twelve months: a quarter of weekly bars and a year of monthly ones. */
export const REPORT_WEEKS = 12;
export const REPORT_MONTHS = 12;

const DAY_MS = 86_400_000;
/** Subscriptions that are billed each month: past-due ones still owe, so they count in MRR. */
const BILLED: readonly SubscriptionStatus[] = ["active", "past_due"];
/** Money that came in (a payment refunded later still came in; its refund row takes it back). */
const COLLECTED: readonly PaymentStatus[] = ["succeeded", "refunded"];

/** A refund takes money back whichever sign its row was typed with. */
const signed = (p: ReportPayment) => (p.kind === "refund" ? -Math.abs(p.amountCents) : p.amountCents);

const time = (iso: string | null): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** The Monday (UTC) of the week holding `t`, as YYYY-MM-DD. */
export function mondayOf(t: number): string {
  const day = new Date(t);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday))
    .toISOString()
    .slice(0, 10);
}

const monthOf = (t: number) => new Date(t).toISOString().slice(0, 7);

function lastWeeks(now: Date): string[] {
  const thisMonday = Date.parse(mondayOf(now.getTime()));
  return Array.from({ length: REPORT_WEEKS }, (_, i) => mondayOf(thisMonday - (REPORT_WEEKS - 1 - i) * 7 * DAY_MS));
}

function lastMonths(now: Date): string[] {
  return Array.from({ length: REPORT_MONTHS }, (_, i) =>
    monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (REPORT_MONTHS - 1 - i), 1)),
  );
}

/** The plan the report counts in: the first active one, else the first, else the default plan. */
function offeredPlan(plans: ReportPlan[]): { monthlyCents: number; currency: Currency } {
  const plan = plans.find((p) => p.active && p.currency) ?? plans.find((p) => p.currency);
  return plan?.currency
    ? { monthlyCents: plan.monthlyCents, currency: plan.currency }
    : { monthlyCents: Math.round(DEFAULT_PLAN.monthlyPrice * 100), currency: DEFAULT_PLAN.currency };
}

function churn(input: ReportInput): BillingReport["churn"] {
  const end = input.now.getTime();
  const start = end - CHURN_WINDOW_DAYS * DAY_MS;
  const firstPaid = new Map<string, number>();
  for (const p of input.payments) {
    const at = time(p.paidAt);
    if (!p.subscriptionId || at === null || !COLLECTED.includes(p.status) || p.kind === "refund") continue;
    firstPaid.set(p.subscriptionId, Math.min(at, firstPaid.get(p.subscriptionId) ?? at));
  }
  let cancelled30d = 0;
  let activeAtStart = 0;
  for (const s of input.subscriptions) {
    const began = time(s.periodStart) ?? firstPaid.get(s.id) ?? null;
    const ended = s.status === "cancelled" ? (time(s.cancelledAt) ?? end) : null;
    if (ended !== null && ended > start && ended <= end) cancelled30d++;
    if (began !== null && began <= start && (ended === null || ended > start)) activeAtStart++;
  }
  const rate = activeAtStart ? Math.round((cancelled30d / activeAtStart) * 10_000) / 10_000 : 0;
  return { cancelled30d, rate };
}

/**
 * The report at `input.now`.
 * @example billingReport({ plans, customers, subscriptions, payments, claims, pitched: 40, now: new Date() }).mrrCents
 */
export function billingReport(input: ReportInput): BillingReport {
  const offered = offeredPlan(input.plans);
  const { currency } = offered;
  const plans = new Map(input.plans.map((p) => [p.id, p]));

  let mrrCents = 0;
  for (const s of input.subscriptions) {
    if (!BILLED.includes(s.status)) continue;
    const plan = (s.planId && plans.get(s.planId)) || null;
    if (plan?.currency && plan.currency !== currency) continue;
    mrrCents += plan ? plan.monthlyCents : offered.monthlyCents;
  }

  const inCurrency = input.payments.filter((p) => p.currency === currency);
  const otherCurrencyPayments = input.payments.length - inCurrency.length;
  const collected = inCurrency.filter((p) => COLLECTED.includes(p.status));
  const sum = (payments: ReportPayment[]) => payments.reduce((total, p) => total + signed(p), 0);

  const paidCustomers = input.customers.filter(
    (c) => c.currency === currency && (c.firstPaid !== null || c.lifetimeValueCents !== 0),
  );
  const averageLifetimeValueCents = paidCustomers.length
    ? Math.round(paidCustomers.reduce((total, c) => total + c.lifetimeValueCents, 0) / paidCustomers.length)
    : 0;

  // A claim is paid when its setup fee is: one setup payment per claim, dated by Recurrente.
  const weeks = new Map(lastWeeks(input.now).map((week) => [week, 0]));
  for (const p of input.payments) {
    const at = time(p.paidAt);
    if (p.kind !== "setup" || !COLLECTED.includes(p.status) || at === null) continue;
    const week = mondayOf(at);
    if (weeks.has(week)) weeks.set(week, weeks.get(week)! + 1);
  }
  const months = new Map(lastMonths(input.now).map((month) => [month, 0]));
  for (const p of collected) {
    const at = time(p.paidAt);
    const month = at === null ? null : monthOf(at);
    if (month && months.has(month)) months.set(month, months.get(month)! + signed(p));
  }

  return {
    currency,
    mrrCents,
    activeCustomers: input.customers.filter((c) => c.status === "active").length,
    pastDueCustomers: input.customers.filter((c) => c.status === "past_due").length,
    churn: churn(input),
    // A claim's first payment is its setup fee and its first month together: the fees are the claims'.
    setupFeesCents: input.claims
      .filter((c) => c.state === "paid" && c.currency === currency)
      .reduce((total, c) => total + c.setupCents, 0),
    refundsCents: -sum(collected.filter((p) => p.kind === "refund")),
    averageLifetimeValueCents,
    claimsPerWeek: [...weeks].map(([week, claims]) => ({ week, claims })),
    revenueByMonth: [...months].map(([month, cents]) => ({ month, cents })),
    funnel: {
      pitched: input.pitched,
      claimed: input.claims.filter((c) => c.checkoutOpened).length,
      paid: input.claims.filter((c) => c.state === "paid").length,
    },
    otherCurrencyPayments,
  };
}

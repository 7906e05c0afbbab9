/**
 * The revenue report's rows: the billing tables read by key, the workspace's claim ledger in D1
 * and its pitches sent (the Messages table, when messaging is used), handed to the pure
 * `billingReport`. A workspace that never used billing gets the zero report.
 */
import { eq } from "drizzle-orm";
import {
  billingReport,
  type ReportClaim,
  type ReportInput,
  type ReportPayment,
} from "../../automation/payments/report";
import { paymentClaim } from "../../schema/db";
import { MESSAGING_KINDS } from "../../schema/messaging-tables";
import type { BillingReport } from "../../schema/payments-api";
import {
  CURRENCIES,
  CUSTOMER_STATUSES,
  type Currency,
  type CustomerStatus,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  type PaymentKind,
  type PaymentStatus,
} from "../../schema/payments-tables";
import type { Db } from "../db";
import { idOfKind, reader, tableHandle } from "../kinds/tables";
import { allRows } from "../projects/store";
import { rowStatus } from "./subscription-rows";
import { type Billing, findBilling } from "./tables";

/** Major units as typed in a currency cell (49.99) to cents, rounded so 0.1 + 0.2 sums stay exact. */
export const toCents = (major: number | null) => (major === null ? 0 : Math.round(major * 100));

const oneOf = <T extends string>(values: readonly T[], v: string): T | null =>
  (values as readonly string[]).includes(v) ? (v as T) : null;

export const currencyOf = (v: string): Currency | null => oneOf(CURRENCIES, v.toUpperCase());
export const paymentKindOf = (v: string): PaymentKind => oneOf(PAYMENT_KINDS, v) ?? "renewal";
export const paymentStatusOf = (v: string): PaymentStatus => oneOf(PAYMENT_STATUSES, v) ?? "pending";
export const customerStatusOf = (v: string): CustomerStatus | null => oneOf(CUSTOMER_STATUSES, v);

const orNull = (v: string) => (v === "" ? null : v);

async function tableRows(billing: Billing): Promise<Omit<ReportInput, "claims" | "pitched" | "now">> {
  const [plans, customers, subscriptions, payments] = await Promise.all([
    allRows(billing.plans, []),
    allRows(billing.customers, []),
    allRows(billing.subscriptions, []),
    allRows(billing.payments, []),
  ]);
  return {
    plans: plans.map((row) => {
      const r = reader(billing.plans, row.cells);
      return {
        id: row.id,
        monthlyCents: toCents(r.number("monthlyPrice")),
        currency: currencyOf(r.text("currency")),
        active: r.get("active") === true,
      };
    }),
    customers: customers.map((row) => {
      const r = reader(billing.customers, row.cells);
      return {
        status: customerStatusOf(r.text("status")),
        lifetimeValueCents: toCents(r.number("lifetimeValue")),
        currency: currencyOf(r.text("currency")),
        firstPaid: orNull(r.text("firstPaid")),
      };
    }),
    subscriptions: subscriptions.map((row) => {
      const r = reader(billing.subscriptions, row.cells);
      return {
        id: row.id,
        planId: r.list("plan")[0] ?? null,
        status: rowStatus(billing, row),
        periodStart: orNull(r.text("periodStart")),
        cancelledAt: orNull(r.text("cancelledAt")),
      };
    }),
    payments: payments.map((row): ReportPayment => {
      const r = reader(billing.payments, row.cells);
      return {
        subscriptionId: r.list("subscription")[0] ?? null,
        kind: paymentKindOf(r.text("kind")),
        amountCents: toCents(r.number("amount")),
        currency: currencyOf(r.text("currency")),
        status: paymentStatusOf(r.text("status")),
        paidAt: orNull(r.text("paidAt")),
      };
    }),
  };
}

async function claimsOf(db: Db, workspaceId: string): Promise<ReportClaim[]> {
  const rows = await db
    .select({
      state: paymentClaim.state,
      checkoutId: paymentClaim.checkoutId,
      setupCents: paymentClaim.setupCents,
      currency: paymentClaim.currency,
    })
    .from(paymentClaim)
    .where(eq(paymentClaim.workspaceId, workspaceId));
  return rows.map((c) => ({
    state: c.state,
    checkoutOpened: c.checkoutId !== null,
    setupCents: c.setupCents,
    currency: c.currency,
  }));
}

/** Outgoing messages that were sent (they have a Sent at), replies left out. */
async function pitchesSent(env: Env, db: Db, workspaceId: string): Promise<number> {
  const id = await idOfKind(db, workspaceId, MESSAGING_KINDS.messages);
  if (!id) return 0;
  const messages = await tableHandle(env, id);
  const sentAt = messages.keys.sentAt;
  if (!sentAt) return 0;
  const sent = await allRows(messages, [{ columnId: sentAt, op: "notempty", value: "" }]);
  return sent.filter((row) => reader(messages, row.cells).text("direction") !== "in").length;
}

/** The workspace's revenue report at `now`. */
export async function readBillingReport(
  env: Env,
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<BillingReport> {
  const billing = await findBilling(env, db, workspaceId);
  const [rows, claims, pitched] = await Promise.all([
    billing ? tableRows(billing) : { plans: [], customers: [], subscriptions: [], payments: [] },
    claimsOf(db, workspaceId),
    pitchesSent(env, db, workspaceId),
  ]);
  return billingReport({ ...rows, claims, pitched, now });
}

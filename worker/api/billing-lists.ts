/**
 * The billing tables over HTTP, the workspace chosen as for `/api/tables`: `GET /api/customers`,
 * `GET /api/subscriptions` with `POST /api/subscriptions/:id/cancel|pause|resume|refresh`
 * (editors), `GET /api/payments` with `POST /api/payments/:id/refund` (owners). Ids are our row
 * ids, `recurrenteId` Recurrente's; amounts are cents. A workspace that never used billing
 * answers empty lists.
 */
import { Hono } from "hono";
import type { Recurrente } from "../../automation/payments/recurrente/types";
import type { CustomerItem, PaymentItem } from "../../schema/payments-api";
import { DEFAULT_PLAN, SUBSCRIPTION_OPS, type SubscriptionOp } from "../../schema/payments-tables";
import type { RowRecord } from "../../schema/tables";
import { byKey, reader } from "../kinds/tables";
import { requireRecurrente } from "../payments/recurrente";
import { currencyOf, customerStatusOf, paymentKindOf, paymentStatusOf, toCents } from "../payments/report-data";
import { customerEmails, subscriptionItem } from "../payments/subscription-rows";
import {
  fromPaymentsError,
  refreshSubscription,
  runSubscriptionOp,
  SubscriptionOpError,
} from "../payments/subscriptions";
import { type Billing, findBilling } from "../payments/tables";
import { allRows } from "../projects/store";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { workspaceFor } from "./tables";

const orNull = (v: string) => (v === "" ? null : v);

/** An operation's refusal as the API answers it. */
async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SubscriptionOpError) fail(error.status, error.message);
    throw error;
  }
}

function customerItem(billing: Billing, row: RowRecord): CustomerItem {
  const r = reader(billing.customers, row.cells);
  return {
    id: row.id,
    recurrenteId: orNull(r.text("recurrenteId")),
    name: r.text("name"),
    email: r.text("email"),
    phone: r.text("phone"),
    status: customerStatusOf(r.text("status")),
    firstPaid: orNull(r.text("firstPaid")),
    lifetimeValueCents: toCents(r.number("lifetimeValue")),
    currency: currencyOf(r.text("currency")),
    businessId: r.list("business")[0] ?? null,
    siteId: r.list("site")[0] ?? null,
  };
}

function paymentItem(billing: Billing, row: RowRecord, emails: Map<string, string>): PaymentItem {
  const r = reader(billing.payments, row.cells);
  const customerId = r.list("customer")[0];
  return {
    id: row.id,
    recurrenteId: r.text("recurrenteId"),
    kind: paymentKindOf(r.text("kind")),
    amountCents: toCents(r.number("amount")),
    currency: currencyOf(r.text("currency")) ?? DEFAULT_PLAN.currency,
    status: paymentStatusOf(r.text("status")),
    customerEmail: (customerId && orNull(emails.get(customerId) ?? "")) || null,
    paidAt: orNull(r.text("paidAt")),
    failureReason: orNull(r.text("failureReason")),
    flag: orNull(r.text("flag")),
  };
}

/** Newest first; payments not paid yet (no Paid at) after those that were. */
const newestFirst = (a: PaymentItem, b: PaymentItem) => (b.paidAt ?? "").localeCompare(a.paidAt ?? "");

/** At most this many payments in one answer: a dashboard asks for 10, an export for them all. */
const MAX_PAYMENTS = 5_000;

export const customerRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  const billing = await findBilling(c.env, c.get("db"), access.workspace.id);
  if (!billing) return c.json({ customers: [] });
  const rows = await allRows(billing.customers, []);
  return c.json({ customers: rows.map((row) => customerItem(billing, row)) });
});

export const subscriptionRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    const billing = await findBilling(c.env, c.get("db"), access.workspace.id);
    if (!billing) return c.json({ subscriptions: [] });
    const rows = await allRows(billing.subscriptions, []);
    const customers = rows.flatMap((row) => reader(billing.subscriptions, row.cells).list("customer"));
    const emails = await customerEmails(billing, customers);
    return c.json({ subscriptions: rows.map((row) => subscriptionItem(billing, row, emails)) });
  })
  .post("/:id/:op", async (c) => {
    const op = c.req.param("op");
    if (op !== "refresh" && !(SUBSCRIPTION_OPS as readonly string[]).includes(op))
      fail(404, "No such subscription operation: use cancel, pause, resume or refresh");
    const access = await workspaceFor(c, "write");
    const db = c.get("db");
    const billing = await findBilling(c.env, db, access.workspace.id);
    if (!billing) fail(404, "No such subscription: this workspace has no billing tables yet");
    const id = c.req.param("id");
    const result = await answered(() =>
      op === "refresh"
        ? refreshSubscription(c.env, db, billing, id)
        : runSubscriptionOp(c.env, db, billing, id, op as SubscriptionOp),
    );
    if (op !== "refresh") await audit(db, access, `billing.subscription_${op}`, id, { message: result.message });
    return c.json(result);
  });

export const paymentRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const limit = Number(c.req.query("limit") ?? MAX_PAYMENTS);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAYMENTS)
      fail(400, `limit: give a whole number from 1 to ${MAX_PAYMENTS}`);
    const access = await workspaceFor(c, "read");
    const billing = await findBilling(c.env, c.get("db"), access.workspace.id);
    if (!billing) return c.json({ payments: [] });
    const rows = await allRows(billing.payments, []);
    const customers = rows.flatMap((row) => reader(billing.payments, row.cells).list("customer"));
    const emails = await customerEmails(billing, customers);
    const items = rows.map((row) => paymentItem(billing, row, emails)).sort(newestFirst);
    return c.json({ payments: items.slice(0, limit) });
  })
  .post("/:id/refund", async (c) => {
    const access = await workspaceFor(c, "manage");
    const db = c.get("db");
    const billing = await findBilling(c.env, db, access.workspace.id);
    if (!billing) fail(404, "No such payment: this workspace has no billing tables yet");
    const [row] = await billing.payments.room.readRows([c.req.param("id")]);
    if (!row) fail(404, "No such payment in this workspace's Payments table");
    const payment = paymentItem(billing, row, new Map());
    if (payment.kind === "refund") fail(409, "This row is a refund; refund the payment it took back instead");
    if (payment.status !== "succeeded")
      fail(409, `Only a succeeded payment can be refunded; this one is ${payment.status}`);
    if (!payment.recurrenteId) fail(409, "This payment has no Recurrente payment id to refund");
    // Marked before Recurrente is asked, in one step in the room: a double click asks once.
    const marker = billing.payments.keys.refundRequested;
    const mark = (value: string | null, anyOf: (string | null)[]) =>
      billing.payments.room.claimRowsById({
        rowIds: [row.id],
        columnId: marker ?? "",
        anyOf,
        set: byKey(billing.payments, { refundRequested: value }),
        origin: { kind: "automation", job: "billing" },
      });
    const asking = `asking Recurrente (${new Date().toISOString()})`;
    if (marker && (await mark(asking, [null, ""])).length === 0)
      fail(
        409,
        "A refund of this payment was already requested: the Payments table shows it when Recurrente confirms it",
      );
    let refund: Awaited<ReturnType<Recurrente["createRefund"]>>;
    try {
      refund = await answered(async () => {
        const recurrente = await requireRecurrente(c.env, db, access.workspace.id).catch(fromPaymentsError);
        return recurrente.createRefund(payment.recurrenteId).catch(fromPaymentsError);
      });
    } catch (error) {
      // Nothing was refunded: the payment may be refunded again.
      if (marker) await mark(null, [asking]);
      throw error;
    }
    if (marker) await mark(`${refund.id} requested`, [asking]);
    await audit(db, access, "billing.refund_requested", row.id, { refund: refund.id });
    return c.json(
      {
        refund: { id: refund.id, status: refund.status, amountCents: refund.amountCents, currency: refund.currency },
        message: "Refund requested at Recurrente: the Payments table shows it when Recurrente confirms it",
      },
      202,
    );
  });

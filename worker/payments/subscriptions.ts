/**
 * Pause, Resume and Cancel of a subscription, and Refresh, the same from the grid's buttons and
 * from `POST /api/subscriptions/:id/<op>`.
 *
 * Cancel goes to Recurrente (`DELETE /subscriptions/:id`); the row says "cancel requested" until
 * Recurrente confirms, which is usually at once: the subscription is read back right away and a
 * cancelled status applied. Recurrente's API has no verb to pause or resume a subscription (its
 * reference lists only get, list and cancel), so those record the request and point to its
 * dashboard; the row changes when Recurrente says so (its webhook, Refresh or the nightly
 * reconcile). Anything Recurrente refuses changes nothing and is answered with its words.
 */
import { PaymentsError } from "../../automation/payments/recurrente/types";
import type { SubscriptionActionAnswer } from "../../schema/payments-api";
import type { SubscriptionOp, SubscriptionStatus } from "../../schema/payments-tables";
import type { RowRecord } from "../../schema/tables";
import type { Db } from "../db";
import { byKey, reader } from "../kinds/tables";
import { PaymentsNotSetUpError, requireRecurrente } from "./recurrente";
import { applyReadBack, billingOrigin, customerEmails, rowStatus, subscriptionItem } from "./subscription-rows";
import type { Billing } from "./tables";

/** Where a person pauses or resumes a subscription, since the API cannot. */
export const RECURRENTE_DASHBOARD = "https://app.recurrente.com";

export type SubscriptionErrorStatus = 400 | 404 | 409 | 422 | 429 | 502;

/** An operation refused, with the HTTP status the API answers and a message people can act on. */
export class SubscriptionOpError extends Error {
  override readonly name = "SubscriptionOpError";
  constructor(
    readonly status: SubscriptionErrorStatus,
    message: string,
    /** Worth another try later (Recurrente was busy or down). */
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** A Recurrente failure as an answer: its own words, a 4xx for what we sent, 502 for its side. */
export function fromPaymentsError(error: unknown): never {
  if (error instanceof PaymentsNotSetUpError) throw new SubscriptionOpError(400, error.message);
  if (!(error instanceof PaymentsError)) throw error;
  const status: Record<PaymentsError["kind"], SubscriptionErrorStatus> = {
    auth: 502,
    invalid: 422,
    not_found: 404,
    rate_limited: 429,
    server: 502,
    network: 502,
  };
  throw new SubscriptionOpError(status[error.kind], error.message, error.retryable);
}

/** What state each op starts from, and what people are told when the row is not in it. */
const FROM: Record<Exclude<SubscriptionOp, "cancel">, SubscriptionStatus> = { pause: "active", resume: "paused" };

async function subscriptionRow(billing: Billing, rowId: string): Promise<RowRecord> {
  const [row] = await billing.subscriptions.room.readRows([rowId]);
  if (!row) throw new SubscriptionOpError(404, "No such subscription in this workspace's Subscriptions table");
  return row;
}

function recurrenteIdOf(billing: Billing, row: RowRecord, op: string): string {
  const id = reader(billing.subscriptions, row.cells).text("recurrenteId");
  if (!id)
    throw new SubscriptionOpError(
      409,
      `Cannot ${op}: this subscription has no Recurrente subscription yet (it starts with the first payment)`,
    );
  return id;
}

async function answer(billing: Billing, row: RowRecord, message: string): Promise<SubscriptionActionAnswer> {
  const customerId = reader(billing.subscriptions, row.cells).list("customer");
  return { subscription: subscriptionItem(billing, row, await customerEmails(billing, customerId)), message };
}

async function note(billing: Billing, row: RowRecord, requested: string): Promise<RowRecord> {
  const written = await billing.subscriptions.room.patchRow(
    row.id,
    byKey(billing.subscriptions, { requested }),
    billingOrigin,
  );
  if (!written.ok) throw new SubscriptionOpError(409, `The row could not be written: ${written.message}`);
  return written.value;
}

async function cancel(env: Env, db: Db, billing: Billing, row: RowRecord, now: Date) {
  const status = rowStatus(billing, row);
  if (status === "cancelled" || status === "unable_to_start")
    throw new SubscriptionOpError(409, `This subscription is already ${status.replaceAll("_", " ")}`);
  const id = recurrenteIdOf(billing, row, "cancel");
  const recurrente = await requireRecurrente(env, db, billing.workspaceId).catch(fromPaymentsError);
  await recurrente.cancelSubscription(id).catch(fromPaymentsError);
  const requested = await note(billing, row, "cancel requested");
  // Recurrente usually cancels at once; a failed read-back only leaves the webhook to confirm it.
  const readBack = await recurrente.getSubscription(id).catch(() => null);
  if (readBack?.status === "cancelled") {
    const cancelled = await applyReadBack(billing, requested, readBack, now);
    return answer(billing, cancelled, "Cancelled at Recurrente: the customer will not be charged again");
  }
  return answer(
    billing,
    requested,
    "Cancel requested at Recurrente: the subscription will show cancelled when Recurrente confirms it",
  );
}

function askInDashboard(billing: Billing, row: RowRecord, op: "pause" | "resume") {
  const status = rowStatus(billing, row);
  if (status !== FROM[op])
    throw new SubscriptionOpError(
      409,
      `Only ${op === "pause" ? "an active" : "a paused"} subscription can be ${op}d; this one is ${status.replaceAll("_", " ")}`,
    );
  recurrenteIdOf(billing, row, op);
  const verb = op === "pause" ? "Pause" : "Resume";
  return {
    requested: `${op} requested — ${op} it in Recurrente's dashboard`,
    message:
      `${verb} requested. Recurrente's API cannot ${op} a subscription: ${op} it in Recurrente's dashboard ` +
      `(${RECURRENTE_DASHBOARD}). This row shows ${op === "pause" ? "paused" : "active"} when Recurrente says so.`,
  };
}

/**
 * Runs Pause, Resume or Cancel on the Subscriptions row `rowId`.
 * @throws SubscriptionOpError with the status to answer
 */
export async function runSubscriptionOp(
  env: Env,
  db: Db,
  billing: Billing,
  rowId: string,
  op: SubscriptionOp,
  now = new Date(),
): Promise<SubscriptionActionAnswer> {
  const row = await subscriptionRow(billing, rowId);
  if (op === "cancel") return cancel(env, db, billing, row, now);
  const { requested, message } = askInDashboard(billing, row, op);
  return answer(billing, await note(billing, row, requested), message);
}

/** Reads the subscription back from Recurrente and applies its status to the row. */
export async function refreshSubscription(
  env: Env,
  db: Db,
  billing: Billing,
  rowId: string,
  now = new Date(),
): Promise<SubscriptionActionAnswer> {
  const row = await subscriptionRow(billing, rowId);
  const id = recurrenteIdOf(billing, row, "refresh");
  const recurrente = await requireRecurrente(env, db, billing.workspaceId).catch(fromPaymentsError);
  const sub = await recurrente.getSubscription(id).catch(fromPaymentsError);
  const before = rowStatus(billing, row);
  const updated = await applyReadBack(billing, row, sub, now);
  const status = sub.status.replaceAll("_", " ");
  return answer(
    billing,
    updated,
    before === sub.status
      ? `Recurrente says ${status}, as the row did`
      : `Recurrente says ${status}: the row now does too`,
  );
}

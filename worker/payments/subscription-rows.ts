/**
 * Subscriptions rows read as the API speaks them, and Recurrente's word on a subscription written
 * into its row: status, period, past-due and cancel dates, and the Requested note cleared once
 * Recurrente has done what was asked. Recurrente is the truth; what we asked for is only a note.
 */
import type { Subscription } from "../../automation/payments/recurrente/types";
import type { SubscriptionItem } from "../../schema/payments-api";
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from "../../schema/payments-tables";
import type { CellValue, RowRecord } from "../../schema/tables";
import { byKey, reader } from "../kinds/tables";
import { refreshCustomer } from "./apply-rows";
import type { Billing } from "./tables";

export const billingOrigin = { kind: "automation" as const, job: "billing" };

const orNull = (v: string) => (v === "" ? null : v);

/** The row's status, "pending" when the cell is empty or holds something Recurrente never says. */
export function rowStatus(billing: Billing, row: RowRecord): SubscriptionStatus {
  const v = reader(billing.subscriptions, row.cells).text("status");
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(v) ? (v as SubscriptionStatus) : "pending";
}

/** Customer row id → email, for items that name their customer. */
export async function customerEmails(billing: Billing, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await billing.customers.room.readRows([...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, reader(billing.customers, r.cells).text("email")]));
}

export function subscriptionItem(billing: Billing, row: RowRecord, emails: Map<string, string>): SubscriptionItem {
  const r = reader(billing.subscriptions, row.cells);
  const customerId = r.list("customer")[0] ?? null;
  return {
    id: row.id,
    recurrenteId: orNull(r.text("recurrenteId")),
    customerId,
    customerEmail: (customerId && orNull(emails.get(customerId) ?? "")) || null,
    planId: r.list("plan")[0] ?? null,
    status: rowStatus(billing, row),
    periodStart: orNull(r.text("periodStart")),
    periodEnd: orNull(r.text("periodEnd")),
    cancelledAt: orNull(r.text("cancelledAt")),
    requested: orNull(r.text("requested")),
  };
}

/** The request a status answers: cancelled answers a cancel, paused a pause, active a resume. */
const ANSWERS: Partial<Record<SubscriptionStatus, string>> = {
  cancelled: "cancel",
  paused: "pause",
  active: "resume",
};

/** The cells that make the row say what Recurrente says, learned at `now`. */
export function readBackCells(
  billing: Billing,
  row: RowRecord,
  sub: Subscription,
  now: Date,
): Record<string, CellValue> {
  const r = reader(billing.subscriptions, row.cells);
  const at = now.toISOString();
  const requested = r.text("requested");
  const answered = ANSWERS[sub.status];
  const cells: Record<string, CellValue> = {
    status: sub.status,
    // An answer without a period keeps the one the row has.
    ...(sub.periodStart ? { periodStart: sub.periodStart } : {}),
    ...(sub.periodEnd ? { periodEnd: sub.periodEnd } : {}),
    pastDueSince: sub.status === "past_due" ? (orNull(r.text("pastDueSince")) ?? at) : null,
  };
  if (rowStatus(billing, row) !== sub.status) cells.statusAt = at;
  if (!r.text("recurrenteId")) cells.recurrenteId = sub.id;
  if (sub.status === "cancelled" && !r.text("cancelledAt")) cells.cancelledAt = at;
  if (requested && (sub.status === "cancelled" || (answered && requested.startsWith(answered)))) cells.requested = null;
  return cells;
}

/** Writes Recurrente's state into the row (and the customer's standing); answers the row as it now is. */
export async function applyReadBack(billing: Billing, row: RowRecord, sub: Subscription, now: Date) {
  const written = await billing.subscriptions.room.patchRow(
    row.id,
    byKey(billing.subscriptions, readBackCells(billing, row, sub, now)),
    billingOrigin,
  );
  if (!written.ok) throw new Error(`The Subscriptions row ${row.id} could not be written: ${written.message}`);
  // The customer's standing from all their subscriptions, as the webhooks keep it.
  const customerId = reader(billing.subscriptions, row.cells).list("customer")[0];
  if (customerId) await refreshCustomer(billing, customerId);
  return written.value;
}

/**
 * The nightly reconcile: each workspace's Subscriptions rows compared with Recurrente's own list
 * (`GET /subscriptions`, page by page until an empty page). Recurrente is the truth: a status that
 * differs is set to Recurrente's; a subscription Recurrente has and we do not, or one of ours it
 * does not list, is reported for people to look at, not guessed at. Each run leaves one Webhook
 * events row (type "reconcile") with the drift, and an audit entry when there was any.
 */
import { eq } from "drizzle-orm";
import type { Recurrente, Subscription } from "../../automation/payments/recurrente/types";
import { auditLog, dataTable } from "../../schema/db";
import { PAYMENTS_KINDS } from "../../schema/payments-tables";
import type { RowRecord } from "../../schema/tables";
import { newId } from "../auth/tokens";
import type { Db } from "../db";
import { byKey, reader } from "../kinds/tables";
import { allRows } from "../projects/store";
import { recurrenteOf } from "./recurrente";
import { applyReadBack, billingOrigin, rowStatus } from "./subscription-rows";
import { type Billing, findBilling } from "./tables";

/**
 * At most this many pages of 10 (Recurrente's page size) in one run: 5,000 subscriptions, far
 * past any agency's book, while a list that never ends (a bug on either side) cannot loop forever.
 */
export const MAX_RECONCILE_PAGES = 500;

/** The Webhook events row's Payload is cut here, as the webhook piece cuts event bodies. */
const PAYLOAD_LIMIT = 4_000;

export type ReconcileReport = {
  /** Rows whose status was set to Recurrente's: `su_…: past_due → active`. */
  applied: string[];
  /** Subscriptions at Recurrente with no row here. */
  unknown: string[];
  /** Rows whose subscription Recurrente did not list. */
  missing: string[];
  /** Pages read; the list was cut at MAX_RECONCILE_PAGES when `complete` is false. */
  pages: number;
  complete: boolean;
};

async function theirSubscriptions(
  recurrente: Recurrente,
): Promise<{ list: Subscription[]; pages: number; complete: boolean }> {
  const list: Subscription[] = [];
  for (let page = 1; page <= MAX_RECONCILE_PAGES; page++) {
    const found = await recurrente.listSubscriptions(page);
    if (found.length === 0) return { list, pages: page, complete: true };
    list.push(...found);
  }
  return { list, pages: MAX_RECONCILE_PAGES, complete: false };
}

function describe(sub: Subscription): string {
  const who = sub.subscriber.email ? ` (${sub.subscriber.email})` : "";
  return `${sub.id}${who}, ${sub.status}`;
}

/** Compares one workspace's rows with Recurrente's list and applies Recurrente's statuses. */
export async function reconcileBilling(billing: Billing, recurrente: Recurrente, now: Date): Promise<ReconcileReport> {
  const theirs = await theirSubscriptions(recurrente);
  const rows = await allRows(billing.subscriptions, []);
  const ours = new Map<string, RowRecord>();
  for (const row of rows) {
    const id = reader(billing.subscriptions, row.cells).text("recurrenteId");
    if (id) ours.set(id, row);
  }
  const report: ReconcileReport = {
    applied: [],
    unknown: [],
    missing: [],
    pages: theirs.pages,
    complete: theirs.complete,
  };
  const seen = new Set<string>();
  for (const sub of theirs.list) {
    seen.add(sub.id);
    const row = ours.get(sub.id);
    if (!row) {
      report.unknown.push(describe(sub));
      continue;
    }
    const was = rowStatus(billing, row);
    if (was === sub.status) continue;
    await applyReadBack(billing, row, sub, now);
    report.applied.push(`${sub.id}: ${was} → ${sub.status}`);
  }
  // Only a whole list can say a subscription is missing from it.
  if (theirs.complete) for (const id of ours.keys()) if (!seen.has(id)) report.missing.push(id);
  return report;
}

const hasDrift = (r: ReconcileReport) => r.applied.length + r.unknown.length + r.missing.length > 0;

/** The run's lines for people: what was fixed, what only Recurrente has, what only we have. */
export function driftText(r: ReconcileReport): string {
  const lines = [
    ...r.applied.map((line) => `status set to Recurrente's: ${line}`),
    ...r.unknown.map((line) => `at Recurrente only: ${line}`),
    ...r.missing.map((id) => `not listed by Recurrente: ${id}`),
  ];
  if (!r.complete) lines.push(`list cut after ${r.pages} pages: rows not compared for missing ones`);
  return lines.join("\n");
}

async function record(db: Db, billing: Billing, report: ReconcileReport, now: Date, error: string | null) {
  const at = now.toISOString();
  const drift = hasDrift(report);
  const cells = {
    svixId: `reconcile-${at}`,
    type: "reconcile",
    received: at,
    processed: at,
    result: error ? "failed" : drift ? "applied" : "ignored",
    error: error ?? (driftText(report) || null),
    payload: JSON.stringify(report).slice(0, PAYLOAD_LIMIT),
  };
  await billing.webhookEvents.room.insertRow(byKey(billing.webhookEvents, cells), billingOrigin);
  if (drift || error)
    await db.insert(auditLog).values({
      id: newId(),
      workspaceId: billing.workspaceId,
      actorUserId: null,
      actorTokenId: null,
      action: error ? "billing.reconcile_failed" : "billing.reconcile_drift",
      target: null,
      detail: { ...report, error },
      createdAt: now,
    });
}

/**
 * Reconciles one workspace, recording the run; null when it has no billing tables or no keys.
 * A Recurrente failure is recorded as a failed run, and the next night tries again.
 */
export async function reconcileWorkspace(env: Env, db: Db, workspaceId: string, now: Date) {
  const billing = await findBilling(env, db, workspaceId);
  const recurrente = billing && (await recurrenteOf(env, db, workspaceId));
  if (!billing || !recurrente) return null;
  const empty: ReconcileReport = { applied: [], unknown: [], missing: [], pages: 0, complete: false };
  try {
    const report = await reconcileBilling(billing, recurrente, now);
    await record(db, billing, report, now, null);
    return report;
  } catch (error) {
    await record(db, billing, empty, now, (error as Error).message);
    return null;
  }
}

/** The nightly run over every workspace with billing tables; answers how many had drift. */
export async function runReconcile(env: Env, db: Db, now: Date): Promise<{ workspaces: number; drifted: number }> {
  const tables = await db
    .select({ workspaceId: dataTable.workspaceId })
    .from(dataTable)
    .where(eq(dataTable.kind, PAYMENTS_KINDS.subscriptions));
  let drifted = 0;
  for (const { workspaceId } of tables) {
    const report = await reconcileWorkspace(env, db, workspaceId, now).catch((error: Error) => {
      console.error(`rowpilot: reconcile of workspace ${workspaceId} failed: ${error.message}`);
      return null;
    });
    if (report && hasDrift(report)) drifted++;
  }
  return { workspaces: tables.length, drifted };
}

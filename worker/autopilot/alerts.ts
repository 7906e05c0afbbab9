/**
 * Alerts: raised once per key until their cause clears (the partial unique index on open alerts
 * in `autopilot_alert` makes a second raise a no-op), each written as an Alerts row, emailed to
 * the workspace's owners and POSTed to the optional webhook; cleared when the cause is gone.
 * The conductor calls `checkCycleAlerts` after each cycle; health raises provider, sender and
 * budget alerts.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { guardFor, UnsafeUrlError } from "../../automation/contact/guard";
import type { AlertKind, AlertRecord, PhaseResult } from "../../schema/autopilot";
import { autopilotAlert } from "../../schema/db";
import { newId } from "../auth/tokens";
import type { Db } from "../db";
import { byKey, type TableHandle } from "../kinds/tables";
import type { CycleContext } from "./context";
import { autopilotOrigin } from "./note";
import { emailOwners } from "./owner-mail";
import { ensureAutopilotTables } from "./tables";

/** A webhook gets this long to answer; it is told, never waited on (the alert is already raised). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export type AlertContext = Pick<CycleContext, "env" | "db" | "workspaceId" | "settings" | "actorId">;
export type NewAlert = { key: string; kind: AlertKind; message: string; cycleId?: string | null };

/** The origin of rows written outside a cycle (the five-minute health check). */
const originOf = (cycleId: string | null | undefined) => autopilotOrigin(cycleId ?? "health");

async function alertsTable(ctx: AlertContext) {
  return (await ensureAutopilotTables(ctx.env, ctx.db, ctx.workspaceId, ctx.actorId)).alerts;
}

/**
 * POSTs the alert; answers null when the webhook took it, else what went wrong. Only public
 * addresses in production (the guard the contact engine and journeys' webhooks use), and no
 * redirects followed: a redirect could lead anywhere the guard refuses.
 */
async function postWebhook(env: Env, url: string, body: unknown): Promise<string | null> {
  try {
    await guardFor(env.ROWPILOT_ENV).check(url);
  } catch (error) {
    if (error instanceof UnsafeUrlError) return `the webhook was not called: ${error.message}`;
    throw error;
  }
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Rowpilot autopilot" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      redirect: "manual",
    });
    await res.body?.cancel();
    return res.ok ? null : `the webhook answered ${res.status}`;
  } catch (error) {
    return `the webhook did not answer: ${(error as Error).message}`;
  }
}

/** The alert's row in the Alerts table. */
async function writeAlertRow(ctx: AlertContext, alert: NewAlert, raisedAt: Date) {
  const table = await alertsTable(ctx);
  const row = await table.room.insertRow(
    byKey(table, {
      alert: alert.key,
      kind: alert.kind,
      status: "raised",
      message: alert.message,
      cycle: alert.cycleId ?? "",
      raisedAt: raisedAt.toISOString(),
    }),
    originOf(alert.cycleId),
  );
  if (!row.ok) throw new Error(`The Alerts row could not be written: ${row.message}`);
  return { table, rowId: row.value };
}

/**
 * Raises the alert unless one with its key is open. Answers true when this call raised it.
 * @example await raiseAlert(ctx, { key: "provider-down:anthropic", kind: "provider-down", message: "…" })
 */
export async function raiseAlert(ctx: AlertContext, alert: NewAlert): Promise<boolean> {
  const raisedAt = new Date();
  const id = newId();
  const [inserted] = await ctx.db
    .insert(autopilotAlert)
    .values({
      id,
      workspaceId: ctx.workspaceId,
      key: alert.key,
      kind: alert.kind,
      message: alert.message,
      cycleId: alert.cycleId ?? null,
      raisedAt,
    })
    .onConflictDoNothing()
    .returning({ id: autopilotAlert.id });
  if (!inserted) return false;

  let written: { table: TableHandle; rowId: string };
  try {
    written = await writeAlertRow(ctx, alert, raisedAt);
  } catch (error) {
    // Not recorded where people look: take the alert back so the caller's retry raises it again.
    await ctx.db.delete(autopilotAlert).where(eq(autopilotAlert.id, id));
    throw error;
  }
  const { table, rowId } = written;
  await ctx.db.update(autopilotAlert).set({ rowId }).where(eq(autopilotAlert.id, id));

  await emailOwners(ctx.env, ctx.db, ctx.workspaceId, {
    id: `autopilot-alert-${id}`,
    subject: `Autopilot alert: ${alert.message}`,
    text: `${alert.message}\n\nAlert ${alert.key}, raised ${raisedAt.toISOString()}${alert.cycleId ? ` by cycle ${alert.cycleId}` : ""}.\nIt is raised once and cleared when its cause is gone.`,
  });
  if (ctx.settings.alertWebhook) {
    const failed = await postWebhook(ctx.env, ctx.settings.alertWebhook, {
      type: "autopilot.alert",
      workspaceId: ctx.workspaceId,
      key: alert.key,
      kind: alert.kind,
      message: alert.message,
      cycleId: alert.cycleId ?? null,
      raisedAt: raisedAt.toISOString(),
    });
    if (failed)
      await table.room.patchRow(
        rowId,
        byKey(table, { message: `${alert.message} (${failed})` }),
        originOf(alert.cycleId),
      );
  }
  return true;
}

/** Clears the open alert of `key`; answers true when there was one. */
export async function clearAlert(ctx: AlertContext, key: string): Promise<boolean> {
  const clearedAt = new Date();
  const cleared = await ctx.db
    .update(autopilotAlert)
    .set({ clearedAt })
    .where(
      and(
        eq(autopilotAlert.workspaceId, ctx.workspaceId),
        eq(autopilotAlert.key, key),
        isNull(autopilotAlert.clearedAt),
      ),
    )
    .returning({ rowId: autopilotAlert.rowId, cycleId: autopilotAlert.cycleId });
  if (!cleared.length) return false;
  const table = await alertsTable(ctx);
  for (const { rowId, cycleId } of cleared) {
    if (!rowId) continue;
    await table.room.patchRow(
      rowId,
      byKey(table, { status: "cleared", clearedAt: clearedAt.toISOString() }),
      originOf(cycleId),
    );
  }
  return true;
}

const recordOf = (row: typeof autopilotAlert.$inferSelect): AlertRecord => ({
  key: row.key,
  kind: row.kind as AlertKind,
  message: row.message,
  raisedAt: row.raisedAt.toISOString(),
  clearedAt: row.clearedAt?.toISOString() ?? null,
});

/** The alerts raised and not cleared, newest first. */
export async function openAlerts(db: Db, workspaceId: string): Promise<AlertRecord[]> {
  const rows = await db
    .select()
    .from(autopilotAlert)
    .where(and(eq(autopilotAlert.workspaceId, workspaceId), isNull(autopilotAlert.clearedAt)))
    .orderBy(desc(autopilotAlert.raisedAt));
  return rows.map(recordOf);
}

/** The last `limit` alerts, open or cleared, newest first. */
export async function recentAlerts(db: Db, workspaceId: string, limit = 20): Promise<AlertRecord[]> {
  const rows = await db
    .select()
    .from(autopilotAlert)
    .where(eq(autopilotAlert.workspaceId, workspaceId))
    .orderBy(desc(autopilotAlert.raisedAt))
    .limit(limit);
  return rows.map(recordOf);
}

/** The share of a phase's items that failed, or null when it had none. */
export function failedShare(result: PhaseResult | undefined): number | null {
  if (!result) return null;
  const tried = result.done + result.failed;
  return tried > 0 ? result.failed / tried : null;
}

const CYCLE_THRESHOLDS = [
  { phase: "generation", key: "generation-failures", what: "site generation", threshold: "generationFailed" },
  { phase: "pitching", key: "message-failures", what: "messages", threshold: "messagesFailed" },
] as const;

/**
 * After a cycle: raises "generation-failures" when more than the threshold's share of the
 * generation phase's items failed (0.5 by default) and "message-failures" likewise for pitching
 * (0.3); a phase that ran items below its threshold clears its alert; a phase with no items
 * leaves it as it is.
 */
export async function checkCycleAlerts(ctx: CycleContext, results: PhaseResult[]): Promise<void> {
  for (const rule of CYCLE_THRESHOLDS) {
    const result = results.find((r) => r.name === rule.phase);
    const share = failedShare(result);
    if (share === null || !result) continue;
    const limit = ctx.settings.thresholds[rule.threshold];
    if (share > limit) {
      const pct = (n: number) => `${Math.round(n * 100)}%`;
      await raiseAlert(ctx, {
        key: rule.key,
        kind: rule.key,
        cycleId: ctx.cycleId,
        message: `${pct(share)} of ${rule.what} failed in cycle ${ctx.cycleId} (${result.failed} of ${result.done + result.failed}; the limit is ${pct(limit)})`,
      });
    } else {
      await clearAlert(ctx, rule.key);
    }
  }
}

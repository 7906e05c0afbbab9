/**
 * The grace period: a subscription past due for longer than the workspace's `graceDays` takes its
 * site offline (its paid claim's `offlineAt` is set, and the site serves a friendly page), and so
 * does a cancelled one (see `offlineFrom`); once Recurrente says it is active again, the site is
 * back. Run hourly from the every-minute cron.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { dataTable, paymentClaim } from "../../schema/db";
import { BillingSettings, DEFAULT_BILLING_SETTINGS } from "../../schema/payments-api";
import { PAYMENTS_KINDS } from "../../schema/payments-tables";
import type { Db } from "../db";
import { reader } from "../kinds/tables";
import { allRows } from "../projects/store";
import { readStoredSettings } from "../stored-settings";
import { rowStatus } from "./subscription-rows";
import { findBilling } from "./tables";

/** Where `PUT /api/billing/settings` keeps them (`worker/stored-settings.ts`). */
export const BILLING_SETTINGS_KEY = "billing";

/**
 * The minute of each hour the grace check runs at: an hour's precision is plenty for a period
 * counted in days, and it keeps the every-minute cron light.
 */
export const GRACE_CHECK_MINUTE = 7;

const DAY_MS = 86_400_000;

export function readBillingSettings(db: Db, workspaceId: string): Promise<BillingSettings> {
  return readStoredSettings(db, workspaceId, BILLING_SETTINGS_KEY, BillingSettings, () => ({
    ...DEFAULT_BILLING_SETTINGS,
  }));
}

/** What one workspace's check did: sites taken offline and sites brought back. */
export type GraceResult = { offline: number; online: number };

/** A subscription's claim: the one its checkout came from, else the paid claim of its site. */
function claimWhere(workspaceId: string, checkoutId: string, siteId: string | undefined) {
  if (checkoutId) return and(eq(paymentClaim.workspaceId, workspaceId), eq(paymentClaim.checkoutId, checkoutId));
  if (siteId)
    return and(
      eq(paymentClaim.workspaceId, workspaceId),
      eq(paymentClaim.siteId, siteId),
      eq(paymentClaim.state, "paid"),
    );
  return null;
}

/**
 * When a subscription's site goes offline (epoch ms; NaN when its row lacks the date), or null
 * for a subscription in good standing. Past due: `graceDays` after it fell past due. Cancelled:
 * the same when it was cancelled for not paying (Recurrente cancels after its last retry, about 5
 * days in, often before the grace period is over), else at the end of the period paid for.
 */
export function offlineFrom(status: string | null, r: { text(key: string): string }, graceDays: number): number | null {
  const pastDueSince = Date.parse(r.text("pastDueSince"));
  if (status === "past_due") return pastDueSince + graceDays * DAY_MS;
  if (status !== "cancelled" && status !== "unable_to_start") return null;
  if (!Number.isNaN(pastDueSince)) return pastDueSince + graceDays * DAY_MS;
  return Date.parse(r.text("periodEnd") || r.text("cancelledAt"));
}

/** Applies the grace period to one workspace's past-due and recovered subscriptions at `now`. */
export async function applyGrace(env: Env, db: Db, workspaceId: string, now: Date): Promise<GraceResult> {
  const result: GraceResult = { offline: 0, online: 0 };
  const billing = await findBilling(env, db, workspaceId);
  if (!billing) return result;
  const { graceDays } = await readBillingSettings(db, workspaceId);
  const rows = await allRows(billing.subscriptions, []);
  for (const row of rows) {
    const r = reader(billing.subscriptions, row.cells);
    const status = rowStatus(billing, row);
    const where = claimWhere(workspaceId, r.text("checkoutId"), r.list("site")[0]);
    if (!where) continue;
    const until = offlineFrom(status, r, graceDays);
    if (until !== null) {
      if (Number.isNaN(until) || now.getTime() < until) continue;
      const taken = await db
        .update(paymentClaim)
        .set({ offlineAt: now })
        .where(and(where, isNull(paymentClaim.offlineAt)))
        .returning({ id: paymentClaim.id });
      result.offline += taken.length;
    } else if (status === "active") {
      const back = await db
        .update(paymentClaim)
        .set({ offlineAt: null })
        .where(and(where, isNotNull(paymentClaim.offlineAt)))
        .returning({ id: paymentClaim.id });
      result.online += back.length;
    }
  }
  return result;
}

/** Runs the grace check in every workspace with billing tables. */
export async function runGrace(env: Env, db: Db, now: Date): Promise<GraceResult> {
  const tables = await db
    .select({ workspaceId: dataTable.workspaceId })
    .from(dataTable)
    .where(eq(dataTable.kind, PAYMENTS_KINDS.subscriptions));
  const total: GraceResult = { offline: 0, online: 0 };
  for (const { workspaceId } of tables) {
    try {
      const done = await applyGrace(env, db, workspaceId, now);
      total.offline += done.offline;
      total.online += done.online;
    } catch (error) {
      console.error(`rowpilot: grace check of workspace ${workspaceId} failed: ${(error as Error).message}`);
    }
  }
  return total;
}

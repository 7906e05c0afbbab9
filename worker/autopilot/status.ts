/**
 * `GET /api/autopilot`'s answer: the settings, each schedule's next run, the running cycle and
 * the last ones, the latest health check per provider, open and recent alerts, today's spend
 * against budgets, and where the Cycles table is.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type {
  AlertKind,
  AlertRecord,
  AutopilotStatus,
  HealthCheck,
  HealthCheckName,
  HealthLight,
} from "../../schema/autopilot";
import { AUTOPILOT_KINDS } from "../../schema/autopilot-tables";
import { autopilotAlert, autopilotHealth } from "../../schema/db";
import type { Db } from "../db";
import { idOfKind } from "../kinds/tables";
import { listCycles, reconcileCycles, runningCycle } from "./cycles";
import { lastRunsOf } from "./schedule";
import { nextRuns } from "./schedule-due";
import { readAutopilotSettings } from "./settings";
import { spendToday } from "./spend";

/** Cycles the status lists (the dashboard shows the last few; the Cycles table keeps them all). */
export const STATUS_CYCLES = 20;
/** Cleared alerts listed after the open ones. */
export const RECENT_ALERTS = 20;

type AlertRow = typeof autopilotAlert.$inferSelect;

const alertRecord = (row: AlertRow): AlertRecord => ({
  key: row.key,
  kind: row.kind as AlertKind,
  message: row.message,
  raisedAt: row.raisedAt.toISOString(),
  clearedAt: row.clearedAt?.toISOString() ?? null,
});

async function alertsOf(db: Db, workspaceId: string): Promise<AlertRecord[]> {
  const open = await db.query.autopilotAlert.findMany({
    where: and(eq(autopilotAlert.workspaceId, workspaceId), isNull(autopilotAlert.clearedAt)),
    orderBy: desc(autopilotAlert.raisedAt),
  });
  const recent = await db.query.autopilotAlert.findMany({
    where: eq(autopilotAlert.workspaceId, workspaceId),
    orderBy: desc(autopilotAlert.raisedAt),
    limit: RECENT_ALERTS,
  });
  const seen = new Set(open.map((a) => a.id));
  return [...open, ...recent.filter((a) => !seen.has(a.id))].map(alertRecord);
}

async function healthOf(db: Db, workspaceId: string): Promise<HealthCheck[]> {
  const rows = await db.query.autopilotHealth.findMany({ where: eq(autopilotHealth.workspaceId, workspaceId) });
  return rows.map((row) => ({
    name: row.name as HealthCheckName,
    light: row.light as HealthLight,
    detail: row.detail,
    checkedAt: row.checkedAt.toISOString(),
  }));
}

/** The workspace's autopilot as the dashboard shows it (a stale lock is released first, so "running" is true). */
export async function autopilotStatus(
  env: Env,
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<AutopilotStatus> {
  await reconcileCycles(env, db, workspaceId, now);
  const settings = await readAutopilotSettings(db, workspaceId);
  const [lastRuns, running, cycles, health, alerts, spend, cyclesTableId] = await Promise.all([
    lastRunsOf(db, workspaceId),
    runningCycle(db, workspaceId),
    listCycles(db, workspaceId, STATUS_CYCLES),
    healthOf(db, workspaceId),
    alertsOf(db, workspaceId),
    spendToday({ db, workspaceId, settings }, now),
    idOfKind(db, workspaceId, AUTOPILOT_KINDS.cycles),
  ]);
  return {
    settings,
    nextRuns: nextRuns(settings, lastRuns, now),
    running,
    cycles,
    health,
    alerts,
    spend,
    cyclesTableId,
  };
}

/**
 * Autopilot's schedules, run by the every-minute cron: for each workspace whose autopilot is on,
 * release stale locks, then look at which schedules are due. Health alone runs inline (every five
 * minutes must not flood the Cycles table); anything else starts a cycle of the due schedules'
 * phases, unless one is running (the next minute tries again). `autopilot_schedule` remembers
 * when each schedule last ran.
 */
import { eq } from "drizzle-orm";
import { AutopilotSettings, type ScheduleName } from "../../schema/autopilot";
import { autopilotSchedule, workspaceSetting } from "../../schema/db";
import { type Db, getDb } from "../db";
import { CycleBusyError, cycleActor, reconcileCycles, runningCycle, startCycle } from "./cycles";
import { PHASE_RUNNERS } from "./phases";
import { dueSchedules, type LastRuns, planFor } from "./schedule-due";
import { AUTOPILOT_SETTINGS_KEY } from "./settings";

export type AutopilotScheduleReport = { workspaces: number; cycles: number; healthChecks: number; released: number };

/** When each of the workspace's schedules last ran. */
export async function lastRunsOf(db: Db, workspaceId: string): Promise<LastRuns> {
  const rows = await db.query.autopilotSchedule.findMany({ where: eq(autopilotSchedule.workspaceId, workspaceId) });
  return Object.fromEntries(rows.map((r) => [r.schedule, r.lastRunAt])) as LastRuns;
}

/** Records that the schedules ran at `at`. */
export async function markRun(db: Db, workspaceId: string, schedules: readonly ScheduleName[], at: Date) {
  if (!schedules.length) return;
  await db
    .insert(autopilotSchedule)
    .values(schedules.map((schedule) => ({ workspaceId, schedule, lastRunAt: at })))
    .onConflictDoUpdate({
      target: [autopilotSchedule.workspaceId, autopilotSchedule.schedule],
      set: { lastRunAt: at },
    });
}

/** The health phase on its own, outside any cycle (its id names the check, not a cycle). */
async function healthInline(env: Env, db: Db, workspaceId: string, settings: AutopilotSettings, now: Date) {
  const result = await PHASE_RUNNERS.health({
    env,
    db,
    workspaceId,
    cycleId: `health_${now.getTime().toString(36)}`,
    settings,
    startedAt: now,
    actorId: await cycleActor(db, workspaceId),
  });
  if (result.error) console.warn(`rowpilot: autopilot health check of ${workspaceId}: ${result.error}`);
}

/** One workspace's minute: what it did ("cycle", "health" or nothing). */
export async function runWorkspaceSchedule(
  env: Env,
  db: Db,
  workspaceId: string,
  settings: AutopilotSettings,
  now: Date,
): Promise<{ did: "cycle" | "health" | null; released: number }> {
  const released = (await reconcileCycles(env, db, workspaceId, now)).length;
  if (await runningCycle(db, workspaceId)) return { did: null, released };
  const plan = planFor(settings, dueSchedules(settings, await lastRunsOf(db, workspaceId), now));
  if (plan.kind === "nothing") return { did: null, released };
  if (plan.kind === "health") {
    await markRun(db, workspaceId, ["health"], now);
    await healthInline(env, db, workspaceId, settings, now);
    return { did: "health", released };
  }
  try {
    await startCycle(env, db, workspaceId, { trigger: "schedule", plan: plan.plan, startedBy: null });
  } catch (error) {
    if (error instanceof CycleBusyError) return { did: null, released };
    throw error;
  }
  await markRun(db, workspaceId, plan.covers, now);
  return { did: "cycle", released };
}

/** Every workspace whose autopilot is on gets its minute; one workspace's failure does not stop the others. */
export async function runAutopilotSchedule(env: Env, now: Date): Promise<AutopilotScheduleReport> {
  const db = getDb(env.DB);
  const rows = await db.query.workspaceSetting.findMany({ where: eq(workspaceSetting.key, AUTOPILOT_SETTINGS_KEY) });
  const report: AutopilotScheduleReport = { workspaces: 0, cycles: 0, healthChecks: 0, released: 0 };
  for (const row of rows) {
    const parsed = AutopilotSettings.safeParse(safeJson(row.value));
    if (!parsed.success || !parsed.data.enabled) continue;
    report.workspaces += 1;
    try {
      const { did, released } = await runWorkspaceSchedule(env, db, row.workspaceId, parsed.data, now);
      report.released += released;
      if (did === "cycle") report.cycles += 1;
      if (did === "health") report.healthChecks += 1;
    } catch (error) {
      console.warn(`rowpilot: autopilot schedule of ${row.workspaceId} failed: ${(error as Error).message}`);
    }
  }
  return report;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

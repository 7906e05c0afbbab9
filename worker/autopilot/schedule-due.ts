/**
 * Which of a workspace's autopilot schedules are due, and when each runs next: plain data in
 * (settings, each schedule's last run), plain data out, so the cron's decisions are tested in Node.
 */
import {
  type AutopilotSettings,
  type NextRun,
  PHASES,
  type PhaseName,
  SCHEDULE_PHASES,
  SCHEDULES,
  type ScheduleName,
} from "../../schema/autopilot";

const MINUTE_MS = 60_000;

/**
 * The cron fires once a minute, a few hundred ms late or early: a schedule whose last run was
 * started by the previous firing of its period must count as due, not wait another minute.
 */
export const CRON_SLACK_MS = 5_000;

export type LastRuns = Partial<Record<ScheduleName, Date>>;

/** The enabled schedules whose last run is at least `everyMinutes` old, or that never ran. */
export function dueSchedules(settings: AutopilotSettings, lastRuns: LastRuns, now: Date): ScheduleName[] {
  return SCHEDULES.filter((name) => {
    const schedule = settings.schedules[name];
    if (!schedule.enabled) return false;
    const last = lastRuns[name];
    return !last || now.getTime() - last.getTime() + CRON_SLACK_MS >= schedule.everyMinutes * MINUTE_MS;
  });
}

export type SchedulePlan =
  | { kind: "nothing" }
  /** Only health is due: it runs inline, with no cycle and no Cycles row. */
  | { kind: "health" }
  | { kind: "cycle"; plan: PhaseName[]; covers: ScheduleName[] };

/**
 * What the cron does for the due schedules: nothing, the health check alone, or a cycle whose
 * plan is health (when its schedule is on) then the due schedules' phases, in cycle order.
 */
export function planFor(settings: AutopilotSettings, due: readonly ScheduleName[]): SchedulePlan {
  const work = due.filter((name) => name !== "health");
  if (!work.length) return due.includes("health") ? { kind: "health" } : { kind: "nothing" };
  const healthOn = settings.schedules.health.enabled;
  const wanted = new Set<PhaseName>(work.flatMap((name) => SCHEDULE_PHASES[name]));
  if (healthOn) wanted.add("health");
  return {
    kind: "cycle",
    plan: PHASES.filter((name) => wanted.has(name)),
    covers: healthOn ? [...work, "health"] : work,
  };
}

/** The schedules a cycle of `plan` does the work of (all their phases are in it). */
export const schedulesCoveredBy = (plan: readonly PhaseName[]): ScheduleName[] =>
  SCHEDULES.filter((name) => SCHEDULE_PHASES[name].every((phase) => plan.includes(phase)));

/** Each schedule with its last run and next run (null when switched off, or autopilot is). */
export function nextRuns(settings: AutopilotSettings, lastRuns: LastRuns, now = new Date()): NextRun[] {
  return SCHEDULES.map((name) => {
    const { enabled, everyMinutes } = settings.schedules[name];
    const last = lastRuns[name] ?? null;
    const on = settings.enabled && enabled;
    const next = last ? new Date(Math.max(last.getTime() + everyMinutes * MINUTE_MS, now.getTime())) : now;
    return {
      schedule: name,
      enabled,
      everyMinutes,
      lastRunAt: last?.toISOString() ?? null,
      nextRunAt: on ? next.toISOString() : null,
    };
  });
}

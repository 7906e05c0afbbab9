/** How `rowpilot autopilot` prints a status and a cycle's progress: plain data in, lines out. */
import type { AutopilotStatus, CycleRecord, PhaseResult } from "../../schema/autopilot";

const time = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** "✓ scraping  12 done, 1 failed, 3 skipped" or "✗ scraping  Gave up after 4 tries: …". */
export function phaseLine(phase: Pick<PhaseResult, "name" | "done" | "failed" | "skipped" | "error">): string {
  const figures = `${phase.done} done, ${phase.failed} failed, ${phase.skipped} skipped`;
  return `${phase.error ? "✗" : "✓"} ${phase.name.padEnd(10)} ${figures}${phase.error ? ` — ${phase.error}` : ""}`;
}

export function cycleLine(
  cycle: Pick<CycleRecord, "id" | "status" | "trigger" | "startedAt" | "phases" | "error">,
): string {
  const failed = cycle.phases.reduce((sum, p) => sum + p.failed, 0);
  const done = cycle.phases.reduce((sum, p) => sum + p.done, 0);
  const error = cycle.error ? ` — ${cycle.error}` : "";
  return `${cycle.id}  ${cycle.status.padEnd(8)} ${cycle.trigger.padEnd(8)} ${time(cycle.startedAt)}  ${done} done, ${failed} failed${error}`;
}

/** The whole status, as `--status` prints it. */
export function statusLines(status: AutopilotStatus): string[] {
  const { settings } = status;
  const caps = Object.entries(settings.caps)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const budgets = status.spend
    .filter((s) => s.budget !== null || s.spent > 0)
    .map(
      (s) =>
        `${s.provider} $${s.spent.toFixed(2)}${s.budget === null ? "" : ` of $${s.budget.toFixed(2)}`}${s.reached ? " (reached)" : ""}`,
    );
  const alerts = status.alerts.filter((a) => !a.clearedAt);
  return [
    `Autopilot: ${settings.enabled ? "on" : "off"}${status.running ? ` — cycle ${status.running.id} running` : ""}`,
    `Caps per cycle: ${caps}`,
    "",
    "Schedules:",
    ...status.nextRuns.map(
      (r) =>
        `  ${r.schedule.padEnd(10)} ${r.enabled ? `every ${r.everyMinutes} min` : "off"}`.padEnd(30) +
        `last ${time(r.lastRunAt)}, next ${r.nextRunAt ? time(r.nextRunAt) : "—"}`,
    ),
    "",
    "Last cycles:",
    ...(status.cycles.length ? status.cycles.slice(0, 10).map((c) => `  ${cycleLine(c)}`) : ["  none yet"]),
    "",
    "Health:",
    ...(status.health.length
      ? status.health.map((h) => `  ${h.name.padEnd(10)} ${h.light.padEnd(7)} ${h.detail}`)
      : ["  not checked yet"]),
    "",
    `Alerts: ${alerts.length ? "" : "none open"}`,
    ...alerts.map((a) => `  ${a.key}: ${a.message} (since ${time(a.raisedAt)})`),
    `Spend today: ${budgets.length ? budgets.join("; ") : "nothing spent, no budgets set"}`,
  ];
}

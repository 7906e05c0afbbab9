/**
 * What a cycle's Cycles row says, worked out from its record alone (plain data in, cells by
 * column key out), so a retried write produces the same row: the phases with their figures, the
 * per-step counts summed over phases, failures, skips and errors, and the duration.
 */
import type { CycleRecord, PhaseName, PhaseResult } from "../../schema/autopilot";

/** The Cycles columns filled from the phases' named counts (a phase's `counts.<key>`). */
export const COUNTED_COLUMNS = [
  "scraped",
  "qualified",
  "generated",
  "published",
  "pitched",
  "sent",
  "cleaned",
] as const;

type SummaryCells = Record<string, string | number | null>;

/** One phase in a line: "scraping 12 done, 1 failed, 3 skipped" (errors go to their own column). */
export function phaseLine(result: PhaseResult): string {
  const parts = [`${result.done} done`];
  if (result.failed) parts.push(`${result.failed} failed`);
  if (result.skipped) parts.push(`${result.skipped} skipped`);
  return `${result.name} ${parts.join(", ")}`;
}

/** A count summed over the phases; the cleanup phase's items done stand for "cleaned" when it names none. */
function counted(phases: PhaseResult[], key: (typeof COUNTED_COLUMNS)[number]): number {
  return phases.reduce((sum, p) => {
    const named = p.counts?.[key];
    if (named !== undefined) return sum + named;
    return key === "cleaned" && p.name === "cleanup" ? sum + p.done : sum;
  }, 0);
}

/** The Cycles row's cells (by column key) for the cycle as recorded. */
export function cycleCells(cycle: CycleRecord): SummaryCells {
  const lines = [...cycle.phases.map(phaseLine), ...cycle.pending.map((name) => `${name} waiting`)];
  const errors = cycle.phases.filter((p) => p.error).map((p) => `${p.name}: ${p.error}`);
  if (cycle.error) errors.unshift(cycle.error);
  const cells: SummaryCells = {
    cycle: cycle.id,
    status: cycle.status,
    trigger: cycle.trigger,
    phases: lines.join("\n"),
    startedAt: cycle.startedAt,
    finishedAt: cycle.finishedAt,
    durationSeconds: cycle.finishedAt
      ? Math.round((Date.parse(cycle.finishedAt) - Date.parse(cycle.startedAt)) / 1000)
      : null,
    failed: cycle.phases.reduce((sum, p) => sum + p.failed, 0),
    skipped: cycle.phases.reduce((sum, p) => sum + p.skipped, 0),
    errors: errors.join("\n"),
  };
  for (const key of COUNTED_COLUMNS) cells[key] = counted(cycle.phases, key);
  return cells;
}

/** The cycle's phases with `result` in its place, in plan order: a phase recorded again replaces its entry. */
export function withPhase(phases: PhaseResult[], result: PhaseResult, plan: readonly PhaseName[]): PhaseResult[] {
  const others = phases.filter((p) => p.name !== result.name);
  return [...others, result].sort((a, b) => plan.indexOf(a.name) - plan.indexOf(b.name));
}

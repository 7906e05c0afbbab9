/**
 * What a phase of a cycle is given and gives back. The conductor (worker/autopilot/workflow.ts)
 * runs each phase in a `step.do`: a phase must be safe to run again for the same cycle (a retry,
 * or Workflows resuming a cycle whose Worker died), which the item ledger (`ledger.ts`) makes so:
 * every item is claimed for the cycle before it is acted on, and an item already done by this
 * cycle is counted, not done again.
 */
import type { AutopilotSettings, PhaseName, PhaseResult } from "../../schema/autopilot";
import type { Db } from "../db";

export type CycleContext = {
  env: Env;
  db: Db;
  workspaceId: string;
  cycleId: string;
  settings: AutopilotSettings;
  /** When the cycle started (phases decide "due", "stuck" and "today" from it). */
  startedAt: Date;
  /** The member the cycle acts as (the workspace's first owner), for rows that record who made them. */
  actorId: string | null;
};

export type Phase = (ctx: CycleContext) => Promise<PhaseResult>;

/** A phase's result with nothing done, to add to. */
export const emptyResult = (name: PhaseName): PhaseResult => ({
  name,
  done: 0,
  failed: 0,
  skipped: 0,
  error: null,
  counts: {},
  causes: {},
});

/** Adds `n` to a named figure of the result. */
export function count(result: PhaseResult, key: string, n = 1): void {
  result.counts = { ...result.counts, [key]: (result.counts?.[key] ?? 0) + n };
}

/** Notes a failure under its cause (a short phrase: "provider down", "no email", "quality checks"). */
export function failedBecause(result: PhaseResult, cause: string, n = 1): void {
  result.failed += n;
  result.causes = { ...result.causes, [cause]: (result.causes?.[cause] ?? 0) + n };
}

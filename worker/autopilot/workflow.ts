/**
 * AutopilotWorkflow: one Cloudflare Workflows instance per cycle. It loads the cycle (plan,
 * settings, start time, actor) in one step, runs each phase of the plan in its own `step.do`
 * with the phase's retries, records each phase's result in a step of its own, and finishes the
 * cycle. Workflows replays finished steps from their stored results, so a cycle resumed after
 * its Worker died goes on from the phase it was in; the item ledger keeps that phase from acting
 * twice on an item. A phase still failing after its retries is recorded with its error and the
 * cycle goes on with the next.
 */
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep, type WorkflowStepConfig } from "cloudflare:workers";
import type { AutopilotSettings, PhaseName, PhaseResult } from "../../schema/autopilot";
import { getDb } from "../db";
import { checkCycleAlerts, clearAlert, raiseAlert } from "./alerts";
import { type CycleContext, emptyResult } from "./context";
import { type CycleParams, cycleActor, finishCycle, inCycleOrder, readCycle, recordPhase } from "./cycles";
import { PHASE_RUNNERS } from "./phases";
import { readAutopilotSettings } from "./settings";

/**
 * Retries per phase, as the product brief's Phase 7: scraping 3 × 5 min, generation 2 × 10 min,
 * messages 3 × 5 min, each backing off exponentially; health, cleanup and the report once after
 * a minute (they are cheap and run again on their own schedule). An attempt may take 10
 * minutes: a phase is written to finish well within one (see ap-common's rules).
 */
export const PHASE_RETRIES: Record<PhaseName, WorkflowStepConfig> = {
  health: { retries: { limit: 1, delay: "1 minute", backoff: "exponential" }, timeout: "10 minutes" },
  cleanup: { retries: { limit: 1, delay: "1 minute", backoff: "exponential" }, timeout: "10 minutes" },
  scraping: { retries: { limit: 3, delay: "5 minutes", backoff: "exponential" }, timeout: "10 minutes" },
  generation: { retries: { limit: 2, delay: "10 minutes", backoff: "exponential" }, timeout: "10 minutes" },
  pitching: { retries: { limit: 3, delay: "5 minutes", backoff: "exponential" }, timeout: "10 minutes" },
  report: { retries: { limit: 1, delay: "1 minute", backoff: "exponential" }, timeout: "10 minutes" },
};

/** Loading and recording touch D1 and one room: a hiccup, retried quickly a few times. */
const BOOKKEEPING: WorkflowStepConfig = {
  retries: { limit: 4, delay: "2 seconds", backoff: "exponential" },
  timeout: "2 minutes",
};

/** What the load step hands the phases (serializable: Workflows stores it). */
type Loaded =
  | { missing: true }
  | { missing: false; plan: PhaseName[]; settings: AutopilotSettings; startedAt: string; actorId: string | null };

/** The start of a phase's error when it threw on every try (the cycle fails if all did). */
export const GAVE_UP = "Gave up";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class AutopilotWorkflow extends WorkflowEntrypoint<Env, CycleParams> {
  override async run(event: WorkflowEvent<CycleParams>, step: WorkflowStep) {
    const { workspaceId, cycleId } = event.payload;
    const loaded: Loaded = await step.do("load", BOOKKEEPING, () => this.load(workspaceId, cycleId));
    if (loaded.missing) return { status: "failed", reason: "the cycle is not in D1" };
    const results: PhaseResult[] = [];
    // Rebuilt identically when Workflows replays the run: a failed step's error is replayed too.
    const thrown: PhaseResult[] = [];
    for (const name of loaded.plan) {
      const { result, gaveUp } = await this.phase(step, name, loaded, event.payload);
      await step.do(`record ${name}`, BOOKKEEPING, () =>
        recordPhase(this.env, getDb(this.env.DB), workspaceId, cycleId, result),
      );
      results.push(result);
      if (gaveUp) thrown.push(result);
    }
    const failed = thrown.length === results.length;
    const error = failed ? `Every phase failed: ${thrown.map((r) => `${r.name}: ${r.error}`).join("; ")}` : null;
    try {
      await step.do("alerts", BOOKKEEPING, () => this.alerts(loaded, event.payload, results, error));
    } catch (alertError) {
      // An alert that cannot be raised never fails the cycle: it is tried again after the next.
      console.warn(`rowpilot: cycle ${cycleId}'s alerts could not be raised: ${messageOf(alertError)}`);
    }
    await step.do("finish", BOOKKEEPING, () =>
      finishCycle(this.env, getDb(this.env.DB), workspaceId, cycleId, failed ? "failed" : "finished", error),
    );
    return { status: failed ? "failed" : "finished", phases: results.length };
  }

  /** One phase in its step; its error after the retries becomes its recorded result. */
  private async phase(
    step: WorkflowStep,
    name: PhaseName,
    loaded: Extract<Loaded, { missing: false }>,
    params: CycleParams,
  ) {
    try {
      const result = await step.do(`phase ${name}`, PHASE_RETRIES[name], () =>
        runPhase(this.env, name, loaded, params),
      );
      return { result, gaveUp: false };
    } catch (error) {
      const tries = (PHASE_RETRIES[name].retries?.limit ?? 0) + 1;
      return {
        result: { ...emptyResult(name), error: `${GAVE_UP} after ${tries} tries: ${messageOf(error)}` },
        gaveUp: true,
      };
    }
  }

  /**
   * The cycle's alerts: a phase failing beyond its threshold (generation 50%, messages 30%), and
   * a cycle whose every phase failed; each raised once until a later cycle clears it.
   */
  private async alerts(
    loaded: Extract<Loaded, { missing: false }>,
    params: CycleParams,
    results: PhaseResult[],
    error: string | null,
  ): Promise<void> {
    const ctx = contextOf(this.env, loaded, params);
    await checkCycleAlerts(ctx, results);
    if (error)
      await raiseAlert(ctx, { key: "cycle-failed", kind: "cycle-failed", cycleId: ctx.cycleId, message: error });
    else await clearAlert(ctx, "cycle-failed");
  }

  private async load(workspaceId: string, cycleId: string): Promise<Loaded> {
    const db = getDb(this.env.DB);
    const cycle = await readCycle(db, workspaceId, cycleId);
    if (!cycle) return { missing: true };
    return {
      missing: false,
      plan: inCycleOrder([...cycle.phases.map((p) => p.name), ...cycle.pending]),
      settings: await readAutopilotSettings(db, workspaceId),
      startedAt: cycle.startedAt,
      actorId: await cycleActor(db, workspaceId),
    };
  }
}

/** The context every step of the cycle acts in, rebuilt from what the load step stored. */
function contextOf(env: Env, loaded: Extract<Loaded, { missing: false }>, params: CycleParams): CycleContext {
  return {
    env,
    db: getDb(env.DB),
    workspaceId: params.workspaceId,
    cycleId: params.cycleId,
    settings: loaded.settings,
    startedAt: new Date(loaded.startedAt),
    actorId: loaded.actorId,
  };
}

/** Runs one phase of the cycle (the registry looked up at call time, so tests may replace a phase). */
async function runPhase(
  env: Env,
  name: PhaseName,
  loaded: Extract<Loaded, { missing: false }>,
  params: CycleParams,
): Promise<PhaseResult> {
  const result = await PHASE_RUNNERS[name](contextOf(env, loaded, params));
  return { ...result, name };
}

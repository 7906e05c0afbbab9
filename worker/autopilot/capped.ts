/**
 * One capped step of a phase: items claimed in the ledger one by one up to the cap, each acted on
 * once per cycle. A step run again for the same cycle (a retried `step.do`, a resumed cycle)
 * counts what the ledger says it did, settles items it began and did not record, and only then
 * takes new items for what is left of its cap.
 */
import type { PhaseResult } from "../../schema/autopilot";
import { type CycleContext, count, failedBecause } from "./context";
import { cycleItems, skippedBecause } from "./items";
import { claimItem, finishItem, type ItemAction } from "./ledger";

/** How an item ended: done (named by `detail`, e.g. "queued"), or failed for a short cause. */
export type Outcome = { state: "done"; detail?: string } | { state: "failed"; cause: string; detail?: string };

/** The ledger's detail of a failure: its cause first, so a later cycle reads it back. */
const failureDetail = (o: Extract<Outcome, { state: "failed" }>) => (o.detail ? `${o.cause}: ${o.detail}` : o.cause);
/** The cause a failed ledger row was recorded with. */
export const causeOf = (detail: string | null) => (detail ?? "failed").split(":")[0]!;

/** How many due items past the cap a step looks for, to count as skipped (the dashboard counts the rest). */
const SKIPPED_PEEK = 100;

export type CappedStep<T extends { id: string }> = {
  action: ItemAction;
  cap: number;
  /** The figure a done item adds to (`generated`, `published`, `sent`…). */
  counter: string;
  /** Due items, best first, at most `limit`, none of `exclude` (this cycle's items). */
  candidates: (limit: number, exclude: Set<string>) => Promise<T[]>;
  act: (item: T) => Promise<Outcome>;
  /** An item this cycle claimed and did not record the end of: how it ended, read from its row. */
  settle: (itemId: string) => Promise<Outcome>;
  /** How many due items past the cap to look for and count as skipped (`SKIPPED_PEEK` unless given). */
  peek?: number;
  /** Why no item may be acted on now (a budget reached), checked before each; null to go on. */
  gate?: () => Promise<string | null>;
};

/**
 * Causes that leave an item for a person without anything having failed (a business with no
 * email, an address that unsubscribed): counted as skipped, so they never raise a failure alert.
 */
export const NOT_FAILURES: ReadonlySet<string> = new Set(["no email", "suppressed"]);

function tally(result: PhaseResult, counter: string, outcome: Outcome): void {
  if (outcome.state === "done") {
    result.done += 1;
    count(result, counter);
  } else if (NOT_FAILURES.has(outcome.cause)) skippedBecause(result, outcome.cause);
  else failedBecause(result, outcome.cause);
}

/** Writes how the item ended into the ledger. */
const record = (ctx: CycleContext, action: ItemAction, itemId: string, outcome: Outcome) =>
  finishItem(
    ctx,
    action,
    itemId,
    outcome.state,
    outcome.state === "failed" ? failureDetail(outcome) : (outcome.detail ?? null),
  );

/** Runs the step, adding its figures to `result`. */
export async function runCapped<T extends { id: string }>(
  ctx: CycleContext,
  result: PhaseResult,
  step: CappedStep<T>,
): Promise<void> {
  const earlier = await cycleItems(ctx, step.action);
  for (const row of earlier) {
    let outcome: Outcome = row.state === "done" ? { state: "done" } : { state: "failed", cause: causeOf(row.detail) };
    if (row.state === "claimed") {
      outcome = await step.settle(row.itemId);
      await record(ctx, step.action, row.itemId, outcome);
    }
    tally(result, step.counter, outcome);
  }
  const room = Math.max(0, step.cap - earlier.length);
  const due = await step.candidates(room + (step.peek ?? SKIPPED_PEEK), new Set(earlier.map((r) => r.itemId)));
  for (const [i, item] of due.entries()) {
    if (i >= room) {
      result.skipped += due.length - i;
      break;
    }
    const stop = step.gate ? await step.gate() : null;
    if (stop) {
      result.skipped += due.length - i;
      result.error = `${stop}: ${due.length - i} left for a later cycle`;
      break;
    }
    if ((await claimItem(ctx, step.action, item.id)) !== "new") continue;
    let outcome: Outcome;
    try {
      outcome = await step.act(item);
    } catch (error) {
      outcome = { state: "failed", cause: "error", detail: (error as Error).message };
    }
    await record(ctx, step.action, item.id, outcome);
    tally(result, step.counter, outcome);
  }
}

/**
 * When a trigger rule fires. A change rule: on a row whose condition turns from false to true
 * (not on every edit while it stays true), once per row and rule version, only for watched
 * columns, not for automation writes unless the rule opts in, never deeper than
 * `MAX_CHAIN_DEPTH` automation writes. A scheduled or webhook rule: on every row where the
 * condition holds, once per row and run (a cron tick, a webhook call). Either at most
 * `ratePerMinute` times a minute. Pure: the TableRoom feeds it rows and keeps the state (fired
 * keys, recent firings).
 */
import { type CompiledFormula, isFormulaError, isTruthy } from "../../schema/formula";
import type { CellValue, Origin } from "../../schema/tables";
import { MAX_CHAIN_DEPTH, type TriggerRule } from "../../schema/triggers";

/** A row as the rule's formula sees it: cells by column name. */
export type NamedCells = Record<string, CellValue>;

export interface TriggerChange {
  rowId: string;
  /** Names of the columns the change touched. */
  changed: string[];
  /** The row before the change (null for a new row) and after it (null for a deleted one). */
  before: NamedCells | null;
  after: NamedCells | null;
  origin: Origin;
}

export interface TriggerState {
  /** Whether the rule already fired for this key (rule, version, row). */
  hasFired(key: string): boolean;
  /** How many times the rule fired since `since` (epoch ms). */
  firingsSince(ruleId: string, since: number): number;
}

export type SkipReason =
  | "disabled"
  | "broken"
  | "not_watched"
  | "no_transition"
  | "no_match"
  | "already_fired"
  | "automation"
  | "chain_too_deep"
  | "rate_limited";

export type Decision =
  | { type: "fire"; key: string; rowId: string; depth: number }
  | { type: "skip"; reason: SkipReason; rowId: string; message: string };

const MINUTE_MS = 60_000;

/** The idempotency key of a firing: one per rule version and row. */
export function firingKey(rule: Pick<TriggerRule, "id" | "version">, rowId: string): string {
  return `${rule.id}@${rule.version}:${rowId}`;
}

/** The idempotency key of a scheduled or webhook firing: one per rule version, run and row. */
export function runKey(rule: Pick<TriggerRule, "id" | "version">, run: string, rowId: string): string {
  return `${rule.id}@${rule.version}/${run}:${rowId}`;
}

function holds(condition: CompiledFormula, cells: NamedCells | null, now: () => Date) {
  if (!cells) return { value: false, error: null };
  const result = condition.evaluate({ row: (name) => (name in cells ? (cells[name] ?? null) : undefined), now });
  return isFormulaError(result) ? { value: false, error: result } : { value: isTruthy(result), error: null };
}

/**
 * Whether `rule` fires for `change`, and if not, why.
 * @example decide(rule, compile(rule.when), change, state, Date.now()) // { type: "fire", key: "r1@2:row9", … }
 */
export function decide(
  rule: TriggerRule,
  condition: CompiledFormula,
  change: TriggerChange,
  state: TriggerState,
  now: number,
): Decision {
  const { rowId } = change;
  const skip = (reason: SkipReason, message: string): Decision => ({ type: "skip", reason, rowId, message });
  if (!rule.enabled) return skip("disabled", "The rule is turned off.");
  if (condition.parseError)
    return skip("broken", `The condition does not parse: ${condition.parseError.error.message}`);

  const depth = change.origin.kind === "automation" ? (change.origin.depth ?? 1) : 0;
  if (depth > 0 && !rule.reactToAutomation)
    return skip("automation", "Written by an automation; the rule ignores those.");
  if (depth >= MAX_CHAIN_DEPTH) {
    return skip("chain_too_deep", `Stopped a chain of ${depth} automation writes (the limit is ${MAX_CHAIN_DEPTH}).`);
  }
  if (rule.watch && change.before && !change.changed.some((c) => rule.watch!.includes(c))) {
    return skip("not_watched", "None of the watched columns changed.");
  }

  const clock = () => new Date(now);
  const after = holds(condition, change.after, clock);
  if (after.error) return skip("broken", `The condition gives ${after.error.error}: ${after.error.message}`);
  const before = holds(condition, change.before, clock);
  if (!after.value || before.value) return skip("no_transition", "The condition did not turn from false to true.");

  const key = firingKey(rule, rowId);
  if (state.hasFired(key)) return skip("already_fired", "The rule already fired for this row at this version.");
  return limited(rule, state, now, rowId) ?? { type: "fire", key, rowId, depth: depth + 1 };
}

/**
 * Whether a scheduled or webhook rule fires on a row during one run (`run`: the tick or call).
 * @example decideRun(rule, compile(rule.when), "row9", cells, "2026-11-22T12:00Z", state, Date.now())
 */
export function decideRun(
  rule: TriggerRule,
  condition: CompiledFormula,
  rowId: string,
  row: NamedCells,
  run: string,
  state: TriggerState,
  now: number,
): Decision {
  const skip = (reason: SkipReason, message: string): Decision => ({ type: "skip", reason, rowId, message });
  if (!rule.enabled) return skip("disabled", "The rule is turned off.");
  if (condition.parseError)
    return skip("broken", `The condition does not parse: ${condition.parseError.error.message}`);
  const result = holds(condition, row, () => new Date(now));
  if (result.error) return skip("broken", `The condition gives ${result.error.error}: ${result.error.message}`);
  if (!result.value) return skip("no_match", "The condition does not hold for this row.");
  const key = runKey(rule, run, rowId);
  if (state.hasFired(key)) return skip("already_fired", "The rule already acted on this row in this run.");
  return limited(rule, state, now, rowId) ?? { type: "fire", key, rowId, depth: 1 };
}

function limited(rule: TriggerRule, state: TriggerState, now: number, rowId: string): Decision | null {
  if (state.firingsSince(rule.id, now - MINUTE_MS) < rule.ratePerMinute) return null;
  const message = `The rule fired ${rule.ratePerMinute} times in the last minute; paused until it calms down.`;
  return { type: "skip", reason: "rate_limited", rowId, message };
}

/**
 * Change rules on a TableRoom's row-change feed. Changes are gathered per row for a short quiet
 * spell (a burst of edits settles into one look), then each enabled change rule decides
 * (`automation/triggers`) whether it fires; a firing is stored under its idempotency key before
 * its action runs (through the ActionRunner, as button presses do), and the action's writes
 * carry an automation origin with the chain depth, so rules do not re-fire themselves by
 * accident. Formula columns are computed for the rows before and after the change. Refusals
 * worth knowing (a loop stopped, a rate limit hit, a broken rule) go to the same run log.
 */
import { decide, type TriggerChange } from "../../automation/triggers/decide";
import { TableFormulas } from "../../schema/computed";
import { type CompiledFormula, compile } from "../../schema/formula";
import type { AutomationOrigin, CellValue, Origin } from "../../schema/tables";
import type { TriggerRule } from "../../schema/triggers";
import { columnsOf, type DocName, readRow, rulesOf } from "../../sync/layout";
import type { ChangeBatch, Room } from "../../sync/room";
import type { ActionRunner } from "./actions";
import type { RunLog } from "./run-log";

/** How long a row must be quiet before rules look at it: typing a value is several edits. */
export const TRIGGER_DEBOUNCE_MS = 300;
/** Refusals that say something about the rule, worth a line in the run log. */
const LOGGED_REFUSALS = new Set(["chain_too_deep", "rate_limited", "broken"]);

type Pending = { before: Record<string, CellValue> | null; changed: Set<string>; origin: Origin };

export interface TriggerRunnerDeps {
  room: Room;
  log: RunLog;
  actions: ActionRunner;
  blockOf(rowId: string): DocName | null;
}

/** The rules the change feed runs: enabled ones that start on a row change. */
const changeRules = (rules: TriggerRule[]) => rules.filter((r) => r.enabled && r.start.kind === "change");

export class TriggerRunner {
  private readonly pending = new Map<string, Pending>();
  private readonly compiled = new Map<string, CompiledFormula>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Resolves when the current flush is done (tests and the RPC wait on it). */
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TriggerRunnerDeps) {}

  /** Gathers a committed batch of row changes; rules look at them after a quiet spell. */
  observe(batch: ChangeBatch): void {
    if (batch.doc === "manifest") return;
    // Most tables have no rules: their edits must not pay for snapshots and timers.
    if (changeRules(rulesOf(this.deps.room.open("manifest"))).length === 0) return;
    const block = this.deps.room.open(batch.doc);
    for (const change of batch.changes) {
      if (change.kind === "delete") {
        this.pending.delete(change.rowId);
        continue;
      }
      const known = this.pending.get(change.rowId);
      if (change.kind === "insert") {
        this.pending.set(change.rowId, {
          before: null,
          changed: new Set(Object.keys(change.cells)),
          origin: batch.origin,
        });
        continue;
      }
      const now = readRow(block, change.rowId) ?? {};
      const before = known ? known.before : { ...now };
      if (!known && before) {
        for (const [col, diff] of Object.entries(change.cells)) {
          if (diff.old === undefined) delete before[col];
          else before[col] = diff.old;
        }
      }
      const changed = new Set([...(known?.changed ?? []), ...Object.keys(change.cells)]);
      this.pending.set(change.rowId, { before, changed, origin: batch.origin });
    }
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flushing = this.flushing.then(() => this.flush());
      }, TRIGGER_DEBOUNCE_MS);
    }
  }

  /** Waits until every gathered change has been looked at and every action has run (or is queued). */
  async settle(): Promise<void> {
    while (this.timer || this.pending.size > 0) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        this.flushing = this.flushing.then(() => this.flush());
      }
      await this.flushing;
    }
    await this.flushing;
  }

  /** A rule's condition, compiled once per version. */
  condition(rule: TriggerRule): CompiledFormula {
    const key = `${rule.id}@${rule.version}`;
    let compiled = this.compiled.get(key);
    if (!compiled || compiled.text !== rule.when) {
      compiled = compile(rule.when);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    const manifest = this.deps.room.open("manifest");
    const rules = changeRules(rulesOf(manifest));
    if (rules.length === 0) return;
    const columns = columnsOf(manifest);
    const formulas = TableFormulas.of(columns);
    const nameOf = (id: string) => columns.find((c) => c.id === id)?.name ?? id;
    const clock = new Date();
    for (const [rowId, pending] of batch) {
      const block = this.deps.blockOf(rowId);
      const after = block ? readRow(this.deps.room.open(block), rowId) : null;
      // A formula column changes when a column it reads changes.
      const changed = [...pending.changed, ...formulas.affectedBy(pending.changed)];
      const change: TriggerChange = {
        rowId,
        changed: [...new Set(changed)].map(nameOf),
        before: pending.before ? formulas.named(pending.before, () => clock) : null,
        after: after ? formulas.named(after, () => clock) : null,
        origin: pending.origin,
      };
      for (const rule of rules) await this.consider(rule, change);
    }
  }

  private async consider(rule: TriggerRule, change: TriggerChange): Promise<void> {
    const { log } = this.deps;
    const now = Date.now();
    const decision = decide(rule, this.condition(rule), change, log, now);
    const entry = {
      ruleId: rule.id,
      rowId: change.rowId,
      at: now,
      action: rule.action.name,
      source: "change" as const,
    };
    if (decision.type === "skip") {
      if (LOGGED_REFUSALS.has(decision.reason))
        log.add({ ...entry, key: null, outcome: decision.reason, detail: decision.message });
      // An automation's write made a rule true again on a row it already acted on: rules are
      // answering each other. The firing key stops it; the log says so.
      if (decision.reason === "already_fired" && change.origin.kind === "automation") {
        const by = change.origin.ruleId ? ` (rule “${change.origin.ruleId}” wrote the change)` : "";
        log.add({
          ...entry,
          key: null,
          outcome: "loop_stopped",
          detail: `Stopped a loop: this rule already acted on this row${by}.`,
        });
      }
      return;
    }
    const runId = log.add({ ...entry, key: decision.key, outcome: "queued", detail: "" });
    const origin: AutomationOrigin = { kind: "automation", job: decision.key, ruleId: rule.id, depth: decision.depth };
    await this.deps.actions.dispatch({
      runId,
      action: rule.action,
      rowId: change.rowId,
      row: change.after ?? {},
      origin,
      ruleId: rule.id,
      columnId: null,
    });
  }
}

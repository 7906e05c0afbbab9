/**
 * Trigger rules on a TableRoom's row-change feed. Changes are gathered per row for a short
 * quiet spell (a burst of edits settles into one look), then each enabled rule decides
 * (`automation/triggers`) whether it fires; a firing is stored under its idempotency key before
 * its action runs, and the action's writes carry an automation origin with the chain depth, so
 * rules do not re-fire themselves by accident. Refusals worth knowing (a loop stopped, a rate
 * limit hit, a broken rule) go to the same run log.
 */
import { and, count, desc, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { runAction } from "../../automation/actions";
import { guardFor } from "../../automation/contact/guard";
import { decide, type NamedCells, type TriggerChange } from "../../automation/triggers/decide";
import { type CompiledFormula, compile } from "../../schema/formula";
import { triggerRun } from "../../schema/room";
import type { CellValue, ColumnDef, Origin } from "../../schema/tables";
import type { TriggerRule } from "../../schema/triggers";
import { columnsOf, type DocName, readRow, rulesOf } from "../../sync/layout";
import type { ChangeBatch, Room } from "../../sync/room";

/** How long a row must be quiet before rules look at it: typing a value is several edits. */
export const TRIGGER_DEBOUNCE_MS = 300;
/** Entries kept in the run log per table; older ones are dropped as new ones come. */
const RUN_LOG_KEEP = 5_000;
/** Refusals that say something about the rule, worth a line in the run log. */
const LOGGED_REFUSALS = new Set(["chain_too_deep", "rate_limited", "broken"]);

type Pending = { before: Record<string, CellValue> | null; changed: Set<string>; origin: Origin };

export interface TriggerRunnerDeps {
  room: Room;
  db: DrizzleSqliteDODatabase<Record<string, unknown>>;
  blockOf(rowId: string): DocName | null;
  /** Writes cells (by column name or id) into a row with the given origin. */
  write(rowId: string, cells: Record<string, CellValue>, origin: Origin): { ok: true } | { ok: false; message: string };
  env: Pick<Env, "ROWPILOT_ENV">;
}

export type TriggerRunEntry = typeof triggerRun.$inferSelect;

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
    if (!rulesOf(this.deps.room.open("manifest")).some((r) => r.enabled)) return;
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

  /** Waits until every gathered change has been looked at and every action has run. */
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

  runs(limit: number): { runs: TriggerRunEntry[]; fired: number } {
    const { db } = this.deps;
    const runs = db.select().from(triggerRun).orderBy(desc(triggerRun.id)).limit(limit).all();
    const fired = db.select({ n: count() }).from(triggerRun).where(isNotNull(triggerRun.key)).get()?.n ?? 0;
    return { runs, fired };
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    const manifest = this.deps.room.open("manifest");
    const rules = rulesOf(manifest).filter((r) => r.enabled);
    if (rules.length === 0) return;
    const columns = columnsOf(manifest);
    for (const [rowId, pending] of batch) {
      const block = this.deps.blockOf(rowId);
      const after = block ? readRow(this.deps.room.open(block), rowId) : null;
      const change: TriggerChange = {
        rowId,
        changed: [...pending.changed].map((id) => columns.find((c) => c.id === id)?.name ?? id),
        before: pending.before ? named(pending.before, columns) : null,
        after: after ? named(after, columns) : null,
        origin: pending.origin,
      };
      for (const rule of rules) await this.consider(rule, change);
    }
  }

  private async consider(rule: TriggerRule, change: TriggerChange): Promise<void> {
    const { db } = this.deps;
    const now = Date.now();
    const decision = decide(
      rule,
      this.condition(rule),
      change,
      {
        hasFired: (key) => db.select().from(triggerRun).where(eq(triggerRun.key, key)).get() !== undefined,
        firingsSince: (ruleId, since) =>
          db
            .select({ n: count() })
            .from(triggerRun)
            .where(and(eq(triggerRun.ruleId, ruleId), gte(triggerRun.at, since), isNotNull(triggerRun.key)))
            .get()?.n ?? 0,
      },
      now,
    );
    const log = (outcome: string, detail: string, key: string | null = null) => {
      const id = db
        .insert(triggerRun)
        .values({ key, ruleId: rule.id, rowId: change.rowId, at: now, action: rule.action.name, outcome, detail })
        .returning({ id: triggerRun.id })
        .get().id;
      if (id > RUN_LOG_KEEP)
        db.delete(triggerRun)
          .where(lt(triggerRun.id, id - RUN_LOG_KEEP))
          .run();
      return id;
    };
    if (decision.type === "skip") {
      if (LOGGED_REFUSALS.has(decision.reason)) log(decision.reason, decision.message);
      // An automation's write made a rule true again on a row it already acted on: rules are
      // answering each other. The firing key stops it; the log says so.
      if (decision.reason === "already_fired" && change.origin.kind === "automation") {
        const by = change.origin.ruleId ? ` (rule “${change.origin.ruleId}” wrote the change)` : "";
        log("loop_stopped", `Stopped a loop: this rule already acted on this row${by}.`);
      }
      return;
    }
    const runId = log("running", "", decision.key);
    const origin: Origin = { kind: "automation", job: decision.key, ruleId: rule.id, depth: decision.depth };
    const outcome = await runAction(rule.action.name, rule.action.params, {
      ruleId: rule.id,
      rowId: change.rowId,
      row: change.after ?? {},
      setCells: (cells) => this.deps.write(change.rowId, cells, origin),
      // A guard per firing: its DNS answers are cached only for that one request.
      guard: guardFor(this.deps.env.ROWPILOT_ENV),
      fetch: (input, init) => fetch(input, init),
    });
    db.update(triggerRun)
      .set({ outcome: outcome.outcome, detail: outcome.detail })
      .where(eq(triggerRun.id, runId))
      .run();
  }

  private condition(rule: TriggerRule): CompiledFormula {
    const key = `${rule.id}@${rule.version}`;
    let compiled = this.compiled.get(key);
    if (!compiled || compiled.text !== rule.when) {
      compiled = compile(rule.when);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

function named(cells: Record<string, CellValue>, columns: ColumnDef[]): NamedCells {
  const out: NamedCells = {};
  for (const column of columns) out[column.name] = cells[column.id] ?? null;
  return out;
}

/**
 * Scheduled and webhook rules: when the cron tick or the webhook call comes, the rule looks at
 * every row (read from the row index, a page at a time, formula columns computed) and acts on
 * each row where its condition holds, once per row and run. The run id (the tick's due time, the
 * call's idempotency key) makes a repeated tick or call act on no row twice.
 */
import { decideRun } from "../../automation/triggers/decide";
import { TableFormulas } from "../../schema/computed";
import type { ColumnDef } from "../../schema/tables";
import type { RuleStart, TriggerRule } from "../../schema/triggers";
import type { ActionRunner } from "./actions";
import type { RowIndex } from "./row-index";
import type { RunLog } from "./run-log";
import type { WriteResult } from "./table-room";
import type { TriggerRunner } from "./triggers";

/** Rows read from the index at a time: a block's worth, so memory stays flat on big tables. */
const PAGE_ROWS = 1_000;

export type RuleRun = { source: Exclude<RuleStart["kind"], "change">; id: string };
export type RuleRunResult = { matched: number; fired: number };

export interface RuleRunDeps {
  rules(): TriggerRule[];
  columns(): ColumnDef[];
  index: RowIndex;
  log: RunLog;
  actions: ActionRunner;
  triggers: TriggerRunner;
}

/**
 * Runs a scheduled or webhook rule over the table's rows.
 * @example await runRule(deps, "nightly", { source: "schedule", id: "2026-11-22T03:00:00.000Z" })
 */
export async function runRule(deps: RuleRunDeps, ruleId: string, run: RuleRun): Promise<WriteResult<RuleRunResult>> {
  const rule = deps.rules().find((r) => r.id === ruleId);
  if (!rule) return { ok: false, status: 404, message: "Rule not found" };
  if (rule.start.kind !== run.source)
    return { ok: false, status: 409, message: `The rule starts on ${rule.start.kind}, not by ${run.source}` };
  if (!rule.enabled) return { ok: false, status: 409, message: "The rule is turned off" };
  const columns = deps.columns();
  const types = new Map(columns.map((c) => [c.id, c.type]));
  const formulas = TableFormulas.of(columns);
  const condition = deps.triggers.condition(rule);
  const entry = { ruleId: rule.id, action: rule.action.name, source: run.source };
  const result: RuleRunResult = { matched: 0, fired: 0 };
  let brokenLogged = false;
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const { rows } = deps.index.query({ limit: PAGE_ROWS, offset, sort: [], filters: [] }, types);
    for (const { id: rowId, cells } of rows) {
      const now = Date.now();
      const row = formulas.named(cells, () => new Date(now));
      const decision = decideRun(rule, condition, rowId, row, run.id, deps.log, now);
      if (decision.type === "skip") {
        if (decision.reason === "no_match") continue;
        if (decision.reason === "already_fired") {
          result.matched++;
          continue;
        }
        // One line in the log per run, not one per row: a spent rate ends the run, an error on
        // one row leaves the others to act on.
        const line = { ...entry, rowId, at: now, key: null, outcome: decision.reason, detail: decision.message };
        if (decision.reason === "rate_limited") {
          deps.log.add(line);
          return { ok: true, value: result };
        }
        if (!brokenLogged) deps.log.add(line);
        brokenLogged = true;
        continue;
      }
      result.matched++;
      const runId = deps.log.add({ ...entry, rowId, at: now, key: decision.key, outcome: "queued", detail: "" });
      await deps.actions.dispatch({
        runId,
        action: rule.action,
        rowId,
        row,
        origin: { kind: "automation", job: decision.key, ruleId: rule.id, depth: decision.depth },
        ruleId: rule.id,
        columnId: null,
      });
      result.fired++;
    }
    if (rows.length < PAGE_ROWS) return { ok: true, value: result };
  }
}

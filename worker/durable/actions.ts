/**
 * Runs the action of a rule firing or a button press, the same way for both. Actions that stay
 * in the room (`set-fields`) run at once; those that leave it (`webhook`) go to the
 * `action-jobs` queue, whose consumer claims the run here, reports each try and the result.
 * Every state change is written to the run log entry and, for a button, into its cell.
 */
import { checkAction, runAction, type SetCellsResult } from "../../automation/actions";
import { guardFor } from "../../automation/contact/guard";
import type { NamedCells } from "../../automation/triggers/decide";
import { type ActionJob, jobIdOf } from "../../schema/action-jobs";
import type { ButtonRun } from "../../schema/buttons";
import type { AutomationOrigin, CellValue } from "../../schema/tables";
import type { TriggerAction } from "../../schema/triggers";
import { FINAL_OUTCOMES, type RunLog } from "./run-log";

export type RunState = ButtonRun["state"];

export interface ActionRunnerDeps {
  log: RunLog;
  tableId(): string;
  queue: { send(job: ActionJob): Promise<unknown> };
  /** The row as actions see it (cells by column name, formulas computed), or null once deleted. */
  rowView(rowId: string): NamedCells | null;
  write(rowId: string, cells: Record<string, CellValue>, origin: AutomationOrigin): SetCellsResult;
  /** Rewrites a button cell: `next` gets the cell's run and gives the new one, or null to leave it. */
  writeButton(rowId: string, columnId: string, next: (run: ButtonRun | null) => ButtonRun | null): void;
  env: Pick<Env, "ROWPILOT_ENV">;
}

export interface Dispatch {
  runId: number;
  action: TriggerAction;
  rowId: string;
  row: NamedCells;
  origin: AutomationOrigin;
  ruleId: string | null;
  columnId: string | null;
}

/** What a job's consumer may do: run the action on this row, or nothing (the run is over). */
export type Claim = { type: "run"; row: NamedCells } | { type: "done"; outcome: string };

export class ActionRunner {
  constructor(private readonly deps: ActionRunnerDeps) {}

  /** Starts the action of a run already logged as queued; gives the state it is in when this returns. */
  async dispatch(run: Dispatch): Promise<RunState> {
    const checked = checkAction(run.action.name, run.action.params);
    if (!checked.ok) return this.finish(run.runId, "failed", checked.detail, 0);
    if (checked.leavesRoom) {
      const tableId = this.deps.tableId();
      const jobId = jobIdOf(tableId, run.runId);
      const { runId, action, rowId, ruleId, columnId, origin } = run;
      this.deps.log.update(runId, { jobId });
      try {
        await this.deps.queue.send({ tableId, runId, jobId, action, rowId, ruleId, columnId, origin });
      } catch (error) {
        return this.finish(run.runId, "failed", `Could not queue the action: ${(error as Error).message}`, 0);
      }
      // The run was logged (and its button cell written) as queued already.
      return "queued";
    }
    this.move(run.runId, "running", "", 1);
    const outcome = await runAction(run.action.name, run.action.params, {
      ruleId: run.ruleId,
      columnId: run.columnId,
      rowId: run.rowId,
      row: run.row,
      setCells: async (cells) => this.deps.write(run.rowId, cells, run.origin),
      // A guard per run: its DNS answers are cached only for that one request.
      guard: guardFor(this.deps.env.ROWPILOT_ENV),
      fetch: (input, init) => fetch(input, init),
    });
    return this.finish(run.runId, outcome.outcome, outcome.detail, 1);
  }

  /** A job's consumer asks to run try number `attempt`: refused once the run is over. */
  claim(runId: number, attempt: number): Claim {
    const entry = this.deps.log.get(runId);
    if (!entry) return { type: "done", outcome: "gone" };
    if (FINAL_OUTCOMES.has(entry.outcome)) return { type: "done", outcome: entry.outcome };
    const row = this.deps.rowView(entry.rowId);
    if (!row) {
      this.finish(runId, "failed", "The row was deleted before the action ran", attempt - 1);
      return { type: "done", outcome: "failed" };
    }
    this.move(runId, "running", "", attempt);
    return { type: "run", row };
  }

  /** Try `attempt` failed and the consumer will try again after `delaySeconds`. */
  retrying(runId: number, attempt: number, detail: string, delaySeconds: number): void {
    this.move(runId, "queued", `Try ${attempt} failed (${detail}); trying again in ${delaySeconds} s`, attempt);
  }

  /** The run is over. */
  finish(runId: number, outcome: "succeeded" | "failed", detail: string, attempts: number): RunState {
    return this.move(runId, outcome, detail, attempts);
  }

  private move(runId: number, state: RunState, detail: string, attempts?: number): RunState {
    const { log } = this.deps;
    log.update(runId, { outcome: state, detail, ...(attempts === undefined ? {} : { attempts }) });
    const entry = log.get(runId);
    if (entry?.source === "button" && entry.columnId) {
      const at = new Date().toISOString();
      this.deps.writeButton(entry.rowId, entry.columnId, (run) =>
        run?.runId === runId ? { ...run, state, at, detail } : null,
      );
    }
    return state;
  }
}

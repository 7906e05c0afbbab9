/**
 * What a TableRoom automates, wired together: the run log, the ActionRunner (actions of rules
 * and buttons, inline or as queue jobs), change rules on the row feed, scheduled and webhook rule
 * runs, button presses, and the formula columns rows are seen with. The TableRoom gives it the
 * room, the row index and its row writes, and exposes these methods over RPC.
 */
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { type ButtonRun, buttonRunOf } from "../../schema/buttons";
import { TableFormulas } from "../../schema/computed";
import type { CellValue, ColumnDef, Origin, RowRecord } from "../../schema/tables";
import { columnsOf, readRow, rulesOf, setCells } from "../../sync/layout";
import type { ChangeBatch, Room } from "../../sync/room";
import { ActionRunner, type RunState } from "./actions";
import { pressButton } from "./buttons";
import type { RowIndex } from "./row-index";
import { type RuleRun, type RuleRunResult, runRule } from "./rule-runs";
import { type RunEntry, RunLog } from "./run-log";
import type { WriteResult } from "./table-room";
import { TriggerRunner } from "./triggers";

export interface RoomAutomationDeps {
  db: DrizzleSqliteDODatabase<Record<string, unknown>>;
  room: Room;
  index: RowIndex;
  env: Env;
  tableId(): string;
  /** The room's checked row write (cells by column name or id). */
  patchRow(rowId: string, cells: Record<string, CellValue>, origin: Origin): WriteResult<RowRecord>;
}

export class RoomAutomation {
  readonly log: RunLog;
  readonly actions: ActionRunner;
  private readonly triggers: TriggerRunner;

  constructor(private readonly deps: RoomAutomationDeps) {
    this.log = new RunLog(deps.db);
    this.actions = new ActionRunner({
      log: this.log,
      tableId: deps.tableId,
      queue: deps.env.ACTIONS_QUEUE,
      rowView: (rowId) => this.rowView(rowId),
      write: (rowId, cells, origin) => {
        const written = deps.patchRow(rowId, cells, origin);
        return written.ok ? { ok: true } : { ok: false, message: written.message };
      },
      writeButton: (rowId, columnId, next) => this.writeButton(rowId, columnId, next),
      env: deps.env,
    });
    this.triggers = new TriggerRunner({
      room: deps.room,
      log: this.log,
      actions: this.actions,
      blockOf: (rowId) => deps.index.blockOf(rowId),
    });
  }

  /** Feeds a committed batch of row changes to the change rules. */
  observe(batch: ChangeBatch): void {
    this.triggers.observe(batch);
  }

  /** The run log, newest first, once every gathered change has been looked at. */
  async runs(limit: number): Promise<{ runs: RunEntry[]; fired: number }> {
    await this.triggers.settle();
    return this.log.list(limit);
  }

  runRule(ruleId: string, run: RuleRun): Promise<WriteResult<RuleRunResult>> {
    const { room, index } = this.deps;
    return runRule(
      {
        rules: () => rulesOf(room.open("manifest")),
        columns: () => this.columns(),
        index,
        log: this.log,
        actions: this.actions,
        triggers: this.triggers,
      },
      ruleId,
      run,
    );
  }

  pressButton(rowId: string, columnId: string, by: string): Promise<WriteResult<{ runId: number; state: RunState }>> {
    return pressButton(
      {
        columns: () => this.columns(),
        cells: (id) => this.storedRow(id),
        log: this.log,
        actions: this.actions,
        writeButton: (id, column, next) => this.writeButton(id, column, next),
      },
      { rowId, columnId, by },
    );
  }

  /** Rows with their formula columns computed (formula values are never stored). */
  withFormulas<R extends RowRecord>(rows: R[], columns = this.columns()): R[] {
    const formulas = TableFormulas.of(columns);
    if (formulas.ids.size === 0) return rows;
    const now = new Date();
    return rows.map((r) => ({ ...r, cells: formulas.compute(r.cells, () => now) }));
  }

  private columns(): ColumnDef[] {
    return columnsOf(this.deps.room.open("manifest"));
  }

  private storedRow(rowId: string): Record<string, CellValue> | null {
    const block = this.deps.index.blockOf(rowId);
    return block ? readRow(this.deps.room.open(block), rowId) : null;
  }

  /** A row as actions see it: cells by column name, formula columns computed. */
  private rowView(rowId: string): Record<string, CellValue> | null {
    const cells = this.storedRow(rowId);
    return cells ? TableFormulas.of(this.columns()).named(cells) : null;
  }

  /**
   * Writes a button cell as the room itself: people may not write button cells (`cellProblem`
   * refuses them in the room's row writes), so this goes around those.
   */
  private writeButton(rowId: string, columnId: string, next: (run: ButtonRun | null) => ButtonRun | null): void {
    const block = this.deps.index.blockOf(rowId);
    if (!block) return;
    const run = next(buttonRunOf(readRow(this.deps.room.open(block), rowId)?.[columnId]));
    if (!run) return;
    const origin: Origin = { kind: "automation", job: `button:${run.runId}` };
    this.deps.room.write(block, origin, (b) => setCells(b, rowId, { [columnId]: run }));
  }
}

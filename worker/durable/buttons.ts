/**
 * Pressing a button cell: the column must be a button, the row must exist, the button must not
 * be disabled for the row (`disabledWhen`) nor busy with an earlier press (queued or running:
 * clicking twice does nothing twice). A press is a run log entry and a `ButtonRun` in the cell,
 * then the column's action runs through the ActionRunner, as a rule's would.
 */
import { ButtonOptions, ButtonRun, buttonBlocked, buttonRunOf, isBusy } from "../../schema/buttons";
import { TableFormulas } from "../../schema/computed";
import type { CellValue, ColumnDef } from "../../schema/tables";
import type { ActionRunner, RunState } from "./actions";
import type { RunLog } from "./run-log";
import type { WriteResult } from "./table-room";

export interface ButtonDeps {
  columns(): ColumnDef[];
  /** The row's stored cells by column id, or null when there is no such row. */
  cells(rowId: string): Record<string, CellValue> | null;
  log: RunLog;
  actions: ActionRunner;
  writeButton(rowId: string, columnId: string, next: (run: ButtonRun | null) => ButtonRun | null): void;
}

export type Press = { rowId: string; columnId: string; by: string };

/** Presses the button in `columnId` of `rowId` on behalf of `by`. */
export async function pressButton(
  deps: ButtonDeps,
  press: Press,
): Promise<WriteResult<{ runId: number; state: RunState }>> {
  const columns = deps.columns();
  const column = columns.find((c) => c.id === press.columnId);
  if (!column) return { ok: false, status: 404, message: "Column not found" };
  if (column.type !== "button")
    return { ok: false, status: 400, message: `"${column.name}" is a ${column.type} column, not a button` };
  const options = ButtonOptions.safeParse(column.options);
  if (!options.success)
    return {
      ok: false,
      status: 400,
      message: `"${column.name}" has no valid action: ${options.error.issues[0]?.message}`,
    };
  const cells = deps.cells(press.rowId);
  if (!cells) return { ok: false, status: 404, message: "Row not found" };

  const previous = buttonRunOf(cells[column.id]);
  if (isBusy(previous))
    return {
      ok: false,
      status: 409,
      message: `Already ${previous!.state} since ${previous!.at}; wait for it to finish`,
    };
  const now = Date.now();
  const row = TableFormulas.of(columns).named(cells, () => new Date(now));
  const { disabledWhen, action } = options.data;
  const blocked = buttonBlocked(options.data, row, () => new Date(now));
  if (blocked?.kind === "error")
    return {
      ok: false,
      status: 409,
      message: `The button's disabledWhen gives ${blocked.error.error}: ${blocked.error.message}`,
    };
  if (blocked) return { ok: false, status: 409, message: `The button is disabled for this row (${disabledWhen})` };

  const key = `button:${crypto.randomUUID()}`;
  const runId = deps.log.add({
    key,
    ruleId: column.id,
    columnId: column.id,
    rowId: press.rowId,
    at: now,
    action: action.name,
    outcome: "queued",
    detail: "",
    source: "button",
  });
  const queued = ButtonRun.parse({ state: "queued", at: new Date(now).toISOString(), runId, by: press.by });
  deps.writeButton(press.rowId, column.id, () => queued);
  const state = await deps.actions.dispatch({
    runId,
    action,
    rowId: press.rowId,
    row,
    origin: { kind: "automation", job: key, depth: 1 },
    ruleId: null,
    columnId: column.id,
  });
  return { ok: true, value: { runId, state } };
}

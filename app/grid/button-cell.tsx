/**
 * A button column's cell: runs the column's action on its row through the API, asks first when
 * the column says so, and shows the run live from the cell the TableRoom writes (queued,
 * running, succeeded, failed with the error) with the time of the last run.
 */
import { Check, Clock, LoaderCircle, Play, X } from "lucide-react";
import { useState } from "react";
import { ButtonOptions, buttonBlocked, buttonRunOf, isBusy } from "../../schema/buttons";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { ConfirmDialog } from "../components/confirm-dialog";
import { apiJson } from "../lib/api-client";
import { formatAgo } from "./time";

/** Options of a button column, or null when they are not usable (no action chosen yet). */
export function buttonOptionsOf(column: ColumnDef): ButtonOptions | null {
  const parsed = ButtonOptions.safeParse(column.options);
  return parsed.success ? parsed.data : null;
}

/** Why the button is shut for the row (its disabled-when formula holds, or errs), or null. */
export function disabledFor(options: ButtonOptions, named: Record<string, CellValue>): string | null {
  const blocked = buttonBlocked(options, named);
  if (blocked?.kind === "error") return `Its condition has an error: ${blocked.error.message}`;
  return blocked ? "Not available for this row" : null;
}

/** Asks the TableRoom to run the button's action on the row; the answer's message on refusal. */
export async function pressButton(tableId: string, rowId: string, columnId: string): Promise<string | null> {
  const path = `/api/tables/${encodeURIComponent(tableId)}/rows/${encodeURIComponent(rowId)}/buttons/${encodeURIComponent(columnId)}`;
  try {
    await apiJson(path, { method: "POST", body: {} });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const STATE_ICON = {
  queued: <Clock className="h-3.5 w-3.5" aria-hidden />,
  running: <LoaderCircle className="h-3.5 w-3.5 animate-spin" aria-hidden />,
  succeeded: <Check className="h-3.5 w-3.5 text-success" aria-hidden />,
  failed: <X className="h-3.5 w-3.5 text-danger" aria-hidden />,
};
const STATE_LABEL = { queued: "Queued", running: "Running", succeeded: "Done", failed: "Failed" };

type Props = {
  tableId: string;
  rowId: string;
  column: ColumnDef;
  value: CellValue | undefined;
  named: Record<string, CellValue>;
  readOnly: boolean;
};

export function ButtonCell({ tableId, rowId, column, value, named, readOnly }: Props) {
  const options = buttonOptionsOf(column);
  const run = buttonRunOf(value);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const busy = sending || isBusy(run);
  const blocked = options ? disabledFor(options, named) : "Choose an action for this button column";
  const why = readOnly
    ? "You can view this table but not run its actions"
    : (blocked ?? (busy ? "Already running" : null));

  const press = async () => {
    if (busy || why) return;
    setSending(true);
    setProblem(await pressButton(tableId, rowId, column.id));
    setSending(false);
  };
  const label = options?.label ?? "Run";
  return (
    <span className="flex w-full min-w-0 items-center gap-2">
      <button
        type="button"
        data-button-cell=""
        aria-label={`${label} (${column.name})`}
        aria-disabled={Boolean(why) || busy}
        title={why ?? undefined}
        onMouseDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          if (options?.confirm && !why && !busy) setAsking(true);
          else void press();
        }}
        className="inline-flex h-6 shrink-0 items-center gap-1 rounded border border-line bg-surface-2 px-2 text-xs font-medium hover:bg-accent-soft aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      >
        <Play className="h-3 w-3" aria-hidden />
        {label}
      </button>
      {problem ? (
        <span role="alert" className="truncate text-xs text-danger" title={problem}>
          {problem}
        </span>
      ) : run ? (
        <span
          data-run-state={run.state}
          title={run.detail || STATE_LABEL[run.state]}
          className={`flex min-w-0 items-center gap-1 text-xs ${run.state === "failed" ? "text-danger" : "text-muted"}`}
        >
          {STATE_ICON[run.state]}
          <span className="truncate">
            {STATE_LABEL[run.state]}
            {run.state === "failed" && run.detail ? (
              `: ${run.detail}`
            ) : (
              <>
                {" · "}
                <time dateTime={run.at} suppressHydrationWarning>
                  {formatAgo(run.at)}
                </time>
              </>
            )}
          </span>
        </span>
      ) : null}
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={label}
        body={options?.confirm}
        action={label}
        variant="primary"
        onConfirm={() => void press()}
      />
    </span>
  );
}

/** What the table's rules and buttons did, newest first, refreshed while it is on screen. */
import { useEffect, useState } from "react";
import type { ColumnDef } from "../../schema/tables";
import type { TriggerRule } from "../../schema/triggers";
import { apiJson } from "../lib/api-client";
import { inputText } from "./parse";
import { formatAgo } from "./time";
import type { GridRow } from "./use-table";

/** A run log entry as the API gives it (fields a later server may add are ignored). */
type Run = {
  id: number;
  ruleId: string;
  rowId: string | null;
  at: number;
  action: string;
  outcome: string;
  detail: string;
};

/** Often enough to watch a rule act, rarely enough not to matter to the room. */
const REFRESH_MS = 2_000;

/** How a run log shows each outcome: errors red, refusals amber. */
export const OUTCOME_TONE: Record<string, string> = {
  succeeded: "text-success",
  failed: "text-danger",
  broken: "text-danger",
  loop_stopped: "text-amber-600",
  rate_limited: "text-amber-600",
  chain_too_deep: "text-amber-600",
};

export function RunLog({
  base,
  rules,
  rows,
  columns,
}: {
  base: string;
  rules: TriggerRule[];
  rows: GridRow[];
  columns: ColumnDef[];
}) {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [fired, setFired] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const body = await apiJson<{ runs: Run[]; fired: number }>(`${base}/runs?limit=100`);
        if (!live) return;
        setRuns(body.runs);
        setFired(body.fired);
        setProblem(null);
      } catch (error) {
        if (live) setProblem((error as Error).message);
      }
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [base]);

  const primary = columns[0];
  const rowName = (rowId: string | null) => {
    if (!rowId) return "—";
    const index = rows.findIndex((r) => r.id === rowId);
    if (index < 0) return "a deleted row";
    const text = primary ? inputText(rows[index]!.cells[primary.id]) : "";
    return `Row ${index + 1}${text ? ` · ${text.slice(0, 30)}` : ""}`;
  };
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.name ?? id;
  if (problem)
    return (
      <p role="alert" className="text-[13px] text-danger">
        {problem}
      </p>
    );
  if (runs === null) return <p className="text-[13px] text-muted">Loading the log…</p>;
  if (runs.length === 0)
    return (
      <p className="text-[13px] text-muted">
        Nothing has run yet. Runs appear here as rules fire and buttons are pressed.
      </p>
    );
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-muted">{fired.toLocaleString()} firings in all; the newest 100 entries:</p>
      <table aria-label="Run log" className="w-full text-left text-xs">
        <thead className="text-muted">
          <tr>
            <th className="py-1 font-medium">When</th>
            <th className="py-1 font-medium">Rule</th>
            <th className="py-1 font-medium">Row</th>
            <th className="py-1 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-line align-top">
              <td className="py-1.5 pr-2 whitespace-nowrap text-muted">{formatAgo(new Date(run.at).toISOString())}</td>
              <td className="py-1.5 pr-2">{ruleName(run.ruleId)}</td>
              <td className="py-1.5 pr-2">{rowName(run.rowId)}</td>
              <td className={`py-1.5 ${OUTCOME_TONE[run.outcome] ?? ""}`} title={run.detail}>
                <span className="font-medium">{run.outcome.replaceAll("_", " ")}</span>
                {run.detail ? <span className="block text-muted">{run.detail}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The workspace's run log: what every table's rules and buttons did, newest first. */
import { Zap } from "lucide-react";
import { useEffect } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import type { WorkspaceRun } from "../../schema/triggers";
import { Card, DateTime, EmptyState, PageHeader } from "../components/ui";
import { OUTCOME_TONE } from "../grid/run-log";
import { apiGet } from "../lib/api.server";
import type { Route } from "./+types/automations";

export const meta: Route.MetaFunction = () => [{ title: "Automations · Rowpilot" }];

/** Often enough to watch jobs finish, rarely enough that every table's room is not asked all the time. */
const REFRESH_MS = 5_000;
/** Run log entries that no rule made, named by what made them. */
const SOURCE_LABELS: Record<string, string> = { button: "Button", payments: "Payments" };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<{ runs: WorkspaceRun[] }>(
    context,
    request,
    `/api/triggers/runs?limit=200&workspace=${encodeURIComponent(params.slug)}`,
  );
}

export default function AutomationsPage({ params }: Route.ComponentProps) {
  const { runs } = useLoaderData<typeof loader>();
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => void revalidate(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidate]);
  return (
    <>
      <PageHeader
        title="Automations"
        description="What rules and buttons did on every table: each run, its row, its outcome and any error."
      />
      <Card>
        {runs.length === 0 ? (
          <EmptyState icon={<Zap className="h-7 w-7" />} title="Nothing has run yet">
            Add a rule or a button column from a table's Automations panel.
          </EmptyState>
        ) : (
          <table aria-label="Run log" className="w-full text-left text-[13px]">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-2 font-medium">When</th>
                <th className="py-2 font-medium">Table</th>
                <th className="py-2 font-medium">Started by</th>
                <th className="py-2 font-medium">Action</th>
                <th className="py-2 font-medium">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr
                  key={`${run.tableId}:${run.firedAt}:${run.rowId}:${run.ruleId ?? run.columnId}`}
                  className="border-t border-line align-top"
                >
                  <td className="py-2 pr-3 whitespace-nowrap text-muted">
                    <DateTime iso={run.firedAt} />
                  </td>
                  <td className="py-2 pr-3">
                    <Link to={`/w/${params.slug}/t/${run.tableId}`} className="hover:text-accent">
                      {run.tableName}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{SOURCE_LABELS[run.source] ?? `Rule ${run.ruleId}`}</td>
                  <td className="py-2 pr-3">
                    {run.action}
                    {run.attempts > 1 ? <span className="text-xs text-muted"> · {run.attempts} tries</span> : null}
                  </td>
                  <td className={`py-2 ${OUTCOME_TONE[run.outcome] ?? ""}`}>
                    <span className="font-medium">{run.outcome.replaceAll("_", " ")}</span>
                    {run.error ? <span className="block text-xs text-muted">{run.error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

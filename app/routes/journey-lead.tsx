/** A lead's timeline: every journey they entered, the steps they took, messages, events, cap decisions and handoffs, newest first. */
import { History } from "lucide-react";
import { Link } from "react-router";
import type { LeadTimeline, TimelineEntry } from "../../schema/journeys";
import { RouteError } from "../components/route-error";
import { Badge, Card, DateTime, EmptyState, PageHeader } from "../components/ui";
import { journeysApi } from "../journeys/api";
import { apiGet } from "../lib/api.server";
import type { Route } from "./+types/journey-lead";

export const meta: Route.MetaFunction = () => [{ title: "Lead timeline · Journeys · Rowpilot" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const path = `/api/journeys/leads/${encodeURIComponent(params.tableId)}/${encodeURIComponent(params.rowId)}/timeline`;
  return apiGet<LeadTimeline>(context, request, journeysApi(params.slug, path));
}

const KIND_TONES: Record<TimelineEntry["kind"], "neutral" | "accent" | "success" | "danger"> = {
  enrolled: "accent",
  step: "neutral",
  message: "accent",
  event: "neutral",
  cap: "danger",
  handoff: "accent",
  exited: "neutral",
  finished: "success",
};

export default function LeadTimelinePage({ loaderData, params }: Route.ComponentProps) {
  const { entries } = loaderData;
  return (
    <>
      <PageHeader
        title="Lead timeline"
        description="Journeys, steps, messages, events, caps and handoffs for this lead, newest first."
        actions={
          <Link
            to={`/w/${params.slug}/t/${encodeURIComponent(params.tableId)}`}
            className="text-[13px] font-medium text-accent hover:underline"
          >
            Open the table
          </Link>
        }
      />
      {entries.length === 0 ? (
        <Card>
          <EmptyState icon={<History className="h-8 w-8" aria-hidden />} title="Nothing yet">
            This lead has not entered a journey. Enroll them from a journey's builder.
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <ol aria-label="Timeline" className="flex flex-col">
            {entries.map((e) => (
              <li
                key={`${e.at}:${e.kind}:${e.journeyId}:${e.node}:${e.detail}`}
                className="grid grid-cols-[9rem_1fr] gap-3 border-b border-line py-2 text-[13px] last:border-b-0 md:grid-cols-[11rem_6rem_1fr]"
              >
                <span className="text-xs text-muted">
                  <DateTime iso={e.at} />
                </span>
                <span>
                  <Badge tone={KIND_TONES[e.kind]}>{e.kind}</Badge>
                </span>
                <span className="col-span-2 md:col-span-1">
                  {e.journeyName && e.journeyId ? (
                    <Link
                      to={`/w/${params.slug}/journeys/${encodeURIComponent(e.journeyId)}`}
                      className="font-medium text-accent hover:underline"
                    >
                      {e.journeyName}
                    </Link>
                  ) : null}
                  {e.node ? <span className="ml-1 font-mono text-xs text-muted">{e.node}</span> : null}
                  <span className="ml-1">{e.detail}</span>
                </span>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  return (
    <div className="grid place-items-center p-6">
      <RouteError error={error} back={{ to: `/w/${params.slug}/journeys`, label: "Back to journeys" }} />
    </div>
  );
}

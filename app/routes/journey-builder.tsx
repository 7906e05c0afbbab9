/** The journey builder page: its loader reads the journey and the workspace's tables; the builder does the rest in the browser. */
import { useRouteLoaderData } from "react-router";
import type { JourneyItem } from "../../schema/journeys";
import type { TableSummary } from "../../schema/tables";
import { RouteError } from "../components/route-error";
import { journeysApi } from "../journeys/api";
import { Builder } from "../journeys/builder";
import { apiGet } from "../lib/api.server";
import type { Route } from "./+types/journey-builder";
import type { loader as workspaceLoader } from "./workspace";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const [journey, tables] = await Promise.all([
    apiGet<JourneyItem>(context, request, journeysApi(params.slug, `/api/journeys/${encodeURIComponent(params.id)}`)),
    apiGet<TableSummary[]>(context, request, `/api/tables?${new URLSearchParams({ workspace: params.slug })}`),
  ]);
  return { journey, tables: tables.map((t) => ({ id: t.id, name: t.name })) };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.journey.name} · Journeys · Rowpilot` : "Journey · Rowpilot" },
];

export default function JourneyBuilderPage({ loaderData, params }: Route.ComponentProps) {
  const role = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role;
  return (
    <Builder
      key={loaderData.journey.id}
      slug={params.slug}
      journey={loaderData.journey}
      tables={loaderData.tables}
      canWrite={role !== "viewer"}
    />
  );
}

export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  return (
    <div className="grid h-full place-items-center p-6">
      <RouteError error={error} back={{ to: `/w/${params.slug}/journeys`, label: "Back to journeys" }} />
    </div>
  );
}

/** One project: its criteria and actions, live progress while it runs, its dealerships, failures, screenshots and map. */
import { Search } from "lucide-react";
import { useState } from "react";
import {
  isRouteErrorResponse,
  Link,
  useLoaderData,
  useLocation,
  useNavigate,
  useRouteLoaderData,
  useSearchParams,
} from "react-router";
import type {
  AttemptRecord,
  DealershipRecord,
  DiscoverRequest,
  DiscoverResult,
  ProjectDetail,
  ProjectStatus,
  StartResult,
} from "../../schema/projects";
import { Button, Card, EmptyState, Notice } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { apiJson } from "../lib/api-client";
import { projectApi } from "../projects/api";
import { AttemptLog } from "../projects/detail/attempt-log";
import { DealershipTable } from "../projects/detail/dealership-table";
import { DiscoverDialog } from "../projects/detail/discover-dialog";
import { FailureGroups } from "../projects/detail/failure-groups";
import { Gallery, shotsOf } from "../projects/detail/gallery";
import { type ProjectActions, ProjectHeader } from "../projects/detail/project-header";
import { RunProgress, SummaryStats } from "../projects/detail/run-progress";
import { ATTEMPTS_SHOWN, type ProjectData, useLiveProject } from "../projects/detail/use-live-project";
import { ProjectMap } from "../projects/project-map";
import type { Route } from "./+types/projects-detail";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.project.name} · Projects · Rowpilot` : "Project · Rowpilot" },
];

export async function loader({ context, request, params }: Route.LoaderArgs): Promise<ProjectData> {
  const path = (sub = "", query: Record<string, string> = {}) => projectApi(params.slug, params.projectId, sub, query);
  const [project, { attempts }, { dealerships }] = await Promise.all([
    apiGet<ProjectDetail>(context, request, path()),
    apiGet<{ attempts: AttemptRecord[] }>(context, request, path("/attempts", { limit: String(ATTEMPTS_SHOWN) })),
    apiGet<{ dealerships: DealershipRecord[] }>(context, request, path("/dealerships")),
  ]);
  return { project, attempts, dealerships };
}

type Message = { tone: "success" | "error" | "info"; text: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function discoveredText({ found, added, skipped, problems }: DiscoverResult): string {
  const unread = problems.length
    ? ` ${plural(problems.length, "line")} of the file could not be read: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "…" : ""}`
    : "";
  if (found === 0)
    return `No dealerships of these makes were found within the radius. Try a larger radius or another source.${unread}`;
  const parts = [`Found ${plural(found, "dealership")}`, `${added.toLocaleString()} added`];
  if (skipped) parts.push(`${skipped.toLocaleString()} already in the project`);
  return `${parts.join(", ")}.${unread}`;
}

/** What the page says on arrival: after Create (`?created=1`), or what an edit left in the navigation state. */
function arrivalNotice(created: boolean, state: unknown): Message | null {
  if (created) return { tone: "success", text: "Project saved as a draft. Next, find the dealerships to contact." };
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === "string" ? { tone: "success", text: notice } : null;
}

function ProjectPage({ slug, initial, arrival }: { slug: string; initial: ProjectData; arrival: Message | null }) {
  const navigate = useNavigate();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const { project, attempts, dealerships, problem, refresh } = useLiveProject(slug, initial.project.id, initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(arrival);
  const path = (sub = "") => projectApi(slug, project.id, sub);

  /** Runs an action, says how it went, and shows its effect at once rather than at the next poll. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ tone: "success", text: await work() });
      await refresh();
    } catch (error) {
      setMessage({ tone: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const actions: ProjectActions = {
    // Dialogs show their own errors: these two reject rather than report.
    discover: async (request: DiscoverRequest) => {
      const result = await apiJson<DiscoverResult>(path("/discover"), { method: "POST", body: request });
      setMessage({ tone: result.found ? "success" : "info", text: discoveredText(result) });
      await refresh();
      return result;
    },
    start: async (dryRun: boolean) => {
      const result = await apiJson<StartResult>(path("/automation/start"), { method: "POST", body: { dryRun } });
      setMessage({
        tone: "success",
        text: `${result.dryRun ? "Dry run started" : "Started"}: ${plural(result.queued, "dealership")} queued.`,
      });
      await refresh();
    },
    stop: () =>
      void act(async () => {
        const { stopped } = await apiJson<{ stopped: number }>(path("/automation/stop"), { method: "POST" });
        return `Stopped: ${plural(stopped, "queued dealership")} put back to pending.`;
      }),
    retryFailed: () =>
      void act(async () => {
        const { queued } = await apiJson<StartResult>(path("/automation/retry-failed"), { method: "POST" });
        return `Retrying ${plural(queued, "failed dealership")}.`;
      }),
    setStatus: (status: ProjectStatus) =>
      void act(async () => {
        await apiJson<ProjectDetail>(path(), { method: "PATCH", body: { status } });
        return status === "active" ? "Project restored." : `Project marked ${status}.`;
      }),
    duplicate: () =>
      void act(async () => {
        const { id } = await apiJson<{ id: string }>(path("/duplicate"), { method: "POST" });
        navigate(`/w/${slug}/projects/${id}?created=1`);
        return "Project duplicated.";
      }),
    remove: () =>
      void act(async () => {
        await apiJson<void>(path(), { method: "DELETE" });
        navigate(`/w/${slug}/projects`);
        return "Project deleted.";
      }),
  };

  const override = async (rowIds: string[], note: string) => {
    if (rowIds.length === 1)
      await apiJson(path(`/dealerships/${encodeURIComponent(rowIds[0]!)}/override`), {
        method: "POST",
        body: { note },
      });
    else await apiJson(path("/dealerships/override"), { method: "POST", body: { rowIds, note } });
    setMessage({ tone: "success", text: `${plural(rowIds.length, "dealership")} marked as contacted manually.` });
    await refresh();
  };

  const shots = shotsOf(dealerships, project.tables.dealerships);
  return (
    <>
      <ProjectHeader slug={slug} project={project} canEdit={canEdit} busy={busy} actions={actions} />
      <div className="flex flex-col gap-4">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {problem ? <Notice tone="error">Could not refresh: {problem}. Retrying…</Notice> : null}
        {project.counts.total ? <SummaryStats project={project} /> : null}
        <RunProgress project={project} />
        {project.counts.total === 0 ? (
          <Card>
            <EmptyState icon={<Search className="h-8 w-8" />} title="No dealerships yet">
              <p>
                Find the dealers of {project.makes.join(", ")} within {project.radiusMiles} miles; they are added here
                as pending, ready for the automation.
              </p>
              {canEdit ? (
                <div className="mt-4 flex justify-center">
                  <DiscoverDialog
                    onDiscover={actions.discover}
                    trigger={
                      <Button variant="primary">
                        <Search className="h-4 w-4" aria-hidden /> Find dealerships
                      </Button>
                    }
                  />
                </div>
              ) : null}
            </EmptyState>
          </Card>
        ) : (
          <>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_360px]">
              <Card title="Live log" description="Each contact attempt as it finishes, newest first">
                <AttemptLog attempts={attempts} />
              </Card>
              <Card title="Map">
                <ProjectMap center={project.center} radiusMiles={project.radiusMiles} dealerships={dealerships} />
              </Card>
            </div>
            <Card title="Dealerships">
              <DealershipTable
                dealerships={dealerships}
                tableId={project.tables.dealerships}
                canEdit={canEdit}
                onOverride={override}
              />
            </Card>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Card title="Failures by cause" description="What went wrong, and what usually fixes it">
                <FailureGroups dealerships={dealerships} tableId={project.tables.dealerships} />
              </Card>
              <Card title="Screenshots" description="The latest attempt's pages, per dealer">
                {shots.length ? (
                  <Gallery shots={shots} label="Screenshots" />
                ) : (
                  <p className="text-[13px] text-muted">
                    Screenshots of the filled forms appear here as dealers are contacted.
                  </p>
                )}
              </Card>
            </div>
          </>
        )}
      </div>
    </>
  );
}

export default function ProjectRoute({ params }: Route.ComponentProps) {
  const initial = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const location = useLocation();
  // A new id (after Duplicate) is a new page: its live data starts from its own loader.
  return (
    <ProjectPage
      key={params.projectId}
      slug={params.slug}
      initial={initial}
      arrival={arrivalNotice(search.has("created"), location.state)}
    />
  );
}

/** A deleted or mistyped project: say so inside the workspace, with the way back to the list. */
export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Card>
      <EmptyState
        icon={<Search className="h-8 w-8" />}
        title={missing ? "No such project" : "This project could not be loaded"}
      >
        <p>{missing ? "It may have been deleted, or the link is mistyped." : "Reload the page to try again."}</p>
        <Link to={`/w/${params.slug}/projects`} className="mt-3 inline-block text-accent hover:underline">
          All projects
        </Link>
      </EmptyState>
    </Card>
  );
}

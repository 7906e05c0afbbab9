/** Dealership outreach projects: quick stats, every project with its progress, and what happened lately. */
import { Car, Plus } from "lucide-react";
import { useEffect } from "react";
import { Link, useLoaderData, useRevalidator, useRouteLoaderData } from "react-router";
import type { ProjectsDashboard } from "../../schema/projects";
import { Card, EmptyState, PageHeader, Stat } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { projectsApi } from "../projects/api";
import { ProjectList } from "../projects/dashboard/project-list";
import { RecentActivity } from "../projects/dashboard/recent-activity";
import { TrendChart } from "../projects/dashboard/trend-chart";
import { categoryLabel, dashboardStats, percent } from "../projects/format";
import type { Route } from "./+types/projects";
import type { loader as workspaceLoader } from "./workspace";

export const meta: Route.MetaFunction = () => [{ title: "Projects · Rowpilot" }];

/** Runs move a dealer every few seconds; the dashboard only needs to look current when glanced at. */
const REFRESH_MS = 15_000;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  return apiGet<ProjectsDashboard>(context, request, projectsApi(params.slug));
}

function NewProjectLink({ slug }: { slug: string }) {
  return (
    <Link
      to={`/w/${slug}/projects/new`}
      className="inline-flex h-9 items-center gap-1.5 rounded-md bg-accent px-3 text-[13px] font-medium text-accent-fg hover:bg-accent-hover"
    >
      <Plus className="h-4 w-4" aria-hidden /> New project
    </Link>
  );
}

export default function ProjectsPage({ params }: Route.ComponentProps) {
  const { projects, recent, trend, failures } = useLoaderData<typeof loader>();
  const canEdit = useRouteLoaderData<typeof workspaceLoader>("routes/workspace")?.workspace.role !== "viewer";
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidate]);
  const stats = dashboardStats(projects);
  return (
    <>
      <PageHeader
        title="Projects"
        description="Find the dealerships that sell the makes you want near a place, and send each the same message through its own contact form."
        actions={canEdit && projects.length ? <NewProjectLink slug={params.slug} /> : null}
      />
      {projects.length === 0 ? (
        <Card>
          <EmptyState icon={<Car className="h-8 w-8" />} title="No projects yet">
            <p>
              A project names a place, a radius and the makes you want, who you are and what to say. Rowpilot finds the
              dealerships and fills in their contact forms for you.
            </p>
            {canEdit ? (
              <div className="mt-4 flex justify-center">
                <NewProjectLink slug={params.slug} />
              </div>
            ) : null}
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="Projects" value={stats.total.toLocaleString()} />
            <Stat label="Active" value={stats.active.toLocaleString()} />
            <Stat label="Dealerships" value={stats.dealerships.toLocaleString()} />
            <Stat label="Completion" value={percent(stats.completionRate)} hint="reached sent, failed or manual" />
          </dl>
          <Card title="All projects">
            <ProjectList slug={params.slug} projects={projects} />
          </Card>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Card title="Recent activity" description="The latest contact attempts">
              <RecentActivity slug={params.slug} recent={recent} />
            </Card>
            <div className="flex flex-col gap-4">
              <Card title="Success rate" description="Messages sent per attempt, by day">
                <TrendChart trend={trend} />
              </Card>
              <Card title="Common failures" description="Why forms could not be sent, across projects">
                {failures.length === 0 ? (
                  <p className="text-[13px] text-muted">No failures so far.</p>
                ) : (
                  <ul aria-label="Common failures" className="flex flex-col gap-3">
                    {failures.map((f) => (
                      <li key={f.category} className="text-[13px]">
                        <p className="flex justify-between gap-3 font-medium">
                          {categoryLabel(f.category)} <span className="tabular-nums text-danger">{f.count}</span>
                        </p>
                        {f.suggestedFix ? <p className="text-xs text-muted">{f.suggestedFix}</p> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

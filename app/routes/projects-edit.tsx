/** A project's criteria, sender and message edited in the wizard it was made with; only what changed is sent. */
import { useMemo } from "react";
import { Link, useLoaderData, useNavigate } from "react-router";
import type { ProjectDetail } from "../../schema/projects";
import { PageHeader } from "../components/ui";
import { apiGet } from "../lib/api.server";
import { apiJson } from "../lib/api-client";
import { projectApi } from "../projects/api";
import { savedText } from "../projects/format";
import { changesSearch, type Draft, draftFromProject, toUpdateProject } from "../projects/wizard/draft";
import { ProjectWizard } from "../projects/wizard/wizard";
import type { Route } from "./+types/projects-edit";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `Edit ${loaderData.name} · Projects · Rowpilot` : "Edit project · Rowpilot" },
];

export function loader({ context, request, params }: Route.LoaderArgs): Promise<ProjectDetail> {
  return apiGet<ProjectDetail>(context, request, projectApi(params.slug, params.projectId));
}

export default function EditProjectPage({ params }: Route.ComponentProps) {
  const project = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const before = useMemo(() => draftFromProject(project), [project]);
  const page = `/w/${params.slug}/projects/${params.projectId}`;

  const save = async (draft: Draft) => {
    const update = toUpdateProject(before, draft);
    // The saved page replaces the form in the history: Back from it goes where the edit began.
    if (!Object.keys(update).length) return navigate(page, { replace: true, state: { notice: "No changes to save." } });
    const saved = await apiJson<ProjectDetail>(projectApi(params.slug, params.projectId), {
      method: "PATCH",
      body: update,
    });
    const searched = changesSearch(update) && project.counts.total > 0;
    const notice = savedText(searched ? saved.counts.total - project.counts.total : null);
    navigate(page, { replace: true, state: { notice } });
  };

  return (
    <>
      <p className="mb-1 text-xs text-muted">
        <Link to={`/w/${params.slug}/projects`} className="hover:text-accent">
          Projects
        </Link>{" "}
        /{" "}
        <Link to={page} className="hover:text-accent">
          {project.name}
        </Link>
      </p>
      <PageHeader title="Edit project" description="Open any step, change what you need, and save on the last one." />
      <ProjectWizard mode="edit" initial={before} onSubmit={save} onCancel={() => navigate(page, { replace: true })} />
    </>
  );
}

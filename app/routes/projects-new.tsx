/** A new dealership outreach project, made step by step and saved as a draft. */
import { useNavigate } from "react-router";
import type { ProjectStatus } from "../../schema/projects";
import { PageHeader } from "../components/ui";
import { apiJson } from "../lib/api-client";
import { projectsApi } from "../projects/api";
import { type Draft, toCreateProject } from "../projects/wizard/draft";
import { ProjectWizard } from "../projects/wizard/wizard";
import type { Route } from "./+types/projects-new";

export const meta: Route.MetaFunction = () => [{ title: "New project · Rowpilot" }];

export default function NewProjectPage({ params }: Route.ComponentProps) {
  const navigate = useNavigate();
  const create = async (draft: Draft) => {
    const { id } = await apiJson<{ id: string; status: ProjectStatus }>(projectsApi(params.slug), {
      method: "POST",
      body: toCreateProject(draft),
    });
    navigate(`/w/${params.slug}/projects/${id}?created=1`);
  };
  return (
    <>
      <PageHeader
        title="New project"
        description="Five short steps; nothing is sent to any dealer until you start it."
      />
      <ProjectWizard onSubmit={create} onCancel={() => navigate(`/w/${params.slug}/projects`)} />
    </>
  );
}

/** The projects API: its paths (each names the workspace like the other /api routes, `?workspace=`) and what an edit must carry. */
import type { CreateProject } from "../../schema/projects";

/**
 * @example projectsApi("demo", "/p1/attempts", { limit: "50" }) // "/api/projects/p1/attempts?workspace=demo&limit=50"
 */
export function projectsApi(slug: string, path = "", query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ workspace: slug, ...query });
  return `/api/projects${path}?${params}`;
}

/** The path of one project's resource. */
export const projectApi = (slug: string, id: string, path = "", query: Record<string, string> = {}) =>
  projectsApi(slug, `/${encodeURIComponent(id)}${path}`, query);

/**
 * The parts of an edit body the API resets when they are absent: its `UpdateProject` is
 * `CreateProject.partial()`, and zod still applies `.default()` under `.partial()`, so a PATCH
 * without them sets the description to "", the radius to 150 miles (and looks for dealers
 * there) and the pace to 5/2. Every PATCH carries their current values until the Worker's
 * schema stops doing so; an unchanged value is no change to the Worker.
 * @example apiJson(projectApi(slug, id), { method: "PATCH", body: { ...keptDefaults(project), status } })
 */
export const keptDefaults = ({ description, radiusMiles, settings }: Pick<CreateProject, KeptKey>) => ({
  description,
  radiusMiles,
  settings,
});
type KeptKey = "description" | "radiusMiles" | "settings";

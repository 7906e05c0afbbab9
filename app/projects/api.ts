/** The projects API's paths: each names the workspace like the other /api routes, `?workspace=`. */

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

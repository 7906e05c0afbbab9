/** The sites API's paths for a workspace, as the app calls them (`?workspace=<slug>`). */

/**
 * @example sitesApi("demo", "/s1/publish") // "/api/sites/s1/publish?workspace=demo"
 */
export function sitesApi(slug: string, path = "", query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ workspace: slug, ...query });
  return `/api/sites${path}?${params}`;
}

export const siteApi = (slug: string, id: string, path = "") => sitesApi(slug, `/${encodeURIComponent(id)}${path}`);

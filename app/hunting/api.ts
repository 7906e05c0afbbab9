/** The hunting API's paths: each names the workspace like the other /api routes, `?workspace=`. */

/**
 * A path under `/api/hunting` or `/api/territories`, for the workspace `slug`.
 * @example huntingApi("demo", "/api/territories/t1/scrape") // "/api/territories/t1/scrape?workspace=demo"
 */
export function huntingApi(slug: string, path: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ workspace: slug, ...query });
  return `${path}?${params}`;
}

/** The path of one territory's resource. */
export const territoryApi = (slug: string, id: string, path = "") =>
  huntingApi(slug, `/api/territories/${encodeURIComponent(id)}${path}`);

/** The tables hunting keeps, as `GET /api/hunting/tables` gives them (null before the first territory). */
export type HuntingTables = { territories: string; businesses: string; runs: string } | null;

/** The billing API's paths and the tables it keeps, as the dashboard and settings read them. */

/**
 * A billing path for the workspace `slug` (the API names it like its other routes, `?workspace=`).
 * @example billingApi("demo", "/api/billing/report") // "/api/billing/report?workspace=demo"
 */
export function billingApi(slug: string, path: string, query: Record<string, string> = {}): string {
  return `${path}?${new URLSearchParams({ workspace: slug, ...query })}`;
}

/** The grids the dashboard links to. */
export const LINKED_TABLES = ["customers", "subscriptions", "payments"] as const;
export type LinkedTable = (typeof LINKED_TABLES)[number];
export type BillingTableIds = Partial<Record<LinkedTable, string>>;

/** The grids the dashboard links to, from `GET /api/billing/tables` (null before billing was used). */
export function billingTableIds(ids: Partial<Record<string, string>> | null): BillingTableIds {
  const linked: BillingTableIds = {};
  for (const table of LINKED_TABLES) if (ids?.[table]) linked[table] = ids[table];
  return linked;
}

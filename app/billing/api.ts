/** The billing API's paths and the tables it keeps, as the dashboard and settings read them. */

import { PAYMENTS_TABLES } from "../../schema/payments-tables";
import type { TableSummary } from "../../schema/tables";

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

/**
 * The billing tables among the workspace's, by the names the template gives them. The tables API
 * does not say which feature keeps a table, so a billing table renamed in the grid loses its link
 * here (the dashboard's figures do not depend on it).
 */
export function billingTableIds(tables: Pick<TableSummary, "id" | "name">[]): BillingTableIds {
  const ids: BillingTableIds = {};
  for (const table of LINKED_TABLES) {
    const found = tables.find((t) => t.name === PAYMENTS_TABLES[table].name);
    if (found) ids[table] = found.id;
  }
  return ids;
}

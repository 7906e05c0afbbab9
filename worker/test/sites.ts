/** Helpers for the sites tests inside workerd: a workspace with one business and its Sites row's cells by column name. */
import type { BusinessListRow } from "../../schema/hunting-api";
import type { TableDetail } from "../../schema/tables";
import { call, json, ownerWithWorkspace } from "./http";

/** A workspace whose Businesses table holds Rosa's Taquería (the agents' fixtures are about her). */
export async function workspaceWithRosa() {
  const { owner, ws } = await ownerWithWorkspace();
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
  const { id } = await json<{ id: string }>(
    await api("POST", "/territories", { query: "restaurant", location: { zip: "78702" } }),
  );
  const csv = `name,category,phone,zip,rating,reviews\n"Rosa's Taquería",Mexican restaurant,(512) 555-0142,78702,4.8,312`;
  const scraped = await api("POST", `/territories/${id}/scrape`, { source: "csv", csv });
  if (scraped.status !== 200) throw new Error(`scrape failed: ${scraped.status} ${await scraped.text()}`);
  const { rows } = await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`));
  return { owner, ws, api, business: rows[0]! };
}

/** The Sites row's cells by column name, read through the tables API. */
export async function siteCells(owner: { cookie?: string }, wsSlug: string): Promise<Record<string, unknown>> {
  const tables = await json<{ id: string; name: string }[]>(
    await call(owner, "GET", `/api/tables?workspace=${wsSlug}`),
  );
  const sitesId = tables.find((t) => t.name === "Sites")!.id;
  const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${sitesId}`));
  const { rows } = await json<{ rows: { cells: Record<string, unknown> }[] }>(
    await call(owner, "GET", `/api/tables/${sitesId}/rows`),
  );
  return Object.fromEntries(detail.columns.map((c) => [c.name, rows[0]?.cells[c.id] ?? null]));
}

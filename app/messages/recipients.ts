/**
 * Who a message can go to: the workspace's Businesses, and the rows of a table named "Leads" when
 * there is one, each with a line saying who they are and their email (or that they have none).
 */
import type { BusinessListRow } from "../../schema/hunting-api";
import type { ColumnDef, RowPage, TableDetail, TableSummary } from "../../schema/tables";
import { type HuntingTables, huntingApi } from "../hunting/api";

export type Recipient = { table: string; rowId: string; name: string; detail: string; email: string; source: string };

/** The most businesses the picker lists (the API's largest page); search narrows them. */
const MAX_BUSINESSES = 1000;
/** The most leads read (the tables API's largest page). */
const MAX_LEADS = 500;

type Get = <T>(path: string) => Promise<T>;

const detailOf = (email: string, ...rest: (string | null | undefined)[]) =>
  [email || "no email", ...rest].filter(Boolean).join(" · ");

async function businesses(get: Get, slug: string, tableId: string): Promise<Recipient[]> {
  const query = { limit: String(MAX_BUSINESSES) };
  const { rows } = await get<{ rows: BusinessListRow[] }>(huntingApi(slug, "/api/businesses", query));
  return rows.map((b) => ({
    table: tableId,
    rowId: b.rowId,
    name: b.name,
    email: b.email,
    detail: detailOf(b.email, b.category, b.city),
    source: "Businesses",
  }));
}

const textOf = (value: unknown) => (typeof value === "string" ? value.trim() : "");

async function leads(get: Get, table: TableSummary): Promise<Recipient[]> {
  const [detail, page] = await Promise.all([
    get<TableDetail>(`/api/tables/${table.id}`),
    get<RowPage>(`/api/tables/${table.id}/rows?limit=${MAX_LEADS}`),
  ]);
  const find = (test: (c: ColumnDef) => boolean) => detail.columns.find(test);
  const name = find((c) => /name/i.test(c.name)) ?? find((c) => c.type === "text");
  const email = find((c) => c.type === "email") ?? find((c) => /e-?mail/i.test(c.name));
  return page.rows.map((row) => {
    const address = email ? textOf(row.cells[email.id]) : "";
    return {
      table: table.id,
      rowId: row.id,
      name: (name && textOf(row.cells[name.id])) || "(no name)",
      email: address,
      detail: detailOf(address),
      source: table.name,
    };
  });
}

export async function loadRecipients(get: Get, slug: string): Promise<Recipient[]> {
  const [hunting, tables] = await Promise.all([
    get<HuntingTables>(huntingApi(slug, "/api/hunting/tables")),
    get<TableSummary[]>(`/api/tables?${new URLSearchParams({ workspace: slug })}`),
  ]);
  const leadsTable = tables.find((t) => /^leads$/i.test(t.name.trim()));
  const [fromBusinesses, fromLeads] = await Promise.all([
    hunting ? businesses(get, slug, hunting.businesses) : [],
    leadsTable ? leads(get, leadsTable) : [],
  ]);
  return [...fromBusinesses, ...fromLeads];
}

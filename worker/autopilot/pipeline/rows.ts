/**
 * The pipeline's tables read whole through their TableRoom handles, each row reduced by column
 * key to the plain shape `automation/autopilot/pipeline` counts. A table the workspace has not
 * made yet is left out (its stages count 0).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { PipelineRows, PipelineTables } from "../../../automation/autopilot/pipeline";
import { dataTable } from "../../../schema/db";
import { HUNTING_KINDS } from "../../../schema/hunting-tables";
import { MESSAGING_KINDS } from "../../../schema/messaging-tables";
import { PAYMENTS_KINDS } from "../../../schema/payments-tables";
import { SITES_KINDS } from "../../../schema/sites-tables";
import type { RowRecord } from "../../../schema/tables";
import type { Db } from "../../db";
import { reader, type TableHandle, tableHandle } from "../../kinds/tables";
import { allRows } from "../../projects/store";

/** The tables the funnel reads, by the kind D1 records them under. */
const KINDS = {
  territories: HUNTING_KINDS.territories,
  businesses: HUNTING_KINDS.businesses,
  runs: HUNTING_KINDS.runs,
  sites: SITES_KINDS.sites,
  claims: SITES_KINDS.claims,
  messages: MESSAGING_KINDS.messages,
  customers: PAYMENTS_KINDS.customers,
} as const;
type Kind = keyof typeof KINDS;

async function tableIds(db: Db, workspaceId: string): Promise<Partial<Record<Kind, string>>> {
  const found = await db
    .select({ id: dataTable.id, kind: dataTable.kind })
    .from(dataTable)
    .where(and(eq(dataTable.workspaceId, workspaceId), inArray(dataTable.kind, Object.values(KINDS))));
  const ids: Partial<Record<Kind, string>> = {};
  for (const [name, kind] of Object.entries(KINDS) as [Kind, string][]) {
    const row = found.find((f) => f.kind === kind);
    if (row) ids[name] = row.id;
  }
  return ids;
}

/** Every row of the table with its handle, or none when the workspace lacks it. */
async function readTable(env: Env, id: string | undefined): Promise<{ table: TableHandle; rows: RowRecord[] } | null> {
  if (!id) return null;
  const table = await tableHandle(env, id);
  return { table, rows: await allRows(table, []) };
}

/** Maps each row of a table read (none when absent) through `pick`, a reader of its cells by key. */
function each<T>(
  read: { table: TableHandle; rows: RowRecord[] } | null | undefined,
  pick: (r: ReturnType<typeof reader>, row: RowRecord) => T,
): T[] {
  if (!read) return [];
  return read.rows.map((row) => pick(reader(read.table, row.cells), row));
}

const orNull = (v: string) => (v === "" ? null : v);

export async function readPipelineRows(env: Env, db: Db, workspaceId: string): Promise<PipelineRows> {
  const ids = await tableIds(db, workspaceId);
  const [territories, businesses, runs, sites, claims, messages, customers] = await Promise.all(
    (Object.keys(KINDS) as Kind[]).map((kind) => readTable(env, ids[kind])),
  );
  const tables: PipelineTables = {
    territories: ids.territories,
    businesses: ids.businesses,
    sites: ids.sites,
    messages: ids.messages,
    claims: ids.claims,
    customers: ids.customers,
  };
  return {
    tables,
    territories: each(territories, (r) => ({
      status: r.text("status"),
      lastScraped: orNull(r.text("lastScraped")),
      cooldownUntil: orNull(r.text("cooldownUntil")),
    })),
    businesses: each(businesses, (r) => ({ leadStatus: r.text("leadStatus"), qualified: r.get("qualified") === true })),
    runs: each(runs, (r) => ({
      at: orNull(r.text("finished")) ?? orNull(r.text("started")),
      added: r.number("added") ?? 0,
    })),
    sites: each(sites, (r, row) => ({
      id: row.id,
      status: r.text("status"),
      generated: orNull(r.text("generated")),
      published: orNull(r.text("published")),
    })),
    messages: each(messages, (r) => ({
      direction: r.text("direction"),
      status: r.text("status"),
      siteId: r.list("site")[0] ?? null,
      sentAt: orNull(r.text("sentAt")),
      firstOpenedAt: orNull(r.text("firstOpenedAt")),
    })),
    claims: each(claims, (r) => ({ siteId: r.list("site")[0] ?? null, received: orNull(r.text("received")) })),
    customers: each(customers, (r) => ({ siteId: r.list("site")[0] ?? null, firstPaid: orNull(r.text("firstPaid")) })),
  };
}

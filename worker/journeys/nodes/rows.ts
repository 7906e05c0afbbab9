/**
 * The update and create-row nodes: cells named by column name (any case, as people type them in
 * the builder), text values filled from the lead's row (`{{lead.Name}}`). A create-row node writes
 * to a table of the lead's own workspace only.
 */
import { and, eq } from "drizzle-orm";
import { renderTemplate } from "../../../automation/journeys/render";
import { dataTable } from "../../../schema/db";
import type { NodeOf } from "../../../schema/journeys";
import type { CellValue, ColumnDef } from "../../../schema/tables";
import type { Db } from "../../db";
import { tableHandle } from "../../kinds/tables";
import type { NodeResult, RunContext } from "../run-context";

export const JOURNEY_ACTION_ORIGIN = { kind: "automation", job: "journey-action" } as const;

type Cells = Record<string, CellValue>;

/** Cells by column name → by column id, text rendered for the lead; the names no column has. */
export function cellsByName(
  columns: ColumnDef[],
  byName: Cells,
  row: Record<string, CellValue>,
): { cells: Cells; missing: string[] } {
  const cells: Cells = {};
  const missing: string[] = [];
  for (const [name, value] of Object.entries(byName)) {
    const column = columns.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
    if (!column) missing.push(name);
    else cells[column.id] = typeof value === "string" ? renderTemplate(value, row) : value;
  }
  return { cells, missing };
}

const failed = (why: string): NodeResult => ({ outcome: `failed: ${why}`, edge: "next" });
const noColumns = (missing: string[]) => failed(`no column ${missing.map((m) => `"${m}"`).join(", ")}`);

export async function runUpdate(env: Env, run: RunContext, node: NodeOf<"update">): Promise<NodeResult> {
  const lead = await tableHandle(env, run.tableId);
  const { cells, missing } = cellsByName(lead.columns, node.fields, run.row);
  if (missing.length) return noColumns(missing);
  const written = await lead.room.patchRow(run.rowId, cells, JOURNEY_ACTION_ORIGIN);
  if (!written.ok) return failed(written.message);
  return { outcome: `updated ${Object.keys(node.fields).join(", ")}`, edge: "next" };
}

/** The workspace's table named by id or by name (ids first); null for another workspace's. */
async function workspaceTable(db: Db, workspaceId: string, table: string): Promise<string | null> {
  const inWorkspace = (where: ReturnType<typeof eq>) =>
    db.query.dataTable.findFirst({ where: and(eq(dataTable.workspaceId, workspaceId), where) });
  const found = (await inWorkspace(eq(dataTable.id, table))) ?? (await inWorkspace(eq(dataTable.name, table)));
  return found?.id ?? null;
}

export async function runCreateRow(env: Env, db: Db, run: RunContext, node: NodeOf<"create-row">): Promise<NodeResult> {
  const tableId = await workspaceTable(db, run.workspaceId, node.table);
  if (!tableId) return failed(`no table "${node.table}" in this workspace`);
  const target = await tableHandle(env, tableId);
  const { cells, missing } = cellsByName(target.columns, node.cells, run.row);
  if (missing.length) return noColumns(missing);
  const inserted = await target.room.insertRow(cells, JOURNEY_ACTION_ORIGIN);
  if (!inserted.ok) return failed(inserted.message);
  return { outcome: `created row ${inserted.value}`, edge: "next" };
}

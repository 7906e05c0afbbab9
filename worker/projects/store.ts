/**
 * Reading and keeping a project's rows: its dealerships and attempts (the rows whose link names
 * the project) and their counts by status.
 */
import { type ContactStatus, countStatuses, type ProjectCounts } from "../../schema/projects";
import type { AutomationOrigin, RowQuery, RowRecord } from "../../schema/tables";
import { type Outreach, type OutreachHandle, reader } from "./tables";

/** Rows read per call: the row index reads cells with one bound parameter per row. */
const PAGE = 500;

/** Written by the project's own bookkeeping (counts, statuses), never a rule's action. */
export const projectOrigin = (job: string): AutomationOrigin => ({ kind: "automation", job });

/** Every row of `table` matching `filters`, read a page at a time. */
export async function allRows(
  table: OutreachHandle,
  filters: RowQuery["filters"],
  sort: RowQuery["sort"] = [],
): Promise<RowRecord[]> {
  const rows: RowRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await table.room.queryRows({ filters, sort, limit: PAGE, offset });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

/** A filter for the rows of `table` that link to `projectId` through its `project` column. */
export function ofProject(table: OutreachHandle, projectId: string): RowQuery["filters"] {
  const column = table.keys.project;
  if (!column) throw new Error(`${table.id} has lost its Project column`);
  return [{ columnId: column, op: "contains", value: projectId }];
}

/** Only the link's own id counts: `contains` also matches ids that merely include it. */
const linksTo = (table: OutreachHandle, row: RowRecord, projectId: string) =>
  reader(table, row.cells).list("project").includes(projectId);

export async function projectRow(o: Outreach, projectId: string): Promise<RowRecord | null> {
  const [row] = await o.projects.room.readRows([projectId]);
  return row ?? null;
}

export async function dealershipsOf(o: Outreach, projectId: string, status?: ContactStatus): Promise<RowRecord[]> {
  const filters = ofProject(o.dealerships, projectId);
  if (status && o.dealerships.keys.status)
    filters.push({ columnId: o.dealerships.keys.status, op: "eq", value: status });
  const distance = o.dealerships.keys.distance;
  const rows = await allRows(o.dealerships, filters, distance ? [{ columnId: distance, direction: "asc" }] : []);
  return rows.filter((row) => linksTo(o.dealerships, row, projectId));
}

export async function attemptsOf(o: Outreach, projectId: string): Promise<RowRecord[]> {
  const started = o.attempts.keys.started;
  const rows = await allRows(
    o.attempts,
    ofProject(o.attempts, projectId),
    started ? [{ columnId: started, direction: "desc" }] : [],
  );
  return rows.filter((row) => linksTo(o.attempts, row, projectId));
}

export const countDealers = (o: Outreach, rows: RowRecord[]): ProjectCounts =>
  countStatuses(rows.map((row) => reader(o.dealerships, row.cells).get("status")));

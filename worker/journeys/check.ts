/**
 * What stops a draft from being published: its table (and a row-enters entry's table and view)
 * must be the workspace's, then the node-by-node checks of `automation/journeys/validate`
 * (cycles without a wait, unreachable nodes, conditions on missing columns…) against the
 * table's column names.
 */
import { and, eq } from "drizzle-orm";
import { validateDefinition } from "../../automation/journeys/validate";
import { dataTable } from "../../schema/db";
import type { JourneyDefinition, PublishProblem } from "../../schema/journeys";
import type { Db } from "../db";
import { tableRoom } from "../durable/table-room";

/** Whether `tableId` is a table of the workspace. */
export async function isWorkspaceTable(db: Db, workspaceId: string, tableId: string): Promise<boolean> {
  const row = await db.query.dataTable.findFirst({
    where: and(eq(dataTable.id, tableId), eq(dataTable.workspaceId, workspaceId)),
    columns: { id: true },
  });
  return !!row;
}

/** The problems that refuse `def` at publish; [] when it may be published. */
export async function publishProblems(
  env: Env,
  db: Db,
  workspaceId: string,
  def: JourneyDefinition,
): Promise<PublishProblem[]> {
  if (!(await isWorkspaceTable(db, workspaceId, def.table)))
    return [{ node: null, message: `table: no table "${def.table}" in this workspace` }];
  const problems: PublishProblem[] = [];
  if (def.entry.kind === "row-enters") {
    const entryTable = def.entry.table ?? def.table;
    // The rows entering are the rows the journey runs on: a row of another table has no place in it.
    if (entryTable !== def.table)
      problems.push({
        node: null,
        message:
          "entry.table: rows entering another table cannot go through this journey; pick the journey's own table",
      });
    else if (!(await isWorkspaceTable(db, workspaceId, entryTable)))
      problems.push({ node: null, message: `entry.table: no table "${entryTable}" in this workspace` });
    else if (def.entry.view) {
      const page = await tableRoom(env, entryTable).viewPage(def.entry.view, 0);
      if (page.viewId !== def.entry.view)
        problems.push({ node: null, message: `entry.view: the table has no view "${def.entry.view}"` });
    }
  }
  const { columns } = await tableRoom(env, def.table).describe();
  return [
    ...problems,
    ...validateDefinition(
      def,
      columns.map((c) => c.name),
    ),
  ];
}

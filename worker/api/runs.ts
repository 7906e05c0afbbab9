/**
 * `GET /api/triggers/runs?limit=`: the run log of a whole workspace (the session's only
 * workspace, `?workspace=<slug>`, or the token's), merged from every table's TableRoom, newest
 * first: which rule or button fired on which row, when, its action, job, outcome and error.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { dataTable } from "../../schema/db";
import type { WorkspaceRun } from "../../schema/triggers";
import { tableRoom } from "../durable/table-room";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { workspaceFor } from "./tables";

/** Entries one request may ask for (each table gives at most this many too). */
export const MAX_RUNS = 500;
/** Outcomes that are not an error. */
const FINE = new Set(["queued", "running", "succeeded"]);

export const workspaceRunRoutes = new Hono<AppEnv>().get("/runs", async (c) => {
  const limit = Number(c.req.query("limit") ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RUNS)
    fail(400, `limit: a whole number from 1 to ${MAX_RUNS}`);
  const { workspace } = await workspaceFor(c, "read");
  const tables = await c.get("db").query.dataTable.findMany({ where: eq(dataTable.workspaceId, workspace.id) });
  const logs = await Promise.all(
    tables.map(async (table) => {
      const { runs } = await tableRoom(c.env, table.id).triggerRuns(limit);
      return runs.map((r) => ({
        sortAt: r.at,
        sortId: r.id,
        run: {
          tableId: table.id,
          tableName: table.name,
          source: r.source,
          ruleId: r.source === "button" || r.source === "payments" ? null : r.ruleId,
          columnId: r.columnId,
          rowId: r.rowId,
          firedAt: new Date(r.at).toISOString(),
          action: r.action,
          jobId: r.jobId,
          outcome: r.outcome,
          attempts: r.attempts,
          error: FINE.has(r.outcome) ? null : (r.detail ?? r.outcome),
          detail: r.detail,
        } satisfies WorkspaceRun,
      }));
    }),
  );
  const runs = logs
    .flat()
    .sort((a, b) => b.sortAt - a.sortAt || b.sortId - a.sortId)
    .slice(0, limit)
    .map((e) => e.run);
  return c.json({ runs });
});

/**
 * The outreach tables' buttons, pressed in the grid: each runs the same project operation as the
 * API, for the row it sits on (a Projects row, or a Dealerships row and its project).
 */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { OUTREACH_KINDS, type OutreachOp } from "../../schema/outreach-tables";
import type { DiscoverySource } from "../../schema/projects";
import { getDb } from "../db";
import { startContacting } from "./automation";
import { discover, lastSource, providerKeys } from "./discover";
import { ProjectBusyError, ProjectInputError, ProjectMissingError } from "./errors";
import { duplicateProject, readProject } from "./lifecycle";
import { markManual } from "./override";
import { exportResults } from "./reports";
import { dealershipsOf, projectOrigin, projectRow } from "./store";
import { byKey, findOutreach, type Outreach, reader } from "./tables";

const done = (detail: string): ActionOutcome => ({ outcome: "succeeded", detail });

/**
 * Where discovery looks when no source is named (a Discover button, new criteria): the sample
 * directory on a local install (no network needed), OpenStreetMap in production (keyless).
 */
const defaultSource = (env: Env): DiscoverySource => (env.ROWPILOT_ENV === "local" ? "sample" : "overpass");

async function onProject(env: Env, o: Outreach, projectId: string, op: OutreachOp): Promise<ActionOutcome> {
  switch (op) {
    case "discover": {
      const row = await projectRow(o, projectId);
      if (!row) throw new ProjectMissingError();
      const source = lastSource(o, row) ?? defaultSource(env);
      const found = await discover(
        env,
        o,
        projectId,
        { source },
        await providerKeys(env, getDb(env.DB), o.workspaceId),
      );
      return done(`Found ${found.found} dealerships, ${found.added} new`);
    }
    case "start": {
      const started = await startContacting(env, o, projectId, { kind: "start" }, false);
      return done(`Queued ${started.queued} dealerships`);
    }
    case "retry-failed": {
      const started = await startContacting(env, o, projectId, { kind: "retry-failed" }, false);
      return done(`Queued ${started.queued} failed dealerships again`);
    }
    case "export": {
      const project = await readProject(o, projectId);
      const file = await exportResults(o, await dealershipsOf(o, projectId), "csv", project.name);
      const key = `files/${o.ids.projects}/${crypto.randomUUID()}/${file.filename}`;
      await env.FILES.put(key, file.body, { httpMetadata: { contentType: file.type } });
      const size = typeof file.body === "string" ? new TextEncoder().encode(file.body).length : file.body.byteLength;
      await o.projects.room.patchRow(
        projectId,
        byKey(o.projects, { lastExport: [{ key, name: file.filename, type: "text/csv", size }] }),
        projectOrigin("export"),
      );
      return done(`Exported ${project.counts.total} dealerships to ${file.filename}`);
    }
    case "duplicate":
      return done(`Created a copy (${await duplicateProject(o, projectId)})`);
    case "archive":
      await o.projects.room.patchRow(projectId, byKey(o.projects, { status: "archived" }), projectOrigin("archive"));
      return done("Archived");
    default:
      return { outcome: "failed", detail: `${op} is a Dealerships button`, retryable: false };
  }
}

async function onDealership(env: Env, o: Outreach, rowId: string, op: OutreachOp): Promise<ActionOutcome> {
  const [row] = await o.dealerships.room.readRows([rowId]);
  const projectId = row ? reader(o.dealerships, row.cells).list("project")[0] : undefined;
  if (!projectId) return { outcome: "failed", detail: "This dealership belongs to no project", retryable: false };
  switch (op) {
    case "contact":
    case "retry": {
      const started = await startContacting(env, o, projectId, { kind: "rows", rowIds: [rowId] }, false);
      return started.queued
        ? done("Queued")
        : { outcome: "failed", detail: "Not queued: it has no website, or is already queued", retryable: false };
    }
    case "mark-manual": {
      const origin = projectOrigin("mark-manual");
      await markManual(o, projectId, [rowId], "Marked as contacted by hand from the grid", "Grid button", origin);
      return done("Marked as contacted by hand");
    }
    default:
      return { outcome: "failed", detail: `${op} is a Projects button`, retryable: false };
  }
}

/** Runs `op` for the row `rowId` of table `tableId`, which must be one of its workspace's outreach tables. */
export async function runOutreachOp(env: Env, tableId: string, rowId: string, op: OutreachOp): Promise<ActionOutcome> {
  const table = await getDb(env.DB).query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  const o = table ? await findOutreach(env, getDb(env.DB), table.workspaceId) : null;
  if (!table || !o) return { outcome: "failed", detail: "This table is not an outreach table", retryable: false };
  try {
    if (table.kind === OUTREACH_KINDS.projects) return await onProject(env, o, rowId, op);
    if (table.kind === OUTREACH_KINDS.dealerships) return await onDealership(env, o, rowId, op);
    return { outcome: "failed", detail: "Outreach buttons work in Projects and Dealerships", retryable: false };
  } catch (error) {
    if (error instanceof ProjectMissingError || error instanceof ProjectInputError || error instanceof ProjectBusyError)
      return { outcome: "failed", detail: error.message, retryable: false };
    throw error;
  }
}

/**
 * Dealership outreach projects over HTTP (`/api/projects`): create, read, edit, duplicate and
 * delete them, discover their dealerships, start, retry and stop the contact automation,
 * override by hand, and export results. The workspace is chosen as for `/api/tables`.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { isDiscoveryError, isUpstream, locate } from "../../automation/discovery";
import {
  BulkOverrideRequest,
  ContactStatus,
  CreateProject,
  DiscoverRequest,
  OverrideRequest,
  type ProjectsDashboard,
  StartAutomation,
  UpdateProject,
} from "../../schema/projects";
import type { Permission } from "../../schema/roles";
import { startContacting, stopContacting } from "../projects/automation";
import { discover, geocoderFor, lastSource, providerKeys } from "../projects/discover";
import { ProjectBusyError, ProjectInputError, ProjectMissingError } from "../projects/errors";
import { createProject, deleteProject, duplicateProject, readProject, updateProject } from "../projects/lifecycle";
import { markManual } from "../projects/override";
import { dealershipRecord } from "../projects/records";
import { attemptRecords, dashboard, exportResults } from "../projects/reports";
import { attemptsOf, dealershipsOf, projectRow } from "../projects/store";
import { ensureOutreach, findOutreach, type Outreach } from "../projects/tables";
import type { Access } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { originOf, workspaceFor } from "./tables";

/** Attempts the live log returns at most. */
const MAX_ATTEMPTS_PAGE = 200;

/**
 * The workspace's outreach tables: created from the template by the first write that needs
 * them; a read before any exists finds no project.
 */
async function outreachFor(c: Context<AppEnv>, permission: Permission): Promise<{ o: Outreach; access: Access }> {
  const access = await workspaceFor(c, permission);
  if (permission === "read") {
    const o = await findOutreach(c.env, c.get("db"), access.workspace.id);
    if (!o) fail(404, "Project not found");
    return { o, access };
  }
  const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
  return { o: await ensureOutreach(c.env, c.get("db"), access.workspace.id, createdBy), access };
}

/** Runs `work`, turning the project's own errors into the API's 400/404 answers. */
async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProjectMissingError) fail(404, error.message);
    if (error instanceof ProjectInputError) fail(400, error.message);
    if (error instanceof ProjectBusyError) fail(409, error.message);
    if (isDiscoveryError(error)) fail(isUpstream(error) ? 502 : 400, error.message);
    throw error;
  }
}

const byName = (access: Access) => (access.actor.kind === "user" ? access.actor.name : "API token");

export const projectRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    const o = await findOutreach(c.env, c.get("db"), access.workspace.id);
    const empty: ProjectsDashboard = { projects: [], recent: [], trend: [], failures: [] };
    return c.json(o ? await dashboard(o) : empty);
  })
  .post("/", async (c) => {
    const body = await readBody(c, CreateProject);
    const { o, access } = await outreachFor(c, "write");
    const id = await answer(async () => {
      const center = await locate(
        body.location,
        geocoderFor(c.env, await providerKeys(c.env, c.get("db"), access.workspace.id)),
      );
      return createProject(o, body, center);
    });
    await audit(c.get("db"), access, "project.created", id, { name: body.name });
    return c.json({ id, status: "draft" }, 201);
  })
  .get("/:id", async (c) => {
    const { o } = await outreachFor(c, "read");
    return c.json(await answer(() => readProject(o, c.req.param("id"))));
  })
  .patch("/:id", async (c) => {
    const body = await readBody(c, UpdateProject);
    const { o, access } = await outreachFor(c, "write");
    const id = c.req.param("id");
    const detail = await answer(async () => {
      const center = body.location
        ? await locate(body.location, geocoderFor(c.env, await providerKeys(c.env, c.get("db"), access.workspace.id)))
        : null;
      const { criteriaChanged } = await updateProject(o, id, body, center);
      const row = await projectRow(o, id);
      // New criteria: find the dealers they add, where the project looked last (those already
      // found keep their statuses; a project filled from a CSV is left as it is).
      const source = row && lastSource(o, row);
      if (criteriaChanged && source)
        await discover(c.env, o, id, { source }, await providerKeys(c.env, c.get("db"), access.workspace.id));
      return readProject(o, id);
    });
    return c.json(detail);
  })
  .delete("/:id", async (c) => {
    const { o, access } = await outreachFor(c, "write");
    const id = c.req.param("id");
    const removed = await answer(() => deleteProject(c.env, o, id));
    await audit(c.get("db"), access, "project.deleted", id, removed);
    return c.body(null, 204);
  })
  .post("/:id/duplicate", async (c) => {
    const { o } = await outreachFor(c, "write");
    const id = await answer(() => duplicateProject(o, c.req.param("id")));
    return c.json({ id, status: "draft" }, 201);
  })
  .post("/:id/discover", async (c) => {
    const body = await readBody(c, DiscoverRequest);
    const { o, access } = await outreachFor(c, "write");
    const keys = await providerKeys(c.env, c.get("db"), access.workspace.id);
    return c.json(await answer(() => discover(c.env, o, c.req.param("id"), body, keys)));
  })
  .post("/:id/automation/start", async (c) => {
    const { dryRun } = await readBody(c, StartAutomation);
    const { o } = await outreachFor(c, "write");
    return c.json(await answer(() => startContacting(c.env, o, c.req.param("id"), { kind: "start" }, dryRun)), 202);
  })
  .post("/:id/automation/retry-failed", async (c) => {
    const { o } = await outreachFor(c, "write");
    const id = c.req.param("id");
    return c.json(await answer(() => startContacting(c.env, o, id, { kind: "retry-failed" }, false)), 202);
  })
  .post("/:id/automation/stop", async (c) => {
    const { o } = await outreachFor(c, "write");
    const id = c.req.param("id");
    if (!(await projectRow(o, id))) fail(404, "Project not found");
    return c.json({ stopped: await stopContacting(o, id) });
  })
  .get("/:id/dealerships", async (c) => {
    const raw = c.req.query("status");
    const status = raw ? ContactStatus.safeParse(raw) : null;
    if (status && !status.success) fail(400, `status: one of ${ContactStatus.options.join(", ")}`);
    const { o } = await outreachFor(c, "read");
    const id = c.req.param("id");
    if (!(await projectRow(o, id))) fail(404, "Project not found");
    const rows = await dealershipsOf(o, id, status?.data);
    return c.json({ dealerships: rows.map((row) => dealershipRecord(o.dealerships, row)) });
  })
  .get("/:id/attempts", async (c) => {
    const limit = Number(c.req.query("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ATTEMPTS_PAGE)
      fail(400, `limit: a whole number from 1 to ${MAX_ATTEMPTS_PAGE}`);
    const { o } = await outreachFor(c, "read");
    const id = c.req.param("id");
    if (!(await projectRow(o, id))) fail(404, "Project not found");
    return c.json({ attempts: await attemptRecords(o, (await attemptsOf(o, id)).slice(0, limit)) });
  })
  .post("/:id/dealerships/override", async (c) => {
    const { rowIds, note } = await readBody(c, BulkOverrideRequest);
    const { o, access } = await outreachFor(c, "write");
    const id = c.req.param("id");
    if (!(await projectRow(o, id))) fail(404, "Project not found");
    const changed = await markManual(o, id, rowIds, note, byName(access), originOf(access));
    return c.json({ updated: changed.length });
  })
  .post("/:id/dealerships/:rowId/override", async (c) => {
    const { note } = await readBody(c, OverrideRequest);
    const { o, access } = await outreachFor(c, "write");
    const id = c.req.param("id");
    const rowId = c.req.param("rowId");
    if (!(await projectRow(o, id))) fail(404, "Project not found");
    const changed = await markManual(o, id, [rowId], note, byName(access), originOf(access));
    const [row] = await o.dealerships.room.readRows([rowId]);
    const dealer =
      row && (await dealershipsOf(o, id)).some((d) => d.id === rowId) ? dealershipRecord(o.dealerships, row) : null;
    if (!dealer) fail(404, "This project has no such dealership");
    if (!changed.length)
      fail(
        409,
        `Only a pending or failed dealership can be marked as contacted by hand (this one is ${dealer.status})`,
      );
    return c.json(dealer);
  })
  .get("/:id/export", async (c) => {
    const format = c.req.query("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") fail(400, "format: csv or xlsx");
    const { o } = await outreachFor(c, "read");
    const id = c.req.param("id");
    const project = await answer(() => readProject(o, id));
    const file = await exportResults(o, await dealershipsOf(o, id), format, project.name);
    return c.body(file.body, 200, {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${file.filename}"`,
    });
  });

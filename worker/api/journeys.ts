/**
 * Journeys over HTTP (`/api/journeys`): list and make journeys (from a definition or a
 * template), read and replace the draft, publish it as a new version, pause, activate or
 * archive, enroll rows, move leads to the latest version, test-run, analytics and enrollments.
 * The workspace is chosen as for `/api/tables`; viewers read, editors write, owners renew a
 * webhook entry's secret. Leads, events, handoffs and settings are in `journeys-leads`.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { simulate } from "../../automation/journeys/simulate";
import { PREBUILT_JOURNEYS } from "../../automation/journeys/templates";
import {
  EnrollRequest,
  JourneyDefinition,
  type JourneyItem,
  SetJourneyStatus,
  TestRunRequest,
} from "../../schema/journeys";
import type { Permission } from "../../schema/roles";
import type { Db } from "../db";
import { readAnalytics } from "../journeys/analytics-read";
import { isWorkspaceTable } from "../journeys/check";
import { enrollRows, listEnrollments, moveToLatest } from "../journeys/enroll";
import { readJourneySettings, readLeadRow } from "../journeys/lead";
import { prebuiltTables } from "../journeys/prebuilt";
import {
  createJourney,
  journeyItem,
  listJourneys,
  publishedDefinition,
  publishJourney,
  readJourney,
  renewHookSecret,
  replaceDraft,
  setStatus,
} from "../journeys/store";
import type { Access } from "./access";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { workspaceFor } from "./tables";

const userOf = (access: Access) => (access.actor.kind === "user" ? access.actor.userId : null);

/** The journey in the URL, in the actor's workspace (another workspace's is not found). */
async function journeyFor(c: Context<AppEnv>, permission: Permission) {
  const access = await workspaceFor(c, permission);
  const record = await readJourney(c.get("db"), access.workspace.id, c.req.param("id") ?? "");
  if (!record) fail(404, "Journey not found");
  return { access, record, db: c.get("db") };
}

/** A definition from the body: the schema's checks (400 naming the field), then its table is the workspace's. */
async function definitionFrom(c: Context<AppEnv>, db: Db, workspaceId: string): Promise<JourneyDefinition> {
  const def = await readBody(c, JourneyDefinition);
  if (!(await isWorkspaceTable(db, workspaceId, def.table)))
    fail(400, `table: no table "${def.table}" in this workspace`);
  return def;
}

const FromTemplate = z.object({
  key: z.enum(PREBUILT_JOURNEYS.map((t) => t.key) as [string, ...string[]]),
});

const VersionQuery = z.coerce.number().int().min(1);

export const journeyRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await listJourneys(c.env, c.get("db"), access.workspace.id));
  })
  .post("/", async (c) => {
    const access = await workspaceFor(c, "write");
    const db = c.get("db");
    const def = await definitionFrom(c, db, access.workspace.id);
    const { id, hookSecret } = await createJourney(c.env, db, access.workspace.id, userOf(access), def);
    return c.json(hookSecret ? { id, hookSecret } : { id }, 201);
  })
  .get("/templates", (c) => c.json(PREBUILT_JOURNEYS.map(({ key, name, description }) => ({ key, name, description }))))
  .post("/from-template", async (c) => {
    const { key } = await readBody(c, FromTemplate);
    const access = await workspaceFor(c, "write");
    const db = c.get("db");
    const template = PREBUILT_JOURNEYS.find((t) => t.key === key)!;
    const tables = await prebuiltTables(c.env, db, access.workspace.id, userOf(access));
    const def = JourneyDefinition.parse(template.build(tables));
    const { id, hookSecret } = await createJourney(c.env, db, access.workspace.id, userOf(access), def);
    return c.json(hookSecret ? { id, hookSecret } : { id }, 201);
  })
  .get("/:id", async (c) => {
    const { record, db } = await journeyFor(c, "read");
    return c.json(await journeyItem(c.env, db, record));
  })
  .put("/:id", async (c) => {
    const { access, record, db } = await journeyFor(c, "write");
    if (record.status === "archived") fail(409, "The journey is archived; its draft cannot change");
    const def = await definitionFrom(c, db, access.workspace.id);
    const { hookSecret } = await replaceDraft(c.env, db, record, def);
    const item: JourneyItem = await journeyItem(c.env, db, (await readJourney(db, access.workspace.id, record.id))!);
    return c.json(hookSecret ? { ...item, hookSecret } : item);
  })
  .post("/:id/publish", async (c) => {
    const { access, record, db } = await journeyFor(c, "write");
    if (record.status === "archived") fail(409, "The journey is archived; it cannot be published");
    const published = await publishJourney(c.env, db, record, userOf(access));
    if (!published.ok) {
      const first = published.problems[0]!;
      const where = first.node ? `node "${first.node}": ` : "";
      return c.json({ error: `Cannot publish: ${where}${first.message}`, problems: published.problems }, 422);
    }
    return c.json({ version: published.version });
  })
  .post("/:id/status", async (c) => {
    const { status } = await readBody(c, SetJourneyStatus);
    const { access, record, db } = await journeyFor(c, "write");
    const changed = await setStatus(c.env, db, record, status);
    if (!changed.ok) fail(changed.status, changed.message);
    return c.json(await journeyItem(c.env, db, (await readJourney(db, access.workspace.id, record.id))!));
  })
  .post("/:id/enroll", async (c) => {
    const body = await readBody(c, EnrollRequest);
    const { record, db } = await journeyFor(c, "write");
    if (record.status !== "active") fail(409, `The journey is ${record.status}; activate it to enroll rows`);
    const input = { tableId: body.table, rowIds: body.rowIds, compress: body.compressWaits, source: "api" };
    return c.json(await enrollRows(c.env, db, record.id, input));
  })
  .post("/:id/move", async (c) => {
    const { record, db } = await journeyFor(c, "write");
    if (record.version === 0) fail(409, "The journey has no published version to move leads to");
    if (record.status !== "active")
      fail(409, "Activate the journey before moving its leads: a paused journey takes no one in");
    return c.json(await moveToLatest(c.env, db, record.id));
  })
  .post("/:id/test", async (c) => {
    const { sample, version } = await readBody(c, TestRunRequest);
    const { access, record, db } = await journeyFor(c, "read");
    const def = version ? await publishedDefinition(db, record.id, version) : record.draft;
    if (!def) fail(404, `version: the journey has no version ${version}`);
    const row = sample.rowId ? await readLeadRow(c.env, def.table, sample.rowId) : {};
    if (!row) fail(404, `sample.rowId: no row "${sample.rowId}" in the journey's table`);
    const settings = await readJourneySettings(db, access.workspace.id);
    return c.json(simulate(def, sample, { row, settings, now: Date.now() }));
  })
  .get("/:id/analytics", async (c) => {
    const { record, db } = await journeyFor(c, "read");
    const raw = c.req.query("version");
    const version = raw === undefined || raw === "" ? null : VersionQuery.safeParse(raw);
    if (version && !version.success) fail(400, "version: a published version number (1, 2…)");
    return c.json(await readAnalytics(db, record, version ? version.data : null));
  })
  .get("/:id/enrollments", async (c) => {
    const { record, db } = await journeyFor(c, "read");
    return c.json(await listEnrollments(db, record.id));
  })
  .post("/:id/hook-secret", async (c) => {
    const { record, db } = await journeyFor(c, "manage");
    const entry = record.draft.entry.kind;
    if (entry !== "webhook") fail(409, `The journey's entry is ${entry}, not a webhook`);
    return c.json({ hookSecret: await renewHookSecret(db, record.id) });
  });

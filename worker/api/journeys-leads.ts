/**
 * Journeys' lead-side routes (`/api/journeys/…`, mounted before the journey routes so their
 * names are not read as journey ids): outside events for a lead (API tokens), a lead's
 * timeline, handoffs waiting for a person and taking one, the workspace's journey settings
 * (caps, quiet hours, default zone), and making leads from rows of any table.
 */
import { Hono } from "hono";
import { z } from "zod";
import { JourneyEventRequest, JourneySettings } from "../../schema/journeys";
import { HANDOFF_STATUSES } from "../../schema/journeys-tables";
import { tableRoom } from "../durable/table-room";
import { isWorkspaceTable } from "../journeys/check";
import { deliverLeadEvent } from "../journeys/events";
import { HandoffMissingError, HandoffTakenError, listHandoffs, takeHandoff } from "../journeys/handoffs";
import { JOURNEY_SETTINGS_KEY, readJourneySettings } from "../journeys/lead";
import { LeadSourceError, leadFromRow } from "../journeys/leads";
import { findJourneyTables } from "../journeys/tables";
import { leadTimeline } from "../journeys/timeline";
import { saveStoredSettings } from "../stored-settings";
import type { Access } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { workspaceFor } from "./tables";

/** How many rows one "make leads" request may turn into leads: a page of the grid's selection. */
export const MAX_LEADS_PER_REQUEST = 200;

const MakeLeads = z.object({
  table: z.string().min(1),
  rowIds: z.array(z.string().min(1)).min(1).max(MAX_LEADS_PER_REQUEST),
});

const HandoffStatus = z.enum(HANDOFF_STATUSES);

/** Who takes a handoff: a person's email, or the token's id for an API client. */
const whoIs = (access: Access) => (access.actor.kind === "user" ? access.actor.email : `token:${access.actor.tokenId}`);

export const journeyLeadRoutes = new Hono<AppEnv>()
  .post("/events", async (c) => {
    const access = await workspaceFor(c, "write");
    const body = await readBody(c, JourneyEventRequest);
    const db = c.get("db");
    const workspaceId = access.workspace.id;
    const tableId = body.table ?? (await findJourneyTables(c.env, db, workspaceId))?.ids.leads;
    if (!tableId) fail(404, "table: the workspace has no Leads table; name the lead's table");
    if (!(await isWorkspaceTable(db, workspaceId, tableId)))
      fail(404, `table: no table "${tableId}" in this workspace`);
    const [row] = await tableRoom(c.env, tableId).readRows([body.leadId]);
    if (!row) fail(404, `leadId: no row "${body.leadId}" in that table`);
    const input = { workspaceId, tableId, rowId: body.leadId, type: body.type, key: body.key ?? null, data: body.data };
    return c.json(await deliverLeadEvent(c.env, db, input));
  })
  .get("/leads/:tableId/:rowId/timeline", async (c) => {
    const access = await workspaceFor(c, "read");
    const tableId = c.req.param("tableId");
    if (!(await isWorkspaceTable(c.get("db"), access.workspace.id, tableId))) fail(404, "Table not found");
    const lead = { workspaceId: access.workspace.id, tableId, rowId: c.req.param("rowId") };
    return c.json(await leadTimeline(c.env, c.get("db"), lead));
  })
  .post("/leads", async (c) => {
    const access = await workspaceFor(c, "write");
    const body = await readBody(c, MakeLeads);
    const db = c.get("db");
    if (!(await isWorkspaceTable(db, access.workspace.id, body.table)))
      fail(404, `table: no table "${body.table}" in this workspace`);
    const leads = [];
    for (const rowId of [...new Set(body.rowIds)]) {
      try {
        leads.push(await leadFromRow(c.env, db, body.table, rowId));
      } catch (error) {
        if (error instanceof LeadSourceError) fail(404, `rowIds: ${error.message}`);
        throw error;
      }
    }
    return c.json({ leads });
  })
  .get("/handoffs", async (c) => {
    const access = await workspaceFor(c, "read");
    const raw = c.req.query("status");
    const status = raw ? HandoffStatus.safeParse(raw) : null;
    if (status && !status.success) fail(400, `status: one of ${HANDOFF_STATUSES.join(", ")}`);
    const filter = { status: status?.data, to: c.req.query("to") || undefined };
    return c.json(await listHandoffs(c.env, c.get("db"), access.workspace.id, filter));
  })
  .post("/handoffs/:handoffId/take", async (c) => {
    const access = await workspaceFor(c, "write");
    try {
      return c.json(
        await takeHandoff(c.env, c.get("db"), access.workspace.id, c.req.param("handoffId"), whoIs(access)),
      );
    } catch (error) {
      if (error instanceof HandoffMissingError) fail(404, error.message);
      if (error instanceof HandoffTakenError) fail(409, error.message);
      throw error;
    }
  })
  .get("/settings", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await readJourneySettings(c.get("db"), access.workspace.id));
  })
  .put("/settings", async (c) => {
    const access = await workspaceFor(c, "manage");
    const settings = await readBody(c, JourneySettings);
    const db = c.get("db");
    const userId = access.actor.kind === "user" ? access.actor.userId : null;
    await saveStoredSettings(db, access.workspace.id, JOURNEY_SETTINGS_KEY, settings, userId);
    await audit(db, access, "settings.journeys_changed", null, { caps: settings.caps.length, zone: settings.zone });
    return c.json(settings);
  });

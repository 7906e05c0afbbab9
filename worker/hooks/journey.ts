/**
 * `POST /hooks/journey/<journeyId>`: a webhook entry. An outside system enrolls a row in the
 * journey with the journey's secret (shown once, when the journey was made or its secret
 * renewed) in the `x-rowpilot-secret` header or `?secret=`. The body names the row
 * (`{ rowId }`) or a person (`{ email, name?, phone?, company? }`: their Leads row, made when
 * there is none). Unknown journey 404, wrong secret 401, journey not active 409, bad body 400.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { journey } from "../../schema/db";
import type { AppEnv } from "../api/context";
import { fail, readBody } from "../api/errors";
import { enrollRows } from "../journeys/enroll";
import { hookSecretMatches, publishedDefinition } from "../journeys/store";
import { findJourneyTables } from "../journeys/tables";
import { byKey } from "../kinds/tables";

const HookBody = z.union([
  z.object({ rowId: z.string().min(1) }).strict(),
  z
    .object({
      email: z.email("email: an email address"),
      name: z.string().trim().max(200).optional(),
      phone: z.string().trim().max(40).optional(),
      company: z.string().trim().max(200).optional(),
    })
    .strict(),
]);

const origin = { kind: "automation", job: "journey-webhook" } as const;

export const journeyHookRoutes = new Hono<AppEnv>().post("/:journeyId", async (c) => {
  const db = c.get("db");
  const id = c.req.param("journeyId");
  const row = await db.query.journey.findFirst({ where: eq(journey.id, id) });
  if (!row) fail(404, "No journey with this id");
  const secret = c.req.header("x-rowpilot-secret") ?? c.req.query("secret");
  if (!secret) fail(401, "Send the journey's secret in the x-rowpilot-secret header (or ?secret=)");
  if (!(await hookSecretMatches(db, id, secret))) fail(401, "Wrong secret for this journey");
  if (row.status !== "active") fail(409, `The journey is ${row.status}, not active`);
  const def = await publishedDefinition(db, id, row.version);
  if (!def) fail(409, "The journey has no published version");
  if (def.entry.kind !== "webhook") fail(409, `The journey's entry is ${def.entry.kind}, not a webhook`);
  const body = await readBody(c, HookBody);
  let rowId: string;
  if ("rowId" in body) rowId = body.rowId;
  else {
    const tables = await findJourneyTables(c.env, db, row.workspaceId);
    if (!tables || tables.ids.leads !== def.table)
      fail(400, "email: this journey runs on a table other than Leads; send { rowId } instead");
    const leads = tables.leads;
    const found = await leads.room.findOrInsertRow({
      match: [{ columnId: leads.keys.email ?? "", value: body.email }],
      cells: byKey(leads, {
        name: body.name ?? "",
        email: body.email,
        phone: body.phone ?? "",
        company: body.company ?? "",
        source: "webhook",
        stage: "new",
        consent: "unknown",
        channelPreference: "auto",
      }),
      origin,
    });
    if (!found.ok) fail(400, found.message);
    rowId = found.value.id;
  }
  const answer = await enrollRows(c.env, db, id, { tableId: def.table, rowIds: [rowId], source: "webhook" });
  return c.json({ rowId, ...answer }, answer.enrolled.length ? 201 : 200);
});

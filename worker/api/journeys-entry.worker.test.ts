/**
 * How rows get into journeys: a row-enters entry becomes a rule on the table and a new Leads
 * row is enrolled; the journey webhook with its secret; "Make a lead" from another table's row
 * (by rule and by API, once per row); outside events with an API token.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journeyEnrollment } from "../../schema/db";
import type { JourneyEventAnswer } from "../../schema/journeys";
import type { TriggerRule } from "../../schema/triggers";
import { getDb } from "../db";
import { tableRoom } from "../durable/table-room";
import { ensureJourneyTables } from "../journeys/tables";
import { reader } from "../kinds/tables";
import { call, json, ownerWithWorkspace } from "../test/http";

const origin = { kind: "user", userId: "someone" } as const;
const WAIT_MS = 20_000;

async function until<T>(what: string, read: () => Promise<T | null | undefined>): Promise<T> {
  const end = Date.now() + WAIT_MS;
  while (Date.now() < end) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not seen after ${WAIT_MS} ms`);
}

async function workspace() {
  const w = await ownerWithWorkspace();
  const db = getDb(env.DB);
  const tables = await ensureJourneyTables(env, db, w.ws.id, null);
  return { ...w, db, tables, leadsId: tables.ids.leads };
}

const journey = (table: string, entry: unknown) => ({
  name: "Hello",
  table,
  entry,
  start: "won",
  nodes: [
    { id: "won", kind: "goal", next: "bye" },
    { id: "bye", kind: "exit" },
  ],
});

describe("journey entries", () => {
  it("publishing a row-enters journey saves its rule; a new Leads row, even one an automation made, enrolls", async () => {
    const w = await workspace();
    const created = await json<{ id: string }>(
      await call(w.owner, "POST", "/api/journeys", journey(w.leadsId, { kind: "row-enters" })),
    );
    await call(w.owner, "POST", `/api/journeys/${created.id}/publish`);
    const rules = await tableRoom(env, w.leadsId).listRules();
    const rule = rules.find((r: TriggerRule) => r.id === `journey-${created.id}`);
    expect(rule).toMatchObject({
      enabled: true,
      when: "TRUE",
      reactToAutomation: true,
      action: { name: "journey", params: { journeyId: created.id } },
    });

    const made = await w.tables.leads.room.insertRow(
      { [w.tables.leads.keys.name!]: "Ana" },
      { kind: "automation", job: "import" },
    );
    if (!made.ok) throw new Error(made.message);
    const enrolled = await until("the enrollment", () =>
      w.db.query.journeyEnrollment.findFirst({
        where: and(eq(journeyEnrollment.journeyId, created.id), eq(journeyEnrollment.rowId, made.value)),
      }),
    );
    expect(enrolled).toMatchObject({ source: "rule", version: 1 });

    await call(w.owner, "POST", `/api/journeys/${created.id}/status`, { status: "paused" });
    const paused = (await tableRoom(env, w.leadsId).listRules()).find((r) => r.id === `journey-${created.id}`);
    expect(paused?.enabled).toBe(false);
  });

  it("the webhook entry enrolls a person by email with the journey's secret, and refuses the rest", async () => {
    const w = await workspace();
    const res = await call(w.owner, "POST", "/api/journeys", journey(w.leadsId, { kind: "webhook" }));
    const { id, hookSecret } = await json<{ id: string; hookSecret: string }>(res);
    expect(hookSecret).toMatch(/^hook_/);
    const hook = (body: unknown, secret: string | null, path = id) =>
      call({}, "POST", `/hooks/journey/${path}`, body, secret ? { "x-rowpilot-secret": secret } : {});
    expect((await hook({ email: "bo@example.com" }, hookSecret, "nope")).status).toBe(404);
    expect((await hook({ email: "bo@example.com" }, "hook_wrong")).status).toBe(401);
    expect((await hook({ email: "bo@example.com" }, hookSecret)).status).toBe(409);
    await call(w.owner, "POST", `/api/journeys/${id}/publish`);
    const bad = await hook({ email: "not an email" }, hookSecret);
    expect(bad.status).toBe(400);

    const ok = await hook({ email: "bo@example.com", name: "Bo" }, hookSecret);
    expect(ok.status).toBe(201);
    const { rowId } = await json<{ rowId: string }>(ok);
    const [row] = await w.tables.leads.room.readRows([rowId]);
    const r = reader(w.tables.leads, row!.cells);
    expect([r.text("name"), r.text("email"), r.text("stage")]).toEqual(["Bo", "bo@example.com", "new"]);
    const again = await call({}, "POST", `/hooks/journey/${id}?secret=${encodeURIComponent(hookSecret)}`, { rowId });
    expect(await json(again)).toMatchObject({
      rowId,
      enrolled: [],
      skipped: [{ rowId, reason: "already in this journey" }],
    });

    const renewed = await json<{ hookSecret: string }>(await call(w.owner, "POST", `/api/journeys/${id}/hook-secret`));
    expect((await hook({ rowId }, hookSecret)).status).toBe(401);
    expect((await hook({ rowId }, renewed.hookSecret)).status).toBe(200);
  });
});

describe("leads from any row", () => {
  it("a rule's Make a lead copies the row into Leads once, with its source; the API finds the same lead", async () => {
    const w = await workspace();
    const table = await json<{ id: string }>(
      await call(w.owner, "POST", "/api/tables", {
        name: "Dealers",
        columns: [
          { name: "Name", type: "text" },
          { name: "Contact email", type: "email" },
          { name: "Mobile", type: "phone" },
          { name: "City", type: "text" },
          { name: "Qualified", type: "checkbox" },
        ],
      }),
    );
    const rule = { name: "Qualified become leads", when: "{Qualified}", action: { name: "lead", params: {} } };
    expect((await call(w.owner, "PUT", `/api/tables/${table.id}/triggers/leads`, rule)).status).toBe(200);
    const { columns } = await tableRoom(env, table.id).describe();
    const col = (name: string) => columns.find((c) => c.name === name)!.id;
    const inserted = await tableRoom(env, table.id).insertRow(
      {
        [col("Name")]: "Lone Star Motors",
        [col("Contact email")]: "sales@lonestar.example",
        [col("Mobile")]: "+15125550100",
        [col("City")]: "Austin",
        [col("Qualified")]: true,
      },
      origin,
    );
    if (!inserted.ok) throw new Error(inserted.message);
    const source = `${table.id}:${inserted.value}`;
    const leadRows = async () => {
      const { rows } = await w.tables.leads.room.queryRows({ filters: [], sort: [], limit: 50, offset: 0 });
      return rows.map((row) => reader(w.tables.leads, row.cells)).filter((r) => r.text("source") === source);
    };
    const [lead] = await until("the lead", async () => ((await leadRows()).length ? leadRows() : null));
    expect(
      ["name", "email", "phone", "location", "stage", "consent", "channelPreference"].map((k) => lead!.text(k)),
    ).toEqual(["Lone Star Motors", "sales@lonestar.example", "+15125550100", "Austin", "new", "unknown", "auto"]);
    const res = await call(w.owner, "POST", "/api/journeys/leads", { table: table.id, rowIds: [inserted.value] });
    expect(await json(res)).toMatchObject({ leads: [{ created: false, sourceRowId: inserted.value }] });
    expect(await leadRows()).toHaveLength(1);
    expect((await call(w.owner, "POST", "/api/journeys/leads", { table: table.id, rowIds: ["nobody"] })).status).toBe(
      404,
    );
  });
});

describe("outside events", () => {
  it("takes a lead's event with an editor API token; no token is 401, a viewer's is 403", async () => {
    const w = await workspace();
    const made = await w.tables.leads.room.insertRow({ [w.tables.leads.keys.name!]: "Ana" }, origin);
    if (!made.ok) throw new Error(made.message);
    const token = async (role: string) =>
      (await json<{ token: string }>(await call(w.owner, "POST", `${w.base}/tokens`, { name: role, role }))).token;
    const event = { leadId: made.value, type: "visited", key: "pricing" };
    expect((await call({}, "POST", "/api/journeys/events", event)).status).toBe(401);
    expect((await call({ token: await token("viewer") }, "POST", "/api/journeys/events", event)).status).toBe(403);
    const editor = { token: await token("editor") };
    const res = await call(editor, "POST", "/api/journeys/events", event);
    expect(res.status).toBe(200);
    expect(await json<JourneyEventAnswer>(res)).toMatchObject({ coalesced: false });
    const bad = await call(editor, "POST", "/api/journeys/events", { ...event, type: "Visited Site!" });
    expect(bad.status).toBe(400);
    expect((await call(editor, "POST", "/api/journeys/events", { ...event, leadId: "nobody" })).status).toBe(404);
    const timeline = await json<{ entries: { kind: string; detail: string }[] }>(
      await call(w.owner, "GET", `/api/journeys/leads/${w.leadsId}/${made.value}/timeline`),
    );
    expect(timeline.entries).toContainEqual(expect.objectContaining({ kind: "event", detail: "visited (pricing)" }));
  });
});

/**
 * The journeys API as a client uses it: make, read, edit, publish (refused with the node named),
 * pause and archive, enroll, test-run, analytics, enrollments, templates and settings; viewers
 * read but do not write, another workspace's journey is not found.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EnrollAnswer, JourneyAnalytics, JourneyItem, TestRunAnswer } from "../../schema/journeys";
import { getDb } from "../db";
import { ensureJourneyTables } from "../journeys/tables";
import { reader } from "../kinds/tables";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";

type Owner = Awaited<ReturnType<typeof ownerWithWorkspace>>;

async function workspace() {
  const w = await ownerWithWorkspace();
  const tables = await ensureJourneyTables(env, getDb(env.DB), w.ws.id, null);
  const lead = async (name: string) => {
    const cells = { [tables.leads.keys.name!]: name, [tables.leads.keys.email!]: `${name.toLowerCase()}@example.com` };
    const made = await tables.leads.room.insertRow(cells, { kind: "automation", job: "test" });
    if (!made.ok) throw new Error(made.message);
    return made.value;
  };
  return { ...w, tables, leadsId: tables.ids.leads, lead };
}

/** Hello, then the goal, then the end: a journey that finishes at once. */
const welcome = (table: string, extra: Record<string, unknown> = {}) => ({
  name: "Welcome",
  table,
  entry: { kind: "manual" },
  start: "hello",
  nodes: [
    {
      id: "hello",
      kind: "send",
      channel: "email",
      template: { subject: "Hi {{lead.Name}}", body: "Welcome!" },
      next: "won",
    },
    { id: "won", kind: "goal", label: "Said hello", next: "bye" },
    { id: "bye", kind: "exit" },
  ],
  ...extra,
});

async function made(w: Owner, body: unknown): Promise<string> {
  const res = await call(w.owner, "POST", "/api/journeys", body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

const errorOf = async (res: Response) => (await json<{ error: { message: string } }>(res)).error.message;

describe("journeys API — making and editing", () => {
  it("makes a draft, lists it, mirrors it in the Journeys table and replaces its draft", async () => {
    const w = await workspace();
    const id = await made(w, welcome(w.leadsId));
    const item = await json<JourneyItem>(await call(w.owner, "GET", `/api/journeys/${id}`));
    expect(item).toMatchObject({ id, name: "Welcome", status: "draft", version: 0, published: null, changed: true });
    expect(item.counts).toEqual({ enrolled: 0, active: 0, finished: 0, exited: 0, converted: 0 });
    const list = await json<JourneyItem[]>(await call(w.owner, "GET", "/api/journeys"));
    expect(list.map((j) => j.id)).toEqual([id]);
    const [row] = await w.tables.journeys.room.readRows([id]);
    const r = reader(w.tables.journeys, row!.cells);
    expect([r.text("name"), r.text("status"), r.text("entry"), r.text("goal")]).toEqual([
      "Welcome",
      "draft",
      "Manual",
      "Said hello",
    ]);

    const put = await call(w.owner, "PUT", `/api/journeys/${id}`, welcome(w.leadsId, { name: "Welcome v2" }));
    expect(put.status).toBe(200);
    expect(await json<JourneyItem>(put)).toMatchObject({ name: "Welcome v2", definition: { name: "Welcome v2" } });
  });

  it("refuses a definition that is not a journey with a 400 naming the field", async () => {
    const w = await workspace();
    const bad = welcome(w.leadsId, { nodes: [{ id: "x", kind: "send", channel: "fax", template: { body: "hi" } }] });
    const res = await call(w.owner, "POST", "/api/journeys", bad);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatch(/^nodes\[0\]/);
    const noTable = await call(w.owner, "POST", "/api/journeys", welcome("not-a-table"));
    expect(noTable.status).toBe(400);
    expect(await errorOf(noTable)).toMatch(/^table: no table "not-a-table"/);
  });

  it("lets viewers read but not write, and hides another workspace's journeys", async () => {
    const w = await workspace();
    const id = await made(w, welcome(w.leadsId));
    const viewer = await memberWithRole(w.owner, w.base, "viewer");
    expect((await call(viewer, "GET", `/api/journeys/${id}`)).status).toBe(200);
    expect((await call(viewer, "POST", `/api/journeys/${id}/publish`)).status).toBe(403);
    expect((await call(viewer, "POST", "/api/journeys", welcome(w.leadsId))).status).toBe(403);
    const other = await ownerWithWorkspace("Other Motors");
    const res = await call(other.owner, "GET", `/api/journeys/${id}`);
    expect(res.status).toBe(404);
    expect((await call(other.owner, "POST", `/api/journeys/${id}/publish`)).status).toBe(404);
  });
});

describe("journeys API — publishing and running", () => {
  it("refuses to publish a draft with problems, naming the node, with 422", async () => {
    const w = await workspace();
    const def = welcome(w.leadsId);
    def.nodes.splice(1, 0, {
      id: "check",
      kind: "condition",
      all: [{ type: "property", field: "Shoe size", operator: "greater_than", value: 9 }],
      yes: "won",
      no: "bye",
    } as never);
    const id = await made(w, def);
    const res = await call(w.owner, "POST", `/api/journeys/${id}/publish`);
    expect(res.status).toBe(422);
    const body = await json<{ error: string; problems: { node: string | null; message: string }[] }>(res);
    expect(body.problems.map((p) => p.node)).toContain("check");
    expect(body.problems.find((p) => p.node === "check")?.message).toMatch(/Shoe size/);
    expect((await json<JourneyItem>(await call(w.owner, "GET", `/api/journeys/${id}`))).version).toBe(0);
  });

  it("publishes versions, enrolls a lead who finishes at the goal, and counts it in analytics", async () => {
    const w = await workspace();
    const id = await made(w, welcome(w.leadsId));
    expect((await call(w.owner, "POST", `/api/journeys/${id}/status`, { status: "active" })).status).toBe(409);
    expect(await json(await call(w.owner, "POST", `/api/journeys/${id}/publish`))).toEqual({ version: 1 });
    expect(await json(await call(w.owner, "POST", `/api/journeys/${id}/publish`))).toEqual({ version: 2 });
    const ana = await w.lead("Ana");
    const enroll = await call(w.owner, "POST", `/api/journeys/${id}/enroll`, {
      table: w.leadsId,
      rowIds: [ana, "nobody"],
    });
    const answer = await json<EnrollAnswer>(enroll);
    expect(answer.enrolled.map((e) => e.rowId)).toEqual([ana]);
    expect(answer.skipped).toEqual([{ rowId: "nobody", reason: "no such row in the table" }]);

    const until = Date.now() + 20_000;
    let analytics: JourneyAnalytics | null = null;
    while (Date.now() < until) {
      analytics = await json<JourneyAnalytics>(await call(w.owner, "GET", `/api/journeys/${id}/analytics?version=2`));
      if (analytics.converted === 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(analytics).toMatchObject({ journeyId: id, version: 2, enrolled: 1, converted: 1, conversion: 1 });
    const enrollments = await json<{ rowId: string; version: number }[]>(
      await call(w.owner, "GET", `/api/journeys/${id}/enrollments`),
    );
    expect(enrollments).toMatchObject([{ rowId: ana, version: 2 }]);
    const item = await json<JourneyItem>(await call(w.owner, "GET", `/api/journeys/${id}`));
    expect(item.counts).toMatchObject({ enrolled: 1, converted: 1 });
    expect((await call(w.owner, "GET", `/api/journeys/${id}/analytics?version=zero`)).status).toBe(400);
    const timeline = await json<{ entries: { kind: string }[] }>(
      await call(w.owner, "GET", `/api/journeys/leads/${w.leadsId}/${ana}/timeline`),
    );
    expect(timeline.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["enrolled", "step"]));
  });

  it("pauses (no enrolling, 409) and archives (no editing or publishing, 409)", async () => {
    const w = await workspace();
    const id = await made(w, welcome(w.leadsId));
    await call(w.owner, "POST", `/api/journeys/${id}/publish`);
    const paused = await call(w.owner, "POST", `/api/journeys/${id}/status`, { status: "paused" });
    expect(await json<JourneyItem>(paused)).toMatchObject({ status: "paused" });
    const ana = await w.lead("Ana");
    expect(
      (await call(w.owner, "POST", `/api/journeys/${id}/enroll`, { table: w.leadsId, rowIds: [ana] })).status,
    ).toBe(409);
    await call(w.owner, "POST", `/api/journeys/${id}/status`, { status: "archived" });
    expect((await call(w.owner, "PUT", `/api/journeys/${id}`, welcome(w.leadsId))).status).toBe(409);
    expect((await call(w.owner, "POST", `/api/journeys/${id}/publish`)).status).toBe(409);
    expect((await call(w.owner, "POST", `/api/journeys/${id}/status`, { status: "active" })).status).toBe(409);
    const bad = await call(w.owner, "POST", `/api/journeys/${id}/status`, { status: "sleeping" });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^status:/);
  });

  it("test-runs the draft for a sample lead, showing the path and the message", async () => {
    const w = await workspace();
    const id = await made(w, welcome(w.leadsId));
    const res = await call(w.owner, "POST", `/api/journeys/${id}/test`, {
      sample: { cells: { Name: "Ana", Email: "ana@example.com" } },
    });
    expect(res.status).toBe(200);
    const run = await json<TestRunAnswer>(res);
    expect(run.path.map((s) => s.node)).toEqual(["hello", "won", "bye"]);
    expect(run.messages[0]).toMatchObject({ channel: "email", subject: "Hi Ana" });
    expect((await call(w.owner, "POST", `/api/journeys/${id}/test`, { sample: {}, version: 3 })).status).toBe(404);
  });
});

describe("journeys API — templates and settings", () => {
  it("lists the prebuilt journeys and makes a draft from one on the workspace's Leads", async () => {
    const w = await workspace();
    const templates = await json<{ key: string; name: string }[]>(
      await call(w.owner, "GET", "/api/journeys/templates"),
    );
    expect(templates.map((t) => t.key)).toContain("welcome");
    const res = await call(w.owner, "POST", "/api/journeys/from-template", { key: "welcome" });
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    const item = await json<JourneyItem>(await call(w.owner, "GET", `/api/journeys/${id}`));
    expect(item.definition.table).toBe(w.leadsId);
    const bad = await call(w.owner, "POST", "/api/journeys/from-template", { key: "nope" });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^key:/);
  });

  it("keeps the workspace's caps, quiet hours and zone; a bad zone is a 400 naming it", async () => {
    const w = await workspace();
    expect(await json(await call(w.owner, "GET", "/api/journeys/settings"))).toEqual({
      caps: [],
      quietHours: null,
      zone: "UTC",
    });
    const settings = {
      caps: [{ channel: "any", max: 3, perDays: 7, over: "defer" }],
      quietHours: { from: "21:00", to: "08:00" },
      zone: "America/Chicago",
    };
    expect((await call(w.owner, "PUT", "/api/journeys/settings", settings)).status).toBe(200);
    expect(await json(await call(w.owner, "GET", "/api/journeys/settings"))).toEqual(settings);
    const bad = await call(w.owner, "PUT", "/api/journeys/settings", { ...settings, zone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^zone:/);
    const viewer = await memberWithRole(w.owner, w.base, "viewer");
    expect((await call(viewer, "PUT", "/api/journeys/settings", settings)).status).toBe(403);
  });
});

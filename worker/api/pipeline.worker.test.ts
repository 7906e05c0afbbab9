import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PipelineAnswer, PipelineStage } from "../../schema/autopilot";
import type { CellValue } from "../../schema/tables";
import { getDb } from "../db";
import { ensureHunting } from "../hunting/tables";
import { huntingOrigin } from "../hunting/territories";
import { byKey, type TableHandle } from "../kinds/tables";
import { ensureMessaging } from "../messaging/tables";
import { ensureSites } from "../sites/tables";
import { call, json, memberWithRole, ownerWithWorkspace, signUp } from "../test/http";

const origin = huntingOrigin("pipeline-test");

async function insert(table: TableHandle, cells: Record<string, CellValue>): Promise<string> {
  const row = await table.room.insertRow(byKey(table, cells), origin);
  if (!row.ok) throw new Error(row.message);
  return row.value;
}

const countsOf = (answer: PipelineAnswer) =>
  Object.fromEntries(answer.stages.map((s) => [s.stage, s.count])) as Record<PipelineStage, number>;

describe("Pipeline API", { timeout: 30_000 }, () => {
  it("answers zeros for a workspace that has none of the pipeline's tables", async () => {
    const { owner, ws } = await ownerWithWorkspace("Empty Agency");
    const res = await call(owner, "GET", `/api/pipeline?workspace=${ws.slug}`);
    expect(res.status).toBe(200);
    const answer = await json<PipelineAnswer>(res);
    expect(answer.stages).toHaveLength(11);
    expect(answer.stages.every((s) => s.count === 0 && s.link === null)).toBe(true);
    expect(answer.throughput).toHaveLength(14);
  });

  it("counts the rows of a workspace stage by stage, each number linked to its table", async () => {
    const { owner, ws } = await ownerWithWorkspace("Counted Agency");
    const db = getDb(env.DB);
    const hunting = await ensureHunting(env, db, ws.id, owner.id);
    const sites = await ensureSites(env, db, ws.id, owner.id, hunting.ids.businesses);
    const messaging = await ensureMessaging(env, db, ws.id, owner.id);
    await insert(hunting.territories, { name: "Austin bakeries", status: "pending" });
    const leads = ["new", "qualified", "site generated", "pitched", "disqualified"];
    const businesses = await Promise.all(
      leads.map((leadStatus, i) => insert(hunting.businesses, { name: `B${i}`, leadStatus })),
    );
    const today = new Date().toISOString();
    await insert(sites, { business: [businesses[2]!], status: "review", generated: today });
    const live = await insert(sites, {
      business: [businesses[3]!],
      status: "published",
      generated: today,
      published: today,
    });
    await insert(messaging.messages, {
      site: [live],
      direction: "out",
      status: "opened",
      sentAt: today,
      firstOpenedAt: today,
    });

    const res = await call(owner, "GET", `/api/pipeline?workspace=${ws.slug}`);
    expect(res.status).toBe(200);
    const answer = await json<PipelineAnswer>(res);
    expect(countsOf(answer)).toMatchObject({
      territories: 1,
      scraped: 5,
      qualified: 3,
      generated: 2,
      published: 1,
      pitched: 1,
      opened: 1,
      clicked: 0,
      paid: 0,
    });
    const generated = answer.stages.find((s) => s.stage === "generated")!;
    expect(generated).toMatchObject({
      waiting: 1,
      link: { tableId: sites.id, filter: { columnKey: "generated", op: "notEmpty" } },
    });
    expect(answer.stages.find((s) => s.stage === "territories")!.link).toEqual({
      tableId: hunting.ids.territories,
      filter: null,
    });
    expect(answer.throughput.at(-1)).toMatchObject({ generated: 2, published: 1, pitched: 1 });
  });

  it("lets viewers read, and keeps other workspaces and strangers out", async () => {
    const { owner, ws, base } = await ownerWithWorkspace("Watched Agency");
    const viewer = await memberWithRole(owner, base, "viewer");
    expect((await call(viewer, "GET", `/api/pipeline?workspace=${ws.slug}`)).status).toBe(200);
    const stranger = await signUp("Stranger");
    const denied = await call(stranger, "GET", `/api/pipeline?workspace=${ws.slug}`);
    expect([403, 404]).toContain(denied.status);
    expect((await call({}, "GET", `/api/pipeline?workspace=${ws.slug}`)).status).toBe(401);
  });
});

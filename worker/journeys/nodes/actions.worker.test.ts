/** The action nodes run for a lead inside workerd, each with what a person would see afterwards. */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../../schema/db";
import type { JourneyDefinition, NodeOf } from "../../../schema/journeys";
import type { CellValue } from "../../../schema/tables";
import { getDb } from "../../db";
import { findHunting } from "../../hunting/tables";
import { reader } from "../../kinds/tables";
import { siteCells, workspaceWithRosa } from "../../test/sites";
import { callsTo, tableWith, targetUrl } from "../../test/tables";
import { listHandoffs } from "../handoffs";
import type { RunContext } from "../run-context";
import { journeyWorkspace } from "../test/journeys";
import { runActionNode } from "./actions";
import { runHandoffNode } from "./handoff";

type Node = Parameters<typeof runActionNode>[2];

function runOf(w: { ws: { id: string } }, tableId: string, rowId: string, row: Record<string, CellValue>): RunContext {
  return {
    workspaceId: w.ws.id,
    journeyId: "j-test",
    journeyName: "Test journey",
    version: 3,
    definition: {} as JourneyDefinition,
    enrollmentId: "e-test",
    seq: 0,
    tableId,
    rowId,
    row,
    compress: true,
    channelsUsed: ["email"],
  };
}

async function leadRun() {
  const w = await journeyWorkspace();
  const row = { Name: "Rose", Email: "rose@bakery.example", Stage: "new", Owner: "ana@rowpilot.example" };
  const rose = await w.lead({ name: row.Name, email: row.Email, stage: row.Stage, owner: row.Owner });
  const cells = async () => {
    const [r] = await w.tables.leads.room.readRows([rose]);
    return reader(w.tables.leads, r!.cells);
  };
  return { w, rose, run: runOf(w, w.leadsId, rose, row), cells };
}

describe("journey action nodes", { timeout: 30_000 }, () => {
  it("update writes the named columns, placeholders filled from the lead", async () => {
    const { run, cells } = await leadRun();
    const node: Node = { id: "up", kind: "update", fields: { stage: "qualified", Company: "{{lead.Name}}'s Bakery" } };
    expect(await runActionNode(env, run, node)).toEqual({ outcome: "updated stage, Company", edge: "next" });
    expect((await cells()).text("stage")).toBe("qualified");
    expect((await cells()).text("company")).toBe("Rose's Bakery");
    const missing: Node = { id: "up", kind: "update", fields: { Nope: 1 } };
    expect(await runActionNode(env, run, missing)).toEqual({ outcome: 'failed: no column "Nope"', edge: "next" });
  });

  it("create-row adds a row to a table of the same workspace and refuses another workspace's", async () => {
    const { w, run } = await leadRun();
    const tasks = await tableWith([{ name: "Title", type: "text" }], "Tasks", w);
    const node: Node = { id: "task", kind: "create-row", table: "Tasks", cells: { Title: "Call {{lead.Name}}" } };
    const result = await runActionNode(env, run, node);
    expect(result.outcome).toMatch(/^created row /);
    expect((await tasks.rows()).map((r) => r.cells[tasks.col("Title")])).toEqual(["Call Rose"]);

    const other = await tableWith([{ name: "Title", type: "text" }], "Elsewhere");
    const outside: Node = { id: "task", kind: "create-row", table: other.tableId, cells: { Title: "x" } };
    expect(await runActionNode(env, run, outside)).toEqual({
      outcome: `failed: no table "${other.tableId}" in this workspace`,
      edge: "next",
    });
    expect(await other.rows()).toEqual([]);
  });

  it("webhook posts the lead; a 4xx is the outcome, a 5xx throws for the step to retry", async () => {
    const { run, rose, w } = await leadRun();
    const id = `journey-hook-${rose}`;
    const ok: Node = { id: "hook", kind: "webhook", url: targetUrl(id) };
    expect(await runActionNode(env, run, ok)).toEqual({ outcome: "called: 200", edge: "next" });
    expect((await callsTo(id))[0]?.body).toEqual({
      journey: "j-test",
      version: 3,
      node: "hook",
      lead: { table: w.leadsId, rowId: rose, cells: run.row },
    });
    const refused: Node = { id: "hook", kind: "webhook", url: targetUrl(`${id}-404`, "fail=1&status=404") };
    expect(await runActionNode(env, run, refused)).toEqual({
      outcome: expect.stringMatching(/^failed: .* 404$/),
      edge: "next",
    });
    const broken: Node = { id: "hook", kind: "webhook", url: targetUrl(`${id}-503`, "fail=1&status=503") };
    await expect(runActionNode(env, run, broken)).rejects.toThrow(/answered 503/);
  });

  it("notify leaves a done handoff for the person and an audit entry", async () => {
    const { w, run } = await leadRun();
    const node: Node = { id: "tell", kind: "notify", to: "ana@rowpilot.example", message: "{{lead.Name}} is hot" };
    expect(await runActionNode(env, run, node)).toEqual({ outcome: "notified ana@rowpilot.example", edge: "next" });
    const [item] = await listHandoffs(env, w.db, w.ws.id, { to: "ana@rowpilot.example" });
    expect(item).toMatchObject({ to: "ana@rowpilot.example", reason: "Rose is hot", status: "done", leadName: "Rose" });
    const audits = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, w.ws.id), eq(auditLog.action, "journeys.notify")));
    expect(audits.map((a) => a.target)).toEqual([item!.id]);
  });

  it("start-contact refuses a row that is not an outreach Dealerships row", async () => {
    const { run } = await leadRun();
    expect(await runActionNode(env, run, { id: "go", kind: "start-contact" })).toEqual({
      outcome: "failed: This table is not an outreach table",
      edge: "next",
    });
  });

  it("generate-site makes and publishes a site for a Businesses row, and refuses a Leads row", async () => {
    const rosa = await workspaceWithRosa();
    const hunting = (await findHunting(env, getDb(env.DB), rosa.ws.id))!;
    const run = runOf(rosa, hunting.ids.businesses, rosa.business.rowId, { Name: "Rosa's Taquería" });
    const result = await runActionNode(env, run, { id: "site", kind: "generate-site", publish: true });
    expect(result.outcome).toMatch(/^site published at https?:\/\/rosa/);
    expect(await siteCells(rosa.owner, rosa.ws.slug)).toMatchObject({ Status: "published" });

    const { run: leadOnly } = await leadRun();
    expect(await runActionNode(env, leadOnly, { id: "site", kind: "generate-site" })).toEqual({
      outcome: "failed: sites are made for Businesses rows",
      edge: "next",
    });
  });
});

describe("handoff node — to a channel", { timeout: 30_000 }, () => {
  it("hands the lead to the SMS agent: done at once, the lead's channel preference set", async () => {
    const { w, run, cells } = await leadRun();
    const node: NodeOf<"handoff"> = { id: "sms", kind: "handoff", to: { channel: "sms" }, reason: "prefers texts" };
    expect(await runHandoffNode(env, run, node)).toEqual({ outcome: "handed off to the sms agent", edge: "next" });
    expect((await cells()).text("channelPreference")).toBe("sms");
    const [item] = await listHandoffs(env, w.db, w.ws.id, {});
    expect(item).toMatchObject({ to: "sms agent", status: "done", reason: "prefers texts" });
    expect(item!.context).toMatchObject({
      previousAgents: ["email"],
      metadata: { journey: "j-test", version: 3, node: "sms" },
    });
  });
});

import { describe, expect, it } from "vitest";
import type { WorkspaceRun } from "../../schema/triggers";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { tableWith } from "../test/tables";

const MARK = (status: string) => ({
  name: `Mark ${status}`,
  when: "{Score} >= 80",
  action: { name: "set-fields", params: { fields: { Status: status } } },
});
const COLUMNS = [
  { name: "Score", type: "number" },
  { name: "Status", type: "text" },
];

describe("the workspace run log", () => {
  it("merges every table's firings, newest first, with rule, table, row, action and outcome", async () => {
    const workspace = await ownerWithWorkspace();
    const leads = await tableWith(COLUMNS, "Leads", workspace);
    const dealers = await tableWith(COLUMNS, "Dealers", workspace);
    await leads.rule("hot", MARK("hot"));
    await dealers.rule("ready", { ...MARK("ready"), action: { name: "set-fields", params: { fields: { Nope: 1 } } } });
    const lead = await leads.insert({ Score: 90 });
    await leads.runs();
    const dealer = await dealers.insert({ Score: 95 });
    await dealers.runs();

    const res = await call(workspace.owner, "GET", "/api/triggers/runs?limit=10");
    expect(res.status).toBe(200);
    const { runs } = await json<{ runs: WorkspaceRun[] }>(res);
    expect(runs.map((r) => [r.tableName, r.ruleId, r.rowId, r.action, r.outcome])).toEqual([
      ["Dealers", "ready", dealer, "set-fields", "failed"],
      ["Leads", "hot", lead, "set-fields", "succeeded"],
    ]);
    expect(runs[0]).toMatchObject({ tableId: dealers.tableId, error: "cells.Nope: no such column", attempts: 1 });
    expect(runs[1]).toMatchObject({ tableId: leads.tableId, error: null, source: "change" });
    expect(Date.parse(runs[0]!.firedAt)).toBeGreaterThanOrEqual(Date.parse(runs[1]!.firedAt));

    const viewer = await memberWithRole(workspace.owner, workspace.base, "viewer");
    const seen = await call(viewer, "GET", `/api/triggers/runs?workspace=${workspace.ws.slug}&limit=1`);
    expect((await json<{ runs: WorkspaceRun[] }>(seen)).runs).toHaveLength(1);
  });

  it("keeps to its workspace and checks the limit", async () => {
    const mine = await tableWith(COLUMNS);
    await mine.rule("hot", MARK("hot"));
    await mine.insert({ Score: 99 });
    await mine.runs();
    const other = await ownerWithWorkspace("Other Motors");
    expect(await json(await call(other.owner, "GET", "/api/triggers/runs"))).toEqual({ runs: [] });
    const bad = await call(mine.owner, "GET", "/api/triggers/runs?limit=0");
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { message: "limit: a whole number from 1 to 500" } });
  });
});

import { describe, expect, it } from "vitest";
import { call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import { tableWith } from "../test/tables";

type Run = { ruleId: string; rowId: string; key: string | null; outcome: string; detail: string | null };
type Row = { id: string; cells: Record<string, unknown> };

async function leadsTable() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const res = await call(owner, "POST", `/api/tables?workspace=${ws.slug}`, {
    name: "Leads",
    columns: [
      { name: "Name", type: "text" },
      { name: "Score", type: "number" },
      { name: "Status", type: "text" },
    ],
  });
  const table = await json<{ id: string; columns: { id: string; name: string }[] }>(res);
  const path = `/api/tables/${table.id}`;
  const col = (name: string) => table.columns.find((c) => c.name === name)!.id;
  const rule = (id: string, body: unknown) => call(owner, "PUT", `${path}/triggers/${id}`, body);
  const runs = async () => (await json<{ runs: Run[] }>(await call(owner, "GET", `${path}/triggers/runs`))).runs;
  const row = async (id: string) => {
    const page = await json<{ rows: Row[] }>(await call(owner, "GET", `${path}/rows?limit=50`));
    return page.rows.find((r) => r.id === id)!.cells;
  };
  const insert = async (cells: Record<string, unknown>) =>
    (await json<{ id: string }>(await call(owner, "POST", `${path}/rows`, { cells }))).id;
  const patch = (id: string, cells: Record<string, unknown>) => call(owner, "PATCH", `${path}/rows/${id}`, { cells });
  return { owner, base, path, col, rule, runs, row, insert, patch };
}

const HOT = {
  name: "Mark hot leads",
  when: "{Score} >= 80",
  action: { name: "set-fields", params: { fields: { Status: "hot" } } },
};

describe("trigger rules on a table", () => {
  it("fires when a row comes to match, writes its action's result into the row, and not again while it matches", async () => {
    const t = await leadsTable();
    const saved = await t.rule("hot", HOT);
    expect(saved.status).toBe(200);
    expect(await json(saved)).toMatchObject({ id: "hot", version: 1, enabled: true });

    const lead = await t.insert({ Name: "Lone Star Honda", Score: 50 });
    await t.patch(lead, { Score: 85 });
    expect(await t.runs()).toMatchObject([{ ruleId: "hot", rowId: lead, outcome: "succeeded" }]);
    expect((await t.row(lead))[t.col("Status")]).toBe("hot");

    await t.patch(lead, { Score: 90, Status: "called" });
    expect(await t.runs()).toHaveLength(1);
    expect((await t.row(lead))[t.col("Status")]).toBe("called");
  });

  it("stops two rules that keep answering each other, and says so in the run log", async () => {
    const t = await leadsTable();
    const ping = { when: "{Status} = 'ping'", reactToAutomation: true };
    await t.rule("a", {
      ...ping,
      name: "ping → pong",
      action: { name: "set-fields", params: { fields: { Status: "pong" } } },
    });
    await t.rule("b", {
      name: "pong → ping",
      when: "{Status} = 'pong'",
      reactToAutomation: true,
      action: { name: "set-fields", params: { fields: { Status: "ping" } } },
    });
    const lead = await t.insert({ Name: "Echo Motors" });
    await t.patch(lead, { Status: "ping" });
    const runs = await t.runs();
    expect(runs.map((r) => [r.ruleId, r.outcome])).toEqual([
      ["a", "loop_stopped"],
      ["b", "succeeded"],
      ["a", "succeeded"],
    ]);
    expect(runs[0]!.detail).toContain("rule “b” wrote the change");
    expect((await t.row(lead))[t.col("Status")]).toBe("ping");
  });

  it("refuses a rule whose condition does not parse or names a missing column, and viewers' changes", async () => {
    const t = await leadsTable();
    const broken = await t.rule("bad", { ...HOT, when: "{Score} >=" });
    expect(broken.status).toBe(400);
    expect(await json<{ error: { message: string } }>(broken)).toMatchObject({
      error: { message: expect.stringMatching(/^when: .*position/i) },
    });
    const missing = await t.rule("bad", { ...HOT, when: "{Rating} > 3" });
    expect(await json<{ error: { message: string } }>(missing)).toMatchObject({
      error: { message: 'when: no column named "Rating"' },
    });
    const viewer = await memberWithRole(t.owner, t.base, "viewer");
    expect((await call(viewer, "PUT", `${t.path}/triggers/hot`, HOT)).status).toBe(403);
    expect((await call(viewer, "GET", `${t.path}/triggers`)).status).toBe(200);
  });

  it("makes every save a new version, so a row that fired fires again under the edited rule", async () => {
    const t = await leadsTable();
    await t.rule("hot", HOT);
    const lead = await t.insert({ Score: 95 });
    expect(await t.runs()).toHaveLength(1);
    const edited = await json<{ version: number }>(
      await t.rule("hot", { ...HOT, action: { name: "set-fields", params: { fields: { Status: "very hot" } } } }),
    );
    expect(edited.version).toBe(2);
    await t.patch(lead, { Score: 10 });
    await t.runs(); // rules look once a burst of edits settles; let this one settle
    await t.patch(lead, { Score: 99 });
    expect((await t.runs()).map((r) => r.outcome)).toEqual(["succeeded", "succeeded"]);
    expect((await t.row(lead))[t.col("Status")]).toBe("very hot");
  });
});

describe("trigger rules over formula columns", () => {
  const pricing = () =>
    tableWith([
      { name: "Price", type: "number" },
      { name: "Qty", type: "number" },
      { name: "Total", type: "formula", options: { formula: "{Price} * {Qty}" } },
      { name: "Status", type: "text" },
      { name: "Loop A", type: "formula", options: { formula: "{Loop B} + 1" } },
      { name: "Loop B", type: "formula", options: { formula: "{Loop A} + 1" } },
    ]);

  it("fires on a condition over a formula column, computed from the row, even when watching only it", async () => {
    const t = await pricing();
    const saved = await t.rule("big", {
      name: "Big orders",
      when: "{Total} >= 100",
      watch: ["Total"],
      action: { name: "set-fields", params: { fields: { Status: "big" } } },
    });
    expect(saved.status).toBe(200);
    const order = await t.insert({ Price: 10, Qty: 5 });
    expect(await t.runs()).toEqual([]);
    await t.patch(order, { Qty: 12 });
    expect((await t.runs()).map((r) => [r.ruleId, r.rowId, r.outcome])).toEqual([["big", order, "succeeded"]]);
    expect((await t.row(order))[t.col("Status")]).toBe("big");
  });

  it("returns formula values with the rows, never storing them, and #CYCLE! for a cycle", async () => {
    const t = await pricing();
    const order = await t.insert({ Price: 4, Qty: 3 });
    const cells = await t.row(order);
    expect(cells[t.col("Total")]).toBe(12);
    expect(cells[t.col("Loop A")]).toMatchObject({ error: "#CYCLE!" });
    expect(cells[t.col("Loop B")]).toMatchObject({ error: "#CYCLE!" });
    expect((await t.history(order)).map((c) => c.columnId)).not.toContain(t.col("Total"));
  });
});

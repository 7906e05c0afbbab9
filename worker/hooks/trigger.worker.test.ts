import { describe, expect, it } from "vitest";
import { call, json } from "../test/http";
import { tableWith } from "../test/tables";

const HOT_BY_HOOK = {
  name: "Mark hot leads when the CRM calls",
  when: "{Score} >= 80",
  start: { kind: "webhook" },
  action: { name: "set-fields", params: { fields: { Status: "hot" } } },
};

async function hookedTable() {
  const t = await tableWith([
    { name: "Name", type: "text" },
    { name: "Score", type: "number" },
    { name: "Status", type: "text" },
  ]);
  const hot = await t.insert({ Name: "Lone Star Honda", Score: 90 });
  const warm = await t.insert({ Name: "Echo Motors", Score: 85 });
  const cold = await t.insert({ Name: "Harbor Ford", Score: 20 });
  // Rule ids are unique per table only, and every table of this file shares one D1.
  const ruleId = `crm-${crypto.randomUUID().slice(0, 8)}`;
  const saved = await t.rule(ruleId, HOT_BY_HOOK);
  expect(saved.status).toBe(200);
  const { hook } = await json<{ hook: { url: string; secret?: string } }>(saved);
  const hookPath = new URL(hook.url).pathname;
  const callHook = (secret?: string, headers: Record<string, string> = {}) =>
    call({}, "POST", hookPath, {}, secret ? { authorization: `Bearer ${secret}`, ...headers } : headers);
  return { ...t, ruleId, hook, hookPath, callHook, rowIds: { hot, warm, cold } };
}

describe("webhook rules", () => {
  it("gives the secret once, at /hooks/trigger/<ruleId>, and not on later saves", async () => {
    const t = await hookedTable();
    expect(t.hookPath).toBe(`/hooks/trigger/${t.ruleId}`);
    expect(t.hook.secret).toMatch(/^hook_/);
    const again = await json<{ hook: { url: string; secret?: string } }>(await t.rule(t.ruleId, HOT_BY_HOOK));
    expect(again.hook).toEqual({ url: t.hook.url });
    expect((await t.callHook(t.hook.secret)).status).toBe(202);
  });

  it("refuses a missing or wrong secret with 401 and changes no row", async () => {
    const t = await hookedTable();
    const before = await t.rows();
    expect((await t.callHook()).status).toBe(401);
    const wrong = await t.callHook("hook_not-the-secret");
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ error: { message: "Wrong secret for this rule" } });
    expect(await t.rows()).toEqual(before);
    expect(await t.runs()).toEqual([]);
  });

  it("acts on every row where the condition holds, once per call", async () => {
    const t = await hookedTable();
    const res = await t.callHook(t.hook.secret, { "idempotency-key": "crm-delivery-1" });
    expect(res.status).toBe(202);
    expect(await json(res)).toEqual({ call: "crm-delivery-1", matched: 2, fired: 2 });
    expect((await t.row(t.rowIds.hot))[t.col("Status")]).toBe("hot");
    expect((await t.row(t.rowIds.warm))[t.col("Status")]).toBe("hot");
    expect((await t.row(t.rowIds.cold))[t.col("Status")]).toBeUndefined();

    const retried = await json(await t.callHook(t.hook.secret, { "idempotency-key": "crm-delivery-1" }));
    expect(retried).toMatchObject({ matched: 2, fired: 0 });
    const runs = await t.runs();
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.source === "webhook" && r.outcome === "succeeded")).toBe(true);

    expect(await json(await t.callHook(t.hook.secret))).toMatchObject({ matched: 2, fired: 2 });
  });

  it("answers 404 for an unknown rule and 409 for a turned-off one", async () => {
    const t = await hookedTable();
    expect((await call({}, "POST", "/hooks/trigger/no-such-rule", {})).status).toBe(404);
    await t.rule(t.ruleId, { ...HOT_BY_HOOK, enabled: false });
    const off = await t.callHook(t.hook.secret);
    expect(off.status).toBe(409);
    expect(await t.runs()).toEqual([]);
  });

  it("stops answering once the rule is deleted", async () => {
    const t = await hookedTable();
    expect((await call(t.owner, "DELETE", `${t.path}/triggers/${t.ruleId}`)).status).toBe(204);
    expect((await t.callHook(t.hook.secret)).status).toBe(404);
  });
});

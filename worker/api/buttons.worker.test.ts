import { describe, expect, it, vi } from "vitest";
import type { ButtonRun } from "../../schema/buttons";
import { call, json, memberWithRole } from "../test/http";
import { callsTo, tableWith, targetUrl } from "../test/tables";

/** How long the slow webhook target takes: long enough to press again while it runs. */
const SLOW_MS = 1_500;

async function buttonTable() {
  const target = crypto.randomUUID();
  const t = await tableWith([
    { name: "Name", type: "text" },
    { name: "Status", type: "text" },
    {
      name: "Send",
      type: "button",
      options: {
        label: "Send",
        action: { name: "webhook", params: { url: targetUrl(target, `delay=${SLOW_MS}`) } },
        disabledWhen: "{Status} = 'do not contact'",
      },
    },
    {
      name: "Mark",
      type: "button",
      options: { label: "Mark", action: { name: "set-fields", params: { fields: { Status: "marked" } } } },
    },
  ]);
  const lead = await t.insert({ Name: "Lone Star Honda" });
  const press = (column: string, rowId = lead, client = t.owner) =>
    call(client, "POST", `${t.path}/rows/${rowId}/buttons/${t.col(column)}`, {});
  const cell = async (column: string) => (await t.row(lead))[t.col(column)] as ButtonRun | undefined;
  const states = async (column: string) =>
    (await t.history(lead)).filter((c) => c.columnId === t.col(column)).map((c) => (c.new as ButtonRun).state);
  return { ...t, target, lead, press, cell, states };
}

describe("button cells", () => {
  it("write queued, running and succeeded into the cell as a webhook runs, and refuse a second press meanwhile", async () => {
    const t = await buttonTable();
    const first = await t.press("Send");
    expect(first.status).toBe(202);
    const { runId, state } = await json<{ runId: number; state: string }>(first);
    expect(state).toBe("queued");
    expect(await t.cell("Send")).toMatchObject({ state: "queued", runId, by: t.owner.id });

    const second = await t.press("Send");
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({
      error: { message: expect.stringMatching(/^Already (queued|running)/) },
    });

    await vi.waitFor(async () => expect((await t.cell("Send"))?.state).toBe("succeeded"), {
      timeout: 15_000,
      interval: 200,
    });
    expect(await t.states("Send")).toEqual(["queued", "running", "succeeded"]);
    expect(await t.cell("Send")).toMatchObject({ runId, by: t.owner.id, detail: expect.stringContaining("200") });
    const calls = await callsTo(t.target);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ rule: null, button: t.col("Send"), row: { id: t.lead } });
    expect((await t.runs())[0]).toMatchObject({ id: runId, source: "button", outcome: "succeeded", attempts: 1 });

    expect((await t.press("Send")).status).toBe(202);
  }, 30_000);

  it("runs an action that stays in the room at once", async () => {
    const t = await buttonTable();
    const res = await t.press("Mark");
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ state: "succeeded" });
    expect((await t.row(t.lead))[t.col("Status")]).toBe("marked");
    expect(await t.states("Mark")).toEqual(["queued", "running", "succeeded"]);
  });

  it("refuses viewers, columns that are not buttons, unknown rows and disabled buttons", async () => {
    const t = await buttonTable();
    const viewer = await memberWithRole(t.owner, t.base, "viewer");
    expect((await t.press("Send", t.lead, viewer)).status).toBe(403);
    const notButton = await t.press("Name");
    expect(notButton.status).toBe(400);
    expect(await json(notButton)).toMatchObject({ error: { message: '"Name" is a text column, not a button' } });
    expect((await t.press("Send", "rnope")).status).toBe(404);

    await t.patch(t.lead, { Status: "do not contact" });
    const disabled = await t.press("Send");
    expect(disabled.status).toBe(409);
    expect(await json(disabled)).toMatchObject({ error: { message: expect.stringContaining("disabled") } });
    expect(await t.cell("Send")).toBeUndefined();
    expect(await callsTo(t.target)).toEqual([]);
  });

  it("cannot be written through the API", async () => {
    const t = await buttonTable();
    const res = await t.patch(t.lead, { Send: { state: "succeeded", at: new Date().toISOString() } });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { message: "cells.Send: is computed and cannot be written" } });
  });
});

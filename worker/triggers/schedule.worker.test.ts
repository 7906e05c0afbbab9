import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { EVERY_MINUTE } from "../cron";
import { json } from "../test/http";
import { tableWith } from "../test/tables";
import worker from "../test-entry";

const MINUTE_MS = 60_000;

/** The Worker's cron handler, as the platform calls it at `at`. */
async function tick(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: EVERY_MINUTE }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function scheduledTable(cron = "* * * * *") {
  const t = await tableWith([
    { name: "Name", type: "text" },
    { name: "Follow up", type: "checkbox" },
    { name: "Status", type: "text" },
  ]);
  const due = await t.insert({ Name: "Lone Star Honda", "Follow up": true });
  const notDue = await t.insert({ Name: "Echo Motors", "Follow up": false });
  const saved = await t.rule("nudge", {
    name: "Nudge follow-ups",
    when: "{Follow up}",
    start: { kind: "schedule", cron },
    action: { name: "set-fields", params: { fields: { Status: "nudged" } } },
  });
  return { ...t, saved, due, notDue };
}

describe("scheduled rules", () => {
  it("act on the matching rows once when their time comes, and again at the next time", async () => {
    const t = await scheduledTable();
    expect(t.saved.status).toBe(200);
    const next = Math.ceil((Date.now() + 1) / MINUTE_MS) * MINUTE_MS;

    await tick(next - MINUTE_MS);
    expect(await t.runs()).toEqual([]);

    await tick(next);
    expect((await t.row(t.due))[t.col("Status")]).toBe("nudged");
    expect((await t.row(t.notDue))[t.col("Status")]).toBeUndefined();
    const first = await t.runs();
    expect(first.map((r) => [r.rowId, r.source, r.outcome])).toEqual([[t.due, "schedule", "succeeded"]]);

    // The platform may deliver a tick twice; the rule already moved on to its next time.
    await tick(next);
    expect(await t.runs()).toHaveLength(1);

    await tick(next + MINUTE_MS);
    expect(await t.runs()).toHaveLength(2);
  });

  it("refuses a cron expression that does not parse, saying why", async () => {
    const t = await scheduledTable("61 * * * *");
    expect(t.saved.status).toBe(400);
    expect(await json(t.saved)).toMatchObject({
      error: { message: expect.stringMatching(/^start\.cron: not a cron expression: .*minute/) },
    });
  });
});

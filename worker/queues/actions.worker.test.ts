import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { retryDelaySeconds } from "../../automation/actions";
import type { ActionJob } from "../../schema/action-jobs";
import { callsTo, type Run, tableWith, targetUrl } from "../test/tables";
import worker from "../test-entry";

/** Timers on a loaded machine run a little early or late; the backoff is checked within this much. */
const SLACK_MS = 250;

async function webhookRule(query: string) {
  const target = crypto.randomUUID();
  const t = await tableWith([
    { name: "Name", type: "text" },
    { name: "Score", type: "number" },
  ]);
  await t.rule("tell-crm", {
    name: "Tell the CRM about hot leads",
    when: "{Score} >= 80",
    action: { name: "webhook", params: { url: targetUrl(target, query) } },
  });
  const lead = await t.insert({ Name: "Lone Star Honda", Score: 90 });
  const finished = async (timeout: number) =>
    vi.waitFor(
      async () => {
        const [run] = await t.runs();
        expect(run?.outcome).toMatch(/^(succeeded|failed)$/);
        return run!;
      },
      { timeout, interval: 250 },
    );
  return { ...t, target, lead, finished };
}

describe("action jobs", () => {
  it("retry a webhook whose target fails twice, waiting longer each time, until it succeeds", async () => {
    const t = await webhookRule("fail=2");
    const run = await t.finished(30_000);
    expect(run).toMatchObject({ outcome: "succeeded", attempts: 3, jobId: `${t.tableId}:${run.id}` });

    const calls = await callsTo(t.target);
    expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(retryDelaySeconds(1) * 1000 - SLACK_MS);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(retryDelaySeconds(2) * 1000 - SLACK_MS);
    expect(calls[2]!.body).toMatchObject({ rule: "tell-crm", row: { id: t.lead, cells: { Score: 90 } } });
  }, 40_000);

  it("does not run a job again when its message comes back after it succeeded", async () => {
    const t = await webhookRule("");
    const run: Run = await t.finished(15_000);
    expect(await callsTo(t.target)).toHaveLength(1);

    const job: ActionJob = {
      tableId: t.tableId,
      runId: run.id,
      jobId: run.jobId!,
      action: { name: "webhook", params: { url: targetUrl(t.target) } },
      rowId: t.lead,
      ruleId: "tell-crm",
      columnId: null,
      origin: { kind: "automation", job: run.key!, ruleId: "tell-crm", depth: 1 },
    };
    const batch = createMessageBatch<unknown>("action-jobs", [
      { id: "again", timestamp: new Date(), attempts: 2, body: job },
      { id: "malformed", timestamp: new Date(), attempts: 1, body: { runId: "x" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["again", "malformed"]);
    expect(result.retryMessages).toEqual([]);
    expect(await callsTo(t.target)).toHaveLength(1);
    expect((await t.runs())[0]).toMatchObject({ outcome: "succeeded", attempts: 1 });
  }, 20_000);

  it("fails at once, without retries, when the target refuses the call", async () => {
    const t = await webhookRule("fail=9&status=404");
    const run = await t.finished(15_000);
    expect(run).toMatchObject({ outcome: "failed", attempts: 1, detail: expect.stringContaining("answered 404") });
    expect(await callsTo(t.target)).toHaveLength(1);
  }, 20_000);
});

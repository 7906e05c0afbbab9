import Anthropic from "@anthropic-ai/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StageRecord } from "../../../schema/site-agents";
import { type BatchSite, type BatchStage, batchRequests, readBatchResult } from "./batch";
import { DEFAULT_PROMPT_SECTIONS, DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS, runPipeline } from "./index";
import { estimateCostUsd } from "./prices";
import { FAKE_API_KEY, type FakeMessagesApi, startFakeMessagesApi } from "./test/fake-messages-api";
import { ANSWERS, FACTS } from "./test/fixtures";

let api: FakeMessagesApi;

beforeEach(async () => {
  api = await startFakeMessagesApi(ANSWERS, { endAfterPolls: 1 });
});
afterEach(() => api.close());

const client = () => new Anthropic({ apiKey: FAKE_API_KEY, baseURL: api.url, maxRetries: 0 });

const stage = (agent: BatchStage["agent"]): BatchStage => ({
  agent,
  prompts: DEFAULT_PROMPT_SECTIONS,
  model: DEFAULT_SITE_MODELS[agent],
  maxTokens: DEFAULT_SITE_MAX_TOKENS[agent],
});

const site = (siteId: string, previous: readonly StageRecord[] = []): BatchSite => ({ siteId, facts: FACTS, previous });

/** A whole run's stage records, as the last version of a site keeps them. */
async function lastVersion(): Promise<StageRecord[]> {
  const result = await runPipeline({
    client: client(),
    facts: FACTS,
    prompts: DEFAULT_PROMPT_SECTIONS,
    models: DEFAULT_SITE_MODELS,
    maxTokens: DEFAULT_SITE_MAX_TOKENS,
  });
  return result.stages;
}

/** Creates the batch through the SDK, waits for it to end, and reads its JSONL results. */
async function runBatch(requests: Anthropic.Messages.BatchCreateParams.Request[]) {
  const created = await client().messages.batches.create({ requests });
  expect(created.processing_status).toBe("in_progress");
  expect((await client().messages.batches.retrieve(created.id)).processing_status).toBe("in_progress");
  expect((await client().messages.batches.retrieve(created.id)).processing_status).toBe("ended");
  const lines: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
  for await (const line of await client().messages.batches.results(created.id)) lines.push(line);
  return new Map(lines.map((line) => [line.custom_id, line.result]));
}

describe("site agents — Message Batches", () => {
  it("sends each site exactly the request the normal path would, the site's id as custom_id", async () => {
    const previous = await lastVersion();
    const normal = api.calls.find((call) => call.agent === "artDirector")?.body;
    const { requests, skipped } = batchRequests([site("s1", previous), site("s2", previous)], stage("artDirector"));
    expect(skipped).toEqual([]);
    expect(requests.map((r) => r.custom_id)).toEqual(["s1", "s2"]);
    // The streamed request differs only by `stream: true`.
    const { stream, ...streamed } = normal;
    expect(stream).toBe(true);
    expect(JSON.parse(JSON.stringify(requests[0]?.params))).toEqual(streamed);
    expect(requests[0]?.params).not.toHaveProperty("temperature");
    expect(requests[0]?.params.system).toEqual([expect.objectContaining({ cache_control: { type: "ephemeral" } })]);
  });

  it("leaves out a site with no earlier answers to build on, or an id the API refuses, saying why", () => {
    const { requests, skipped } = batchRequests([site("s1"), site("bad id!"), site("s3")], stage("concept"));
    expect(requests).toEqual([]);
    expect(skipped).toEqual([
      { siteId: "s1", reason: expect.stringMatching(/needs the Analyst's output/) },
      { siteId: "bad id!", reason: "Its id cannot name a batch request" },
      { siteId: "s3", reason: expect.stringMatching(/needs the Analyst's output/) },
    ]);
  });

  it("reads a valid answer into a complete record at the batch price, an invalid one into a retry", async () => {
    api.queue("analyst", { kind: "answer", json: ANSWERS.analyst }, { kind: "answer", json: { reviewHighlight: "" } });
    const sites = [site("good"), site("bad")];
    const { requests } = batchRequests(sites, stage("analyst"));
    const results = await runBatch(requests);
    expect(api.batches).toHaveLength(1);
    expect(api.batches[0]?.requests.map((r) => r.agent)).toEqual(["analyst", "analyst"]);

    const good = readBatchResult(sites[0]!, stage("analyst"), results.get("good"), 1234);
    expect(good.kind).toBe("complete");
    if (good.kind !== "complete") return;
    expect(good.record).toMatchObject({
      stage: "analyst",
      status: "complete",
      attempts: 1,
      batch: true,
      durationMs: 1234,
    });
    expect(good.record.output).toEqual(ANSWERS.analyst);
    const fullPrice = estimateCostUsd(good.record.model, good.record.usage) ?? 0;
    expect(good.record.costUsd).toBeCloseTo(fullPrice / 2, 10);

    const bad = readBatchResult(sites[1]!, stage("analyst"), results.get("bad"), 1234);
    expect(bad.kind).toBe("retry");
    if (bad.kind !== "retry") return;
    expect(bad.attempt.earlier.answer).toBe(JSON.stringify({ reviewHighlight: "" }));
    expect(bad.attempt.earlier.problem).toMatch(/does not match the schema/);
  });

  it("turns an errored, expired or missing result into a retry with no answer to feed back", async () => {
    api.queue(
      "analyst",
      { kind: "error", status: 500, type: "api_error", message: "Internal error" },
      { kind: "hang" },
    );
    const sites = [site("errored"), site("expired")];
    const results = await runBatch(batchRequests(sites, stage("analyst")).requests);
    const outcomes = [...sites, site("missing")].map((s) =>
      readBatchResult(s, stage("analyst"), results.get(s.siteId), 0),
    );
    expect(outcomes.map((o) => (o.kind === "retry" ? o.attempt.earlier : o.kind))).toEqual([
      { answer: null, problem: "the batch request failed: Internal error" },
      { answer: null, problem: "the batch expired (24 hours) before this request ran" },
      { answer: null, problem: "the batch returned no result for this site" },
    ]);
  });

  it("asks a batch's invalid answer again through the normal path, the problem fed back, as attempt 2", async () => {
    api.queue("analyst", { kind: "answer", json: { reviewHighlight: "" } });
    const results = await runBatch(batchRequests([site("s1")], stage("analyst")).requests);
    const outcome = readBatchResult(site("s1"), stage("analyst"), results.get("s1"), 0);
    if (outcome.kind !== "retry") throw new Error("expected a retry");
    const result = await runPipeline({
      client: client(),
      facts: FACTS,
      prompts: DEFAULT_PROMPT_SECTIONS,
      models: DEFAULT_SITE_MODELS,
      maxTokens: DEFAULT_SITE_MAX_TOKENS,
      batchAttempt: outcome.attempt,
    });
    expect(result.status).toBe("complete");
    const analyst = result.stages[0]!;
    expect(analyst).toMatchObject({ status: "complete", attempts: 2, batch: true });
    const retried = api.calls.find((call) => call.agent === "analyst")?.body.messages;
    expect(retried.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(String(retried[2].content)).toMatch(/could not be used: the answer does not match the schema/);
    // The batch answer's tokens are counted with the retry's.
    expect(analyst.usage.inputTokens).toBeGreaterThan(outcome.attempt.usage.inputTokens);
  });

  it("keeps a batch's answer as this run's record and runs only the stages after it", async () => {
    const results = await runBatch(batchRequests([site("s1")], stage("analyst")).requests);
    const outcome = readBatchResult(site("s1"), stage("analyst"), results.get("s1"), 0);
    if (outcome.kind !== "complete") throw new Error("expected a complete record");
    const result = await runPipeline({
      client: client(),
      facts: FACTS,
      prompts: DEFAULT_PROMPT_SECTIONS,
      models: DEFAULT_SITE_MODELS,
      maxTokens: DEFAULT_SITE_MAX_TOKENS,
      kept: [outcome.record],
    });
    expect(result.status).toBe("complete");
    expect(result.stages[0]).toEqual(outcome.record);
    expect(api.calls.map((call) => call.agent)).toEqual(["concept", "artDirector", "architect"]);
  });

  it("refuses a batch whose custom_ids repeat, as the API does", async () => {
    const { requests } = batchRequests([site("s1"), site("s1")], stage("analyst"));
    await expect(client().messages.batches.create({ requests })).rejects.toThrow(/unique/);
  });
});

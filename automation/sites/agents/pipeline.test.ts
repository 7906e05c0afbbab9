import Anthropic from "@anthropic-ai/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SITE_AGENTS, type SiteAgent, type StageRecord } from "../../../schema/site-agents";
import { DEFAULT_PROMPT_SECTIONS, DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS, runPipeline } from "./index";
import { FAKE_API_KEY, type FakeMessagesApi, startFakeMessagesApi } from "./test/fake-messages-api";
import { ANSWERS, FACTS } from "./test/fixtures";

let api: FakeMessagesApi;

beforeEach(async () => {
  api = await startFakeMessagesApi(ANSWERS);
});
afterEach(() => api.close());

/** The client as the Worker builds it, pointed at the fake as `ANTHROPIC_BASE_URL` would. */
const client = (apiKey = FAKE_API_KEY) => new Anthropic({ apiKey, baseURL: api.url, maxRetries: 2 });

const run = (options: Partial<Parameters<typeof runPipeline>[0]> = {}) =>
  runPipeline({
    client: client(),
    facts: FACTS,
    prompts: DEFAULT_PROMPT_SECTIONS,
    models: DEFAULT_SITE_MODELS,
    maxTokens: DEFAULT_SITE_MAX_TOKENS,
    ...options,
  });

const callsOf = (agent: SiteAgent) => api.calls.filter((call) => call.agent === agent);
const lastUserText = (agent: SiteAgent) => {
  const messages = callsOf(agent).at(-1)?.body.messages ?? [];
  return String(messages.at(-1)?.content ?? "");
};

describe("site agents — the pipeline", () => {
  it("runs the four agents in order and returns the Architect's page with a record of every stage", async () => {
    const ticks: [SiteAgent, number][] = [];
    const result = await run({ onProgress: (stage, { outputTokens }) => ticks.push([stage, outputTokens]) });

    expect(result.status).toBe("complete");
    if (result.status !== "complete") return;
    expect(result.site).toEqual(ANSWERS.architect);
    expect(api.calls.map((call) => call.agent)).toEqual([...SITE_AGENTS]);
    expect(result.stages.map((s) => [s.stage, s.status, s.attempts])).toEqual(
      SITE_AGENTS.map((agent) => [agent, "complete", 1]),
    );
    for (const record of result.stages) {
      expect(record.model).toBe("claude-sonnet-5-5");
      expect(record.output).toEqual(ANSWERS[record.stage]);
      expect(record.usage.outputTokens).toBeGreaterThan(0);
      expect(record.usage.cacheCreationInputTokens).toBeGreaterThan(0);
      expect(record.costUsd).toBeGreaterThan(0);
      expect(record.error).toBeNull();
    }
    // Each stage streamed, so progress ticked for each of them, ending at the API's count.
    expect(new Set(ticks.map(([stage]) => stage))).toEqual(new Set(SITE_AGENTS));
    const architectTicks = ticks.filter(([stage]) => stage === "architect").map(([, tokens]) => tokens);
    expect(architectTicks.length).toBeGreaterThan(2);
    expect(architectTicks.at(-1)).toBe(result.stages[3]?.usage.outputTokens);
    // The Concept was given what the Analyst found.
    expect(result.stages[1]?.input.user).toContain(ANSWERS.analyst.reviewHighlight);
  });

  it("asks each stage for structured output with a cached system prompt and no sampling parameters", async () => {
    await run();
    for (const { body, headers } of api.calls) {
      expect(body.stream).toBe(true);
      expect(body.output_config.format.type).toBe("json_schema");
      expect(body.output_config.format.schema.type).toBe("object");
      expect(body.system[0].cache_control).toEqual({ type: "ephemeral" });
      expect(body).not.toHaveProperty("temperature");
      expect(body).not.toHaveProperty("top_p");
      expect(body).not.toHaveProperty("top_k");
      expect(headers["anthropic-version"]).toBe("2026-10-21");
      expect(headers.authorization).toBe("Bearer sk-ant-test");
    }
    expect(callsOf("artDirector")[0]?.body.output_config.format.schema.properties).toHaveProperty("palettes");
  });

  it("feeds malformed JSON back to the model once and takes the corrected answer", async () => {
    api.queue("concept", { kind: "text", text: '{"concepts": [{"name": "Familia"' });

    const result = await run();

    expect(result.status).toBe("complete");
    expect(callsOf("concept")).toHaveLength(2);
    expect(lastUserText("concept")).toMatch(/not valid JSON/);
    expect(result.stages.find((s) => s.stage === "concept")?.attempts).toBe(2);
  });

  it("leaves a 529 overload to the SDK's own retry", async () => {
    api.queue("analyst", { kind: "error", status: 529, type: "overloaded_error", message: "Overloaded" });

    const result = await run();

    expect(result.status).toBe("complete");
    expect(callsOf("analyst")).toHaveLength(2);
    expect(result.stages[0]?.attempts).toBe(1);
  });

  it("returns a palette that fails WCAG AA contrast to the Art Director and takes the fixed one", async () => {
    const light = { ...ANSWERS.artDirector.palettes.light, mutedText: "#b8a99a" };
    api.queue("artDirector", {
      kind: "answer",
      json: { ...ANSWERS.artDirector, palettes: { ...ANSWERS.artDirector.palettes, light } },
    });

    const result = await run();

    expect(result.status).toBe("complete");
    expect(callsOf("artDirector")).toHaveLength(2);
    expect(lastUserText("artDirector")).toMatch(
      /mutedText #b8a99a on background #fffaf3 has contrast \d\.\d\d:1; WCAG AA needs 4.5:1/,
    );
    expect(result.stages.find((s) => s.stage === "artDirector")?.output).toEqual(ANSWERS.artDirector);
  });

  it("fails the stage with the refusal after two retries, and runs nothing after it", async () => {
    api.queue("architect", { kind: "refusal" }, { kind: "refusal" }, { kind: "refusal" });

    const result = await run();

    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    expect(result.failedStage).toBe("architect");
    expect(result.error).toMatch(/The Architect gave no usable answer in 3 attempts: .*refusal/);
    expect(callsOf("architect")).toHaveLength(3);
    const record = result.stages.at(-1) as StageRecord;
    expect([record.status, record.attempts, record.output]).toEqual(["failed", 3, null]);
    expect(record.error).toBe(result.error);
  });

  it("refuses a page without the claim bar or the business's phone, naming what is missing", async () => {
    const html = ANSWERS.architect.html
      .replace("data-claim-bar", "")
      .replace(/\(512\) 555-0142|tel:\+15125550142/g, "");
    api.queue("architect", { kind: "answer", json: { ...ANSWERS.architect, html } });

    const result = await run();

    expect(result.status).toBe("complete");
    expect(lastUserText("architect")).toMatch(/data-claim-bar/);
    expect(lastUserText("architect")).toMatch(/phone, "\(512\) 555-0142"/);
  });

  it("regenerates from the Art Director reusing the Analyst's and Concept's outputs", async () => {
    const first = await run();
    const calledBefore = api.calls.length;

    const again = await run({ from: "artDirector", previous: first.stages });

    expect(again.status).toBe("complete");
    expect(api.calls.slice(calledBefore).map((call) => call.agent)).toEqual(["artDirector", "architect"]);
    expect(again.stages.map((s) => s.status)).toEqual(["reused", "reused", "complete", "complete"]);
    expect(again.stages[1]?.output).toEqual(first.stages[1]?.output);
    // The system prompts are the same, so the second run reads them from the prompt cache.
    expect(again.stages[2]?.usage.cacheReadInputTokens).toBeGreaterThan(0);
  });

  it("refuses to regenerate from a stage when the earlier stages' outputs are missing", async () => {
    const result = await run({ from: "concept", previous: [] });

    expect(result).toMatchObject({
      status: "failed",
      failedStage: "analyst",
      error: "Regenerating from the Concept needs the Analyst's output from an earlier run, and there is none",
    });
    expect(api.calls).toHaveLength(0);
  });

  it("fails a stage that outlives its timeout", async () => {
    api.queue("analyst", { kind: "hang" });

    const result = await run({ timeoutMs: { analyst: 300 } });

    expect(result).toMatchObject({ status: "failed", error: "The Analyst stage did not finish within 0.3 s" });
  });

  it("fails before any call when a prompt section has an unknown placeholder", async () => {
    const prompts = DEFAULT_PROMPT_SECTIONS.map((s) =>
      s.agent === "architect" && s.section === "instructions" ? { ...s, text: `${s.text}\n{{business.slogan}}` } : s,
    );

    const result = await run({ prompts });

    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    expect(result.failedStage).toBe("architect");
    expect(result.error).toMatch(
      /Unknown placeholder in the Architect prompt: \{\{business\.slogan\}\} \(instructions\)/,
    );
    expect(api.calls).toHaveLength(0);
  });

  it("fails with a clear message when the API refuses the key", async () => {
    const result = await run({ client: client("sk-ant-wrong") });

    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    expect(result.error).toBe(
      "The Analyst stage failed: Anthropic refused the API key (401: invalid x-api-key); check the workspace's Anthropic key in Settings",
    );
    expect(api.calls).toHaveLength(1);
  });
});

import Anthropic from "@anthropic-ai/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_PROMPT_SECTIONS, DEFAULT_SITE_MAX_TOKENS, runPipeline } from "./index";
import { repairArchitect } from "./repair";
import { FAKE_API_KEY, type FakeMessagesApi, startFakeMessagesApi } from "./test/fake-messages-api";
import { ANSWERS, FACTS } from "./test/fixtures";

let api: FakeMessagesApi;
beforeEach(async () => {
  api = await startFakeMessagesApi(ANSWERS);
});
afterEach(() => api.close());

const client = () => new Anthropic({ apiKey: FAKE_API_KEY, baseURL: api.url, maxRetries: 0 });
const FINDING = "Accessibility (axe button-name, critical, 1 element): Buttons must have discernible text";

async function firstArchitect() {
  const result = await runPipeline({
    client: client(),
    facts: FACTS,
    prompts: DEFAULT_PROMPT_SECTIONS,
    models: { analyst: "m", concept: "m", artDirector: "m", architect: "claude-sonnet-5-5" },
    maxTokens: DEFAULT_SITE_MAX_TOKENS,
  });
  return result.stages.at(-1)!;
}

describe("site agents — the Architect's repair", () => {
  it("asks the Architect once with its page and the findings, and records a repair stage", async () => {
    const first = await firstArchitect();
    const repaired = { ...ANSWERS.architect, css: "button{color:#111}" };
    api.queue("architect", { kind: "answer", json: repaired });
    const record = await repairArchitect({
      client: client(),
      facts: FACTS,
      first,
      findings: [FINDING],
      model: "claude-sonnet-5-5",
      maxTokens: 32_000,
    });
    expect(record).toMatchObject({
      stage: "architect",
      repair: true,
      status: "complete",
      output: repaired,
      attempts: 1,
    });
    expect(record.costUsd).toBeGreaterThan(0);
    const sent = api.calls.at(-1)!.body;
    expect(sent.system[0].text).toBe(first.input.system);
    expect(sent.messages).toHaveLength(1);
    expect(sent.messages[0].content).toContain(`- ${FINDING}`);
  });

  it("gives a failed repair stage, not an exception, when the Architect keeps refusing", async () => {
    const first = await firstArchitect();
    api.queue("architect", { kind: "refusal" }, { kind: "refusal" }, { kind: "refusal" });
    const record = await repairArchitect({
      client: client(),
      facts: FACTS,
      first,
      findings: [FINDING],
      model: "claude-sonnet-5-5",
      maxTokens: 32_000,
    });
    expect(record).toMatchObject({ repair: true, status: "failed", output: null, attempts: 3 });
    expect(record.error).toMatch(/^The Architect gave no usable answer in 3 attempts: .*refusal/);
  });
});

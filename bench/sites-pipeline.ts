/**
 * The four-agent pipeline's own cost per site, beyond the model's: `runPipeline` against a local
 * stand-in of the Messages API that waits a fixed time before each answer, then streams it. The
 * overhead is a site's time less four waits (prompt building, the SDK, streaming, parsing,
 * validation, assembling and sanitizing the page). Goal: under 500 ms a site.
 */
import Anthropic from "@anthropic-ai/sdk";
import {
  DEFAULT_PROMPT_SECTIONS,
  DEFAULT_SITE_MAX_TOKENS,
  DEFAULT_SITE_MODELS,
  runPipeline,
} from "../automation/sites/agents";
import { FAKE_API_KEY, startFakeMessagesApi } from "../automation/sites/agents/test/fake-messages-api";
import { ANSWERS, FACTS } from "../automation/sites/agents/test/fixtures";
import { assembleSite } from "../automation/sites/assemble";
import { fmt, summary } from "./stats";

const SITES = 20;
const LATENCY_MS = 200;

export async function benchPipeline(): Promise<void> {
  const fake = await startFakeMessagesApi(ANSWERS, { latencyMs: LATENCY_MS });
  try {
    const client = new Anthropic({ apiKey: FAKE_API_KEY, baseURL: fake.url, maxRetries: 0 });
    const overheads: number[] = [];
    for (let i = 0; i <= SITES; i++) {
      const started = performance.now();
      const result = await runPipeline({
        client,
        facts: FACTS,
        prompts: DEFAULT_PROMPT_SECTIONS,
        models: DEFAULT_SITE_MODELS,
        maxTokens: DEFAULT_SITE_MAX_TOKENS,
      });
      if (result.status !== "complete") throw new Error(`the pipeline failed: ${result.error}`);
      assembleSite(result.site);
      // The first site warms the SDK and the JIT up.
      if (i > 0) overheads.push(performance.now() - started - 4 * LATENCY_MS);
    }
    const o = summary(overheads);
    console.log(
      `four-agent pipeline overhead beyond the model, ms per site (${SITES} sites, ${LATENCY_MS} ms a model answer): median ${fmt(o.p50)}, p95 ${fmt(o.p95)} (goal < 500)`,
    );
  } finally {
    await fake.close();
  }
}

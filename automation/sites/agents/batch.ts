/**
 * One stage for many sites as a Message Batch (half the price, answers within 24 hours): the
 * batch's requests, each exactly the first request `runStage` would send (`custom_id` = the site's
 * id), and, once the batch has ended, each site's result read into a stage record marked `batch`,
 * or into a first attempt that the normal path asks again with its problem fed back.
 * Shapes: platform.claude.com/docs/en/build-with-claude/batch-processing and the SDK's
 * `resources/messages/batches`.
 */
import type Anthropic from "@anthropic-ai/sdk";
import type { PromptSection, SiteAgent, StageRecord, StageUsage } from "../../../schema/site-agents";
import type { SiteFacts } from "../../../schema/sites";
import { type BatchAttempt, earlierStages, stageSchema } from "./pipeline";
import { estimateCostUsd } from "./prices";
import { type BuiltPrompt, buildPrompt, checkPrompt, PromptError } from "./prompts/build-prompt";
import { judge, stageParams } from "./run-stage";

/** The most sites one regeneration takes; a batch itself may hold 100,000 requests. */
export const MAX_BATCH_SITES = 500;

/** The API's rule for `custom_id` (Message Batches reference: 1–64 of letters, digits, `_`, `-`). */
const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

/** A site to regenerate: its facts and the stage records of its last version (for the earlier stages). */
export type BatchSite = { siteId: string; facts: SiteFacts; previous: readonly StageRecord[] };

/** The stage the batch runs, with the prompt sections, model and token limit it runs with. */
export type BatchStage = {
  agent: SiteAgent;
  prompts: readonly PromptSection[];
  model: string;
  maxTokens: number;
};

export type SkippedSite = { siteId: string; reason: string };

type Prepared = { ok: true; prompt: BuiltPrompt } | { ok: false; reason: string };

/** The stage's prompt for the site, or why it cannot be built (no earlier output, a broken prompt). */
export function stagePrompt(site: BatchSite, stage: BatchStage): Prepared {
  const earlier = earlierStages(stage.agent, site.previous);
  if (!earlier.ok) return { ok: false, reason: earlier.error };
  try {
    checkPrompt(stage.agent, stage.prompts);
    return { ok: true, prompt: buildPrompt(stage.agent, stage.prompts, site.facts, earlier.outputs) };
  } catch (error) {
    if (error instanceof PromptError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The batch's requests, one a site, and the sites that cannot be in it, each with its reason. */
export function batchRequests(
  sites: readonly BatchSite[],
  stage: BatchStage,
): { requests: Anthropic.Messages.BatchCreateParams.Request[]; skipped: SkippedSite[] } {
  const requests: Anthropic.Messages.BatchCreateParams.Request[] = [];
  const skipped: SkippedSite[] = [];
  for (const site of sites) {
    if (!CUSTOM_ID.test(site.siteId)) {
      skipped.push({ siteId: site.siteId, reason: "Its id cannot name a batch request" });
      continue;
    }
    const prepared = stagePrompt(site, stage);
    if (!prepared.ok) {
      skipped.push({ siteId: site.siteId, reason: prepared.reason });
      continue;
    }
    const params = stageParams(prepared.prompt, stageSchema(stage.agent, site.facts), stage.model, stage.maxTokens);
    requests.push({ custom_id: site.siteId, params });
  }
  return { requests, skipped };
}

/** What a site's batch result comes to: the stage's record, or a first attempt to ask again. */
export type BatchOutcome =
  | { siteId: string; kind: "complete"; record: StageRecord }
  | { siteId: string; kind: "retry"; attempt: BatchAttempt };

const NO_USAGE: StageUsage = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };

/**
 * The site's result read with the stage's zod schema: a valid answer becomes its stage record
 * (cost at the batch price, the batch's time as its duration); an invalid answer, an error, a
 * cancellation, an expiry or a missing result becomes attempt 1 of the normal path.
 */
export function readBatchResult(
  site: BatchSite,
  stage: BatchStage,
  result: Anthropic.Messages.MessageBatchResult | undefined,
  durationMs: number,
): BatchOutcome {
  const retry = (answer: string | null, problem: string, usage = NO_USAGE): BatchOutcome => ({
    siteId: site.siteId,
    kind: "retry",
    attempt: {
      stage: stage.agent,
      earlier: { answer, problem },
      usage,
      costUsd: estimateCostUsd(stage.model, usage, { batch: true }),
    },
  });
  if (!result) return retry(null, "the batch returned no result for this site");
  if (result.type === "errored") return retry(null, `the batch request failed: ${result.error.error.message}`);
  if (result.type === "canceled") return retry(null, "the batch was canceled before this request ran");
  if (result.type === "expired") return retry(null, "the batch expired (24 hours) before this request ran");
  const prepared = stagePrompt(site, stage);
  if (!prepared.ok) return retry(null, prepared.reason);
  const { message } = result;
  const usage = usageOf(message.usage);
  const verdict = judge(message, stageSchema(stage.agent, site.facts), stage.maxTokens);
  if (!verdict.ok) return retry(verdict.text, verdict.problem, usage);
  return {
    siteId: site.siteId,
    kind: "complete",
    record: {
      stage: stage.agent,
      status: "complete",
      input: prepared.prompt,
      output: verdict.output,
      model: stage.model,
      usage,
      costUsd: estimateCostUsd(stage.model, usage, { batch: true }),
      durationMs,
      attempts: 1,
      error: null,
      batch: true,
    },
  };
}

const usageOf = (usage: Anthropic.Usage): StageUsage => ({
  inputTokens: usage.input_tokens,
  outputTokens: usage.output_tokens,
  cacheCreationInputTokens: usage.cache_creation_input_tokens ?? 0,
  cacheReadInputTokens: usage.cache_read_input_tokens ?? 0,
});

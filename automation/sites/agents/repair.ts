/**
 * The Architect asked once more, with the findings a browser made about its page fed back. One
 * request (with run-stage's usual feedback retries for an unusable answer) and one stage record,
 * marked `repair`, for the site's timeline.
 */
import type Anthropic from "@anthropic-ai/sdk";
import {
  type ArchitectOutput,
  architectOutputFor,
  SITE_AGENT_LABELS,
  type StageRecord,
} from "../../../schema/site-agents";
import type { SiteFacts } from "../../../schema/sites";
import { estimateCostUsd } from "./prices";
import { buildRepairPrompt } from "./prompts/repair-prompt";
import { runStage, type StageProgress } from "./run-stage";
import { DEFAULT_STAGE_TIMEOUT_MS } from "./settings";

export type RepairOptions = {
  client: Anthropic;
  facts: SiteFacts;
  /** The Architect's completed record of the first page: its prompt and page are built on. */
  first: StageRecord;
  findings: readonly string[];
  model: string;
  maxTokens: number;
  timeoutMs?: number;
  onProgress?: (progress: StageProgress) => void;
};

/** The repair stage's record; its output is the new page when it completed. Never throws for a model's or the API's failure. */
export async function repairArchitect(
  options: RepairOptions,
): Promise<StageRecord & { output: ArchitectOutput | null }> {
  const { client, facts, first, findings, model, maxTokens, onProgress } = options;
  const started = Date.now();
  const prompt = buildRepairPrompt(first.input, first.output as ArchitectOutput, findings);
  const outcome = await runStage({
    client,
    label: SITE_AGENT_LABELS.architect,
    prompt,
    schema: architectOutputFor(facts),
    model,
    maxTokens,
    timeoutMs: options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS.architect,
    onProgress,
  });
  return {
    stage: "architect",
    repair: true,
    status: outcome.ok ? "complete" : "failed",
    input: prompt,
    output: outcome.ok ? outcome.output : null,
    model,
    usage: outcome.usage,
    costUsd: estimateCostUsd(model, outcome.usage),
    durationMs: Date.now() - started,
    attempts: outcome.attempts,
    error: outcome.ok ? null : outcome.error,
  };
}

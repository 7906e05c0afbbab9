/**
 * The four agents in order, Analyst → Concept → Art Director → Architect, each fed the facts and
 * the outputs before it. Every stage leaves a record (prompt, output, model, tokens, cost,
 * duration, attempts, error) for the site's timeline. Regenerating from a stage reuses the
 * earlier stages' outputs from a previous run's records and runs that stage and the ones after.
 */
import type Anthropic from "@anthropic-ai/sdk";
import type { z } from "zod";
import {
  type ArchitectOutput,
  architectOutputFor,
  type PromptSection,
  SITE_AGENT_LABELS,
  SITE_AGENT_OUTPUTS,
  SITE_AGENTS,
  type SiteAgent,
  type SiteAgentOutputs,
  type StageRecord,
} from "../../../schema/site-agents";
import type { SiteFacts } from "../../../schema/sites";
import { estimateCostUsd } from "./prices";
import { buildPrompt, checkPrompt, PromptError } from "./prompts/build-prompt";
import { runStage, type StageProgress } from "./run-stage";
import { DEFAULT_STAGE_TIMEOUT_MS } from "./settings";

export type PipelineOptions = {
  /** An SDK client; its `baseURL` and `maxRetries` decide where requests go and how overload is retried. */
  client: Anthropic;
  facts: SiteFacts;
  /** The active prompt sections of every agent. */
  prompts: readonly PromptSection[];
  models: Record<SiteAgent, string>;
  maxTokens: Record<SiteAgent, number>;
  /** Run this stage and the ones after it, reusing the earlier ones from `previous`. */
  from?: SiteAgent;
  /** The stage records of an earlier run, for `from`. */
  previous?: readonly StageRecord[];
  onProgress?: (stage: SiteAgent, progress: StageProgress) => void;
  timeoutMs?: Partial<Record<SiteAgent, number>>;
};

export type PipelineResult =
  | { status: "complete"; stages: StageRecord[]; site: ArchitectOutput }
  | { status: "failed"; stages: StageRecord[]; failedStage: SiteAgent; error: string };

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };

/** Runs the pipeline to a page or to the stage that failed; never throws for a model's or the API's failure. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { prompts, from = "analyst" } = options;
  const start = SITE_AGENTS.indexOf(from);
  const stages: StageRecord[] = [];
  const outputs: Partial<SiteAgentOutputs> = {};

  for (const agent of SITE_AGENTS.slice(0, start)) {
    const reused = reuse(agent, options.previous ?? []);
    if (!reused) {
      const error = `Regenerating from the ${SITE_AGENT_LABELS[from]} needs the ${SITE_AGENT_LABELS[agent]}'s output from an earlier run, and there is none`;
      return { status: "failed", stages, failedStage: agent, error };
    }
    stages.push(reused);
    Object.assign(outputs, { [agent]: reused.output });
  }

  const toRun = SITE_AGENTS.slice(start);
  for (const agent of toRun) {
    try {
      checkPrompt(agent, prompts);
    } catch (error) {
      if (error instanceof PromptError) return { status: "failed", stages, failedStage: agent, error: error.message };
      throw error;
    }
  }

  for (const agent of toRun) {
    const record = await runAgent(agent, options, outputs);
    stages.push(record);
    if (record.status === "failed") {
      return { status: "failed", stages, failedStage: agent, error: record.error ?? "failed" };
    }
    Object.assign(outputs, { [agent]: record.output });
  }
  return { status: "complete", stages, site: outputs.architect as ArchitectOutput };
}

async function runAgent(
  agent: SiteAgent,
  options: PipelineOptions,
  outputs: Partial<SiteAgentOutputs>,
): Promise<StageRecord> {
  const { client, facts, prompts, models, maxTokens, onProgress } = options;
  const model = models[agent];
  const started = Date.now();
  const prompt = buildPrompt(agent, prompts, facts, outputs);
  const schema: z.ZodType = agent === "architect" ? architectOutputFor(facts) : SITE_AGENT_OUTPUTS[agent];
  const outcome = await runStage({
    client,
    agent,
    prompt,
    schema,
    model,
    maxTokens: maxTokens[agent],
    timeoutMs: options.timeoutMs?.[agent] ?? DEFAULT_STAGE_TIMEOUT_MS[agent],
    onProgress: onProgress && ((progress) => onProgress(agent, progress)),
  });
  return {
    stage: agent,
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

/** The earlier run's record of the stage, marked reused, when its output still passes the stage's schema. */
function reuse(agent: SiteAgent, previous: readonly StageRecord[]): StageRecord | null {
  const record = previous.find((r) => r.stage === agent && r.status !== "failed");
  if (!record || !SITE_AGENT_OUTPUTS[agent].safeParse(record.output).success) return null;
  return { ...record, status: "reused", usage: NO_USAGE, costUsd: 0, durationMs: 0, attempts: 0 };
}

/**
 * The four agents in order, Analyst → Concept → Art Director → Architect, each fed the facts and
 * the outputs before it. Every stage leaves a record (prompt, output, model, tokens, cost,
 * duration, attempts, error) for the site's timeline. Regenerating from a stage reuses the
 * earlier stages' outputs from a previous run's records and runs that stage and the ones after.
 * A Message Batch round hands its answers in as `kept` records, and an answer it could not use as
 * `batchAttempt`, the first of that stage's attempts.
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
import { type EarlierAttempt, runStage, type StageProgress } from "./run-stage";
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
  /** Records of this run made elsewhere (a Message Batch's answers), kept as they are instead of run. */
  kept?: readonly StageRecord[];
  /** A stage's first attempt, made in a Message Batch, that could not be used. */
  batchAttempt?: BatchAttempt;
};

/** A batch request whose answer could not be used: the stage asks again with its problem fed back. */
export type BatchAttempt = {
  stage: SiteAgent;
  earlier: EarlierAttempt;
  usage: StageRecord["usage"];
  costUsd: number | null;
};

export type PipelineResult =
  | { status: "complete"; stages: StageRecord[]; site: ArchitectOutput }
  | { status: "failed"; stages: StageRecord[]; failedStage: SiteAgent; error: string };

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };

/** Runs the pipeline to a page or to the stage that failed; never throws for a model's or the API's failure. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { prompts, from = "analyst" } = options;
  const earlier = earlierStages(from, options.previous ?? []);
  if (!earlier.ok)
    return { status: "failed", stages: earlier.stages, failedStage: earlier.failedStage, error: earlier.error };
  const { stages, outputs } = earlier;

  const toRun = SITE_AGENTS.slice(SITE_AGENTS.indexOf(from));
  for (const agent of toRun) {
    try {
      checkPrompt(agent, prompts);
    } catch (error) {
      if (error instanceof PromptError) return { status: "failed", stages, failedStage: agent, error: error.message };
      throw error;
    }
  }

  for (const agent of toRun) {
    const kept = options.kept?.find((r) => r.stage === agent && r.status === "complete");
    const record = kept ?? (await runAgent(agent, options, outputs));
    stages.push(record);
    if (record.status === "failed") {
      return { status: "failed", stages, failedStage: agent, error: record.error ?? "failed" };
    }
    Object.assign(outputs, { [agent]: record.output });
  }
  return { status: "complete", stages, site: outputs.architect as ArchitectOutput };
}

/** The stages before `from`, reused from an earlier run's records, or the first one that has none. */
export function earlierStages(
  from: SiteAgent,
  previous: readonly StageRecord[],
):
  | { ok: true; stages: StageRecord[]; outputs: Partial<SiteAgentOutputs> }
  | { ok: false; stages: StageRecord[]; failedStage: SiteAgent; error: string } {
  const stages: StageRecord[] = [];
  const outputs: Partial<SiteAgentOutputs> = {};
  for (const agent of SITE_AGENTS.slice(0, SITE_AGENTS.indexOf(from))) {
    const reused = reuse(agent, previous);
    if (!reused) {
      const error = `Regenerating from the ${SITE_AGENT_LABELS[from]} needs the ${SITE_AGENT_LABELS[agent]}'s output from an earlier run, and there is none`;
      return { ok: false, stages, failedStage: agent, error };
    }
    stages.push(reused);
    Object.assign(outputs, { [agent]: reused.output });
  }
  return { ok: true, stages, outputs };
}

/** The zod schema a stage's answer must pass (the Architect's depends on the business's facts). */
export const stageSchema = (agent: SiteAgent, facts: SiteFacts): z.ZodType =>
  agent === "architect" ? architectOutputFor(facts) : SITE_AGENT_OUTPUTS[agent];

async function runAgent(
  agent: SiteAgent,
  options: PipelineOptions,
  outputs: Partial<SiteAgentOutputs>,
): Promise<StageRecord> {
  const { client, facts, prompts, models, maxTokens, onProgress } = options;
  const model = models[agent];
  const started = Date.now();
  const prompt = buildPrompt(agent, prompts, facts, outputs);
  const schema = stageSchema(agent, facts);
  const batch = options.batchAttempt?.stage === agent ? options.batchAttempt : undefined;
  const outcome = await runStage({
    client,
    label: SITE_AGENT_LABELS[agent],
    prompt,
    schema,
    model,
    maxTokens: maxTokens[agent],
    timeoutMs: options.timeoutMs?.[agent] ?? DEFAULT_STAGE_TIMEOUT_MS[agent],
    onProgress: onProgress && ((progress) => onProgress(agent, progress)),
    earlier: batch?.earlier,
  });
  const costUsd = estimateCostUsd(model, outcome.usage);
  return {
    stage: agent,
    status: outcome.ok ? "complete" : "failed",
    input: prompt,
    output: outcome.ok ? outcome.output : null,
    model,
    usage: batch ? addUsage(batch.usage, outcome.usage) : outcome.usage,
    costUsd: batch && costUsd !== null && batch.costUsd !== null ? batch.costUsd + costUsd : costUsd,
    durationMs: Date.now() - started,
    attempts: outcome.attempts,
    error: outcome.ok ? null : outcome.error,
    ...(batch ? { batch: true } : {}),
  };
}

function addUsage(a: StageRecord["usage"], b: StageRecord["usage"]): StageRecord["usage"] {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
  };
}

/** The earlier run's record of the stage, marked reused, when its output still passes the stage's schema. */
function reuse(agent: SiteAgent, previous: readonly StageRecord[]): StageRecord | null {
  const record = previous.find((r) => r.stage === agent && r.status !== "failed");
  if (!record || !SITE_AGENT_OUTPUTS[agent].safeParse(record.output).success) return null;
  return { ...record, status: "reused", usage: NO_USAGE, costUsd: 0, durationMs: 0, attempts: 0 };
}

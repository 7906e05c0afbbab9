/**
 * The creative engine's four agents: prompts as data, the pipeline that runs them through the
 * Anthropic SDK, and the price table its cost estimates come from.
 */
export { describeApiError } from "./api-errors";
export { type PipelineOptions, type PipelineResult, runPipeline } from "./pipeline";
export { estimateCostUsd, PRICES_USD_PER_MTOK } from "./prices";
export { type BuiltPrompt, buildPrompt, checkPrompt, knownPlaceholders, PromptError } from "./prompts/build-prompt";
export { DEFAULT_PROMPT_SECTIONS } from "./prompts/defaults";
export { buildRepairPrompt } from "./prompts/repair-prompt";
export { type RepairOptions, repairArchitect } from "./repair";
export { MAX_FEEDBACK_RETRIES, type StageProgress } from "./run-stage";
export { DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS, DEFAULT_STAGE_TIMEOUT_MS } from "./settings";

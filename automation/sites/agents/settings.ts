/** The per-agent settings a workspace starts with (models, token limits, timeouts). */
import type { SiteAgent } from "../../../schema/site-agents";

/** Sonnet 5.5 for every agent: the current Sonnet, at $2 / $10 per million tokens (prices.ts). */
export const DEFAULT_SITE_MODELS: Record<SiteAgent, string> = {
  analyst: "claude-sonnet-5-5",
  concept: "claude-sonnet-5-5",
  artDirector: "claude-sonnet-5-5",
  architect: "claude-sonnet-5-5",
};

/**
 * Output token limits: the first three answer a JSON object of a few hundred words (about
 * 1,000 tokens); the Architect writes a whole page, typically 8,000–15,000 tokens of HTML and CSS.
 */
export const DEFAULT_SITE_MAX_TOKENS: Record<SiteAgent, number> = {
  analyst: 4_000,
  concept: 4_000,
  artDirector: 4_000,
  architect: 32_000,
};

/**
 * How long a stage may take, retries included: at the ~60 output tokens a second a Sonnet streams,
 * 4,000 tokens take about a minute and the Architect's 32,000 about nine.
 */
export const DEFAULT_STAGE_TIMEOUT_MS: Record<SiteAgent, number> = {
  analyst: 180_000,
  concept: 180_000,
  artDirector: 180_000,
  architect: 900_000,
};

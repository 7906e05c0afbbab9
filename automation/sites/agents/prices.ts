/**
 * What a stage cost, estimated from its token counts. USD per million tokens, from Anthropic's
 * pricing pages (platform.claude.com/docs/en/about-claude/pricing and each model's overview page,
 * read 2026-12-06): base input, 5-minute cache writes, cache hits, output. The pipeline writes the
 * 5-minute cache, so the 1-hour write price is not needed.
 */
import type { StageUsage } from "../../../schema/site-agents";

type Price = { input: number; cacheWrite: number; cacheRead: number; output: number };

export const PRICES_USD_PER_MTOK: Record<string, Price> = {
  "claude-fable-5-1": { input: 10, cacheWrite: 12.5, cacheRead: 0.25, output: 50 },
  "claude-opus-5-5": { input: 4, cacheWrite: 5, cacheRead: 0.2, output: 20 },
  "claude-opus-5": { input: 5, cacheWrite: 6.25, cacheRead: 0.5, output: 25 },
  "claude-sonnet-5-5": { input: 2, cacheWrite: 2.5, cacheRead: 0.2, output: 10 },
  "claude-sonnet-5": { input: 2, cacheWrite: 2.5, cacheRead: 0.2, output: 10 },
  "claude-haiku-4-5": { input: 1, cacheWrite: 1.25, cacheRead: 0.1, output: 5 },
};

const PER_MILLION = 1_000_000;

/**
 * Requests sent through the Message Batches API cost half of every price above, cache writes and
 * hits included (platform.claude.com/docs/en/build-with-claude/batch-processing, "Pricing").
 */
export const BATCH_PRICE_FACTOR = 0.5;

/** The stage's estimated cost in USD, or null when the model has no price on file. */
export function estimateCostUsd(model: string, usage: StageUsage, { batch = false } = {}): number | null {
  const price = PRICES_USD_PER_MTOK[model];
  if (!price) return null;
  const usd =
    usage.inputTokens * price.input +
    usage.cacheCreationInputTokens * price.cacheWrite +
    usage.cacheReadInputTokens * price.cacheRead +
    usage.outputTokens * price.output;
  return (usd / PER_MILLION) * (batch ? BATCH_PRICE_FACTOR : 1);
}

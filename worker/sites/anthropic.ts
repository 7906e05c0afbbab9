/** The Anthropic client of the site jobs: the workspace's key, `ANTHROPIC_BASE_URL`, the SDK's own retries. */
import Anthropic from "@anthropic-ai/sdk";

/** The SDK's own retries of 429, 529 and 5xx before a stage (or a batch call) gives up. */
const SDK_RETRIES = 3;

export const clientFor = (env: Env, apiKey: string) =>
  new Anthropic({ apiKey, baseURL: env.ANTHROPIC_BASE_URL || undefined, maxRetries: SDK_RETRIES });

/**
 * Turns what the Anthropic SDK throws into one sentence for the Sites row: what happened and what
 * to try. 429, 529 and other 5xx have already been retried by the SDK (`maxRetries`) by then.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "@anthropic-ai/sdk";

export function describeApiError(error: unknown): string {
  const said = error instanceof APIError && error.apiMessage ? `: ${error.apiMessage}` : "";
  if (error instanceof AuthenticationError) {
    return `Anthropic refused the API key (401${said}); check the workspace's Anthropic key in Settings`;
  }
  if (error instanceof PermissionDeniedError) {
    return `The Anthropic key may not use this model or workspace (403${said})`;
  }
  if (error instanceof NotFoundError)
    return `Anthropic does not know this model (404${said}); check the model in Settings`;
  if (error instanceof BadRequestError) return `Anthropic rejected the request (400${said})`;
  if (error instanceof RateLimitError)
    return `Anthropic's rate limit was still reached after retries (429${said}); try later`;
  if (error instanceof APIConnectionTimeoutError) return "Anthropic did not answer in time; try again";
  if (error instanceof APIConnectionError) return `Could not reach Anthropic (${error.message})`;
  if (error instanceof APIError && typeof error.status === "number") {
    return `Anthropic was unavailable after retries (${error.status}${said}); try again later`;
  }
  return error instanceof Error ? error.message : String(error);
}

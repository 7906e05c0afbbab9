/**
 * The one way discovery calls a provider: `fetch` injected, every request under a timeout, and
 * each way a call can go wrong (no answer, refused key, rate limit, server error, not JSON) turned
 * into a `DiscoveryError` whose message names the provider and says what to try. The request
 * itself goes through the helper every provider family shares (`automation/http`).
 */
import { callProvider, excerpt, type ProviderAnswer, ProviderUnreachable, sleep } from "../http";
import { DiscoveryError } from "./errors";

export { type HttpOptions, joinUrl, parseRetryAfter, sleep } from "../http";

export type ProviderRequest = {
  /** As the user knows it: "Overpass", "Outscraper", "Google Places". */
  provider: string;
  url: string;
  init?: RequestInit;
  fetch?: typeof fetch;
  timeoutMs: number;
  /** Whether the request carries the user's key, so a 401/403 means the key was refused. */
  keyed: boolean;
  /** Try again on 429 and 5xx, waiting what the provider's `Retry-After` says; none when absent. */
  retry?: RetryPolicy;
};

export type RetryPolicy = {
  /** Further tries after the first. */
  attempts: number;
  /** The wait before the first retry when the provider gives no `Retry-After`; doubled each time. */
  backoffMs: number;
};

/**
 * The longest `Retry-After` we sleep through inside one call: a Worker request should not idle for
 * minutes, so a longer wait is reported (with the time to come back) instead of waited out.
 */
export const MAX_RETRY_WAIT_MS = 30_000;

/** Google answers a malformed or unknown key with 400 and one of these rather than 401/403. */
const KEY_INVALID = /API_KEY_INVALID|API key not valid/i;

/** Sends the request and returns its parsed JSON body, or throws a `DiscoveryError`. */
export async function requestJson(request: ProviderRequest): Promise<unknown> {
  const { provider } = request;
  const retries = request.retry?.attempts ?? 0;
  for (let attempt = 0; ; attempt++) {
    const { ok, status, body, retryAfterMs } = await sendOnce(request);
    if (ok) {
      try {
        return JSON.parse(body);
      } catch (error) {
        throw new DiscoveryError("bad_response", `${provider} sent a response that is not JSON: ${excerpt(body)}`, {
          cause: error,
        });
      }
    }
    const waitMs = retryAfterMs ?? (request.retry?.backoffMs ?? 0) * 2 ** attempt;
    if (isRetryable(status) && attempt < retries && waitMs <= MAX_RETRY_WAIT_MS) {
      await sleep(waitMs);
      continue;
    }
    throw statusFailure(request, status, body, { retryAfterMs, tries: attempt + 1 });
  }
}

async function sendOnce(request: ProviderRequest): Promise<ProviderAnswer> {
  try {
    return await callProvider(request);
  } catch (error) {
    if (error instanceof ProviderUnreachable) throw fetchFailure(request.provider, request.timeoutMs, error);
    throw error;
  }
}

const isRetryable = (status: number): boolean => status === 429 || status >= 500;

function fetchFailure(provider: string, timeoutMs: number, error: ProviderUnreachable): DiscoveryError {
  if (error.reason === "timeout") {
    return new DiscoveryError(
      "timeout",
      `${provider} did not answer within ${timeoutMs / 1000} s: try again, or a smaller radius`,
      { cause: error.cause },
    );
  }
  return new DiscoveryError("network", error.message, { cause: error.cause });
}

function statusFailure(
  request: ProviderRequest,
  status: number,
  body: string,
  { retryAfterMs, tries }: { retryAfterMs: number | null; tries: number },
): DiscoveryError {
  const { provider, keyed } = request;
  if (keyed && (status === 401 || status === 403 || (status === 400 && KEY_INVALID.test(body)))) {
    return new DiscoveryError(
      "key_refused",
      `The ${provider} key was refused (HTTP ${status}): check it in Settings and that the API is enabled for it`,
    );
  }
  const retryAt = retryAfterMs === null ? undefined : new Date(Date.now() + retryAfterMs);
  const after = tries > 1 ? ` after ${tries} tries` : "";
  const when = retryAt ? `try again after ${retryAt.toISOString()}` : "try again in a minute";
  if (status === 429) {
    return new DiscoveryError("rate_limited", `${provider} is rate-limiting us (HTTP 429${after}): ${when}`, {
      retryAt,
    });
  }
  const detail = excerpt(body);
  const advice = retryAt ? `; ${when}` : "";
  return new DiscoveryError(
    "upstream_error",
    `${provider} answered HTTP ${status}${after}${detail ? `: ${detail}` : ""}${advice}`,
    { retryAt },
  );
}

/** An http(s) URL as given, "https://" added to a bare host; "" for anything else. */
export function cleanWebsite(raw: string | null | undefined): string {
  const text = (raw ?? "").trim();
  if (!text) return "";
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
  } catch {
    return "";
  }
}

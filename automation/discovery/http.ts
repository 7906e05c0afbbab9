/**
 * The one way discovery calls a provider: `fetch` injected, every request under a timeout, and
 * each way a call can go wrong (no answer, refused key, rate limit, server error, not JSON) turned
 * into a `DiscoveryError` whose message names the provider and says what to try.
 */
import { DiscoveryError } from "./errors";

/** What every HTTP-backed source and geocoder takes, so tests can point it at a local server. */
export type HttpOptions = {
  /** The provider's origin, without a trailing path; each source has the real one as default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned; each source names its default. */
  timeoutMs?: number;
};

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

/** How much of an error body goes into a message: enough for the provider's reason, no page dumps. */
const ERROR_BODY_CHARS = 200;

/** Google answers a malformed or unknown key with 400 and one of these rather than 401/403. */
const KEY_INVALID = /API_KEY_INVALID|API key not valid/i;

/** Sends the request and returns its parsed JSON body, or throws a `DiscoveryError`. */
export async function requestJson(request: ProviderRequest): Promise<unknown> {
  const { provider } = request;
  const retries = request.retry?.attempts ?? 0;
  for (let attempt = 0; ; attempt++) {
    const { response, body } = await sendOnce(request);
    if (response.ok) {
      try {
        return JSON.parse(body);
      } catch (error) {
        throw new DiscoveryError("bad_response", `${provider} sent a response that is not JSON: ${excerpt(body)}`, {
          cause: error,
        });
      }
    }
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    const waitMs = retryAfterMs ?? (request.retry?.backoffMs ?? 0) * 2 ** attempt;
    if (isRetryable(response.status) && attempt < retries && waitMs <= MAX_RETRY_WAIT_MS) {
      await sleep(waitMs);
      continue;
    }
    throw statusFailure(request, response.status, body, { retryAfterMs, tries: attempt + 1 });
  }
}

async function sendOnce(request: ProviderRequest): Promise<{ response: Response; body: string }> {
  const doFetch = request.fetch ?? fetch;
  try {
    const response = await doFetch(request.url, { ...request.init, signal: AbortSignal.timeout(request.timeoutMs) });
    return { response, body: await response.text() };
  } catch (error) {
    throw fetchFailure(request.provider, request.timeoutMs, error);
  }
}

const isRetryable = (status: number): boolean => status === 429 || status >= 500;

/** Waits `ms` milliseconds (retry and poll backoff). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Milliseconds a `Retry-After` header asks us to wait: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  const text = header?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function fetchFailure(provider: string, timeoutMs: number, error: unknown): DiscoveryError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new DiscoveryError(
      "timeout",
      `${provider} did not answer within ${timeoutMs / 1000} s: try again, or a smaller radius`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DiscoveryError("network", `Could not reach ${provider} (${reason})`, { cause: error });
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

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > ERROR_BODY_CHARS ? `${flat.slice(0, ERROR_BODY_CHARS)}…` : flat;
};

/** `base` without a trailing slash joined to `path`, so "http://127.0.0.1:1234/" works too. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, "")}${path}`;

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

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
};

/** How much of an error body goes into a message: enough for the provider's reason, no page dumps. */
const ERROR_BODY_CHARS = 200;

/** Google answers a malformed or unknown key with 400 and one of these rather than 401/403. */
const KEY_INVALID = /API_KEY_INVALID|API key not valid/i;

/** Sends the request and returns its parsed JSON body, or throws a `DiscoveryError`. */
export async function requestJson(request: ProviderRequest): Promise<unknown> {
  const { provider, timeoutMs } = request;
  const doFetch = request.fetch ?? fetch;
  let body: string;
  let response: Response;
  try {
    response = await doFetch(request.url, { ...request.init, signal: AbortSignal.timeout(timeoutMs) });
    body = await response.text();
  } catch (error) {
    throw fetchFailure(provider, timeoutMs, error);
  }
  if (!response.ok) throw statusFailure(request, response.status, body);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new DiscoveryError("bad_response", `${provider} sent a response that is not JSON: ${excerpt(body)}`, {
      cause: error,
    });
  }
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

function statusFailure(request: ProviderRequest, status: number, body: string): DiscoveryError {
  const { provider, keyed } = request;
  if (keyed && (status === 401 || status === 403 || (status === 400 && KEY_INVALID.test(body)))) {
    return new DiscoveryError(
      "key_refused",
      `The ${provider} key was refused (HTTP ${status}): check it in Settings and that the API is enabled for it`,
    );
  }
  if (status === 429) {
    return new DiscoveryError("rate_limited", `${provider} is rate-limiting us (HTTP 429): try again in a minute`);
  }
  const detail = excerpt(body);
  return new DiscoveryError("upstream_error", `${provider} answered HTTP ${status}${detail ? `: ${detail}` : ""}`);
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

/**
 * The one way Rowpilot calls a provider's HTTP API: `fetch` injected, every request under a
 * timeout, and the answer read whole. Each family turns what comes back into its own named error
 * (discovery's `DiscoveryError`, messaging's `SendError`); this layer only separates "the provider
 * answered" from "it never did" (`ProviderUnreachable`).
 */

/** What every provider client takes, so tests can point it at a local server. */
export type HttpOptions = {
  /** The provider's origin, without a trailing path; each client has the real one as default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds before a request is abandoned; each client names its default. */
  timeoutMs?: number;
};

export type ProviderCall = {
  /** As the user knows it: "Resend", "Overpass", "Google Places". */
  provider: string;
  url: string;
  init?: RequestInit;
  fetch?: typeof fetch;
  timeoutMs: number;
};

/** A provider's answer, whatever its status, with its body read and its `Retry-After` parsed. */
export type ProviderAnswer = {
  status: number;
  ok: boolean;
  headers: Headers;
  body: string;
  /** Milliseconds the provider asked us to wait (`Retry-After`), or null when it did not say. */
  retryAfterMs: number | null;
};

/** The provider never answered: the connection failed, or the timeout ran out first. */
export class ProviderUnreachable extends Error {
  override readonly name = "ProviderUnreachable";
  constructor(
    readonly provider: string,
    readonly reason: "timeout" | "network",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How much of an error body goes into a message: enough for the provider's reason, no page dumps. */
const ERROR_BODY_CHARS = 200;

/**
 * Sends one request and reads the whole answer, or throws `ProviderUnreachable`.
 * @example const answer = await callProvider({ provider: "Resend", url, init, timeoutMs: 10_000 });
 */
export async function callProvider(call: ProviderCall): Promise<ProviderAnswer> {
  const doFetch = call.fetch ?? fetch;
  try {
    const response = await doFetch(call.url, { ...call.init, signal: AbortSignal.timeout(call.timeoutMs) });
    const body = await response.text();
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      body,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), Date.now()),
    };
  } catch (error) {
    throw unreachable(call, error);
  }
}

function unreachable({ provider, timeoutMs }: ProviderCall, error: unknown): ProviderUnreachable {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderUnreachable(provider, "timeout", `${provider} did not answer within ${timeoutMs / 1000} s`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ProviderUnreachable(provider, "network", `Could not reach ${provider} (${reason})`, { cause: error });
}

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

/** Waits `ms` milliseconds (retry and poll backoff). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `base` without a trailing slash joined to `path`, so "http://127.0.0.1:1234/" works too. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, "")}${path}`;

/** A provider's error body cut to one line of at most 200 characters, for a message. */
export const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > ERROR_BODY_CHARS ? `${flat.slice(0, ERROR_BODY_CHARS)}…` : flat;
};

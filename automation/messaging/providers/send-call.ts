/**
 * How every messaging client calls its provider: `callProvider` (fetch injected, a timeout), then
 * the answer turned into a `SendError` the queue job can act on. No retries here: the queue
 * retries a retryable `SendError` after its `retryAfterMs`, under its own attempt limit.
 */
import { callProvider, excerpt, type ProviderAnswer, type ProviderCall, ProviderUnreachable } from "../../http";
import { SendError, type SendFailureKind } from "../outgoing";

/** What a client reads from an error body: the provider's reason, and a kind when its code says more than the status. */
export type ProviderFailure = { message: string; kind?: SendFailureKind };

export type SendCall = ProviderCall & {
  /** Reads the provider's error body; null when it is not in the provider's form. */
  readFailure: (answer: ProviderAnswer) => ProviderFailure | null;
};

/** The default for every messaging client: a send API answers in a second or two, so 15 s means it is stuck. */
export const SEND_TIMEOUT_MS = 15_000;

/** Sends one request; returns the provider's 2xx answer, or throws a `SendError` saying what went wrong. */
export async function sendToProvider(call: SendCall): Promise<ProviderAnswer> {
  let answer: ProviderAnswer;
  try {
    answer = await callProvider(call);
  } catch (error) {
    if (error instanceof ProviderUnreachable) throw new SendError(call.provider, "network", error.message);
    throw error;
  }
  if (answer.ok) return answer;
  throw failureOf(call, answer);
}

function failureOf(call: SendCall, answer: ProviderAnswer): SendError {
  const { provider } = call;
  const failure = call.readFailure(answer);
  const reason = failure?.message || excerpt(answer.body) || "no reason given";
  const kind = failure?.kind ?? kindOfStatus(answer.status);
  const said = `${provider} answered HTTP ${answer.status}: ${reason}`;
  switch (kind) {
    case "auth":
      return new SendError(provider, kind, `${said}. Check the ${provider} key and sender in Settings`);
    case "invalid":
      return new SendError(provider, kind, said);
    case "rate_limited":
    case "server":
      return new SendError(provider, kind, said, answer.retryAfterMs);
    case "network":
      return new SendError(provider, kind, said);
  }
}

/**
 * The kind a status means when the provider's body says no more: a refused key (401/403), a
 * request it will never take (other 4xx), a rate limit (429), its own trouble (5xx).
 */
export function kindOfStatus(status: number): SendFailureKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "invalid";
}

/** The body as JSON, or null when it is not JSON (a proxy's HTML page, an empty 502). */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** A string field of a JSON object, or "" when absent. */
export function stringField(value: unknown, key: string): string {
  if (typeof value !== "object" || value === null) return "";
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" || typeof field === "number" ? String(field) : "";
}

/**
 * An RFC 5322 mailbox, `"Name" <email>`: the display name quoted (with `"` and `\` escaped) so a
 * comma or a dot in it cannot split the address.
 */
export function formatMailbox({ email, name }: { email: string; name: string }): string {
  const trimmed = name.trim();
  if (!trimmed) return email;
  return `"${trimmed.replace(/[\\"]/g, "\\$&")}" <${email}>`;
}

/** Splits an API key given as `PART:PART…` into exactly `count` non-empty parts, or says what was expected. */
export function splitKey(provider: string, apiKey: string, parts: string[]): string[] {
  const values = apiKey.split(":").map((part) => part.trim());
  if (values.length !== parts.length || values.some((value) => !value)) {
    throw new SendError(provider, "auth", `The ${provider} key must be given as ${parts.join(":")}`);
  }
  return values;
}

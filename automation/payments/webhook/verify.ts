/**
 * Recurrente signs its webhooks with Svix (https://docs.svix.com/receiving/verifying-payloads/how-manual):
 * `svix-signature` holds one or more space-separated `v1,<base64>` HMAC-SHA256 signatures of
 * `<svix-id>.<svix-timestamp>.<body>`, keyed with the base64 secret after `whsec_`. The `svix`
 * package does the HMAC and the constant-time compare (pure JS, so it runs in workerd); the
 * checks before it here turn each refusal into a reason a person can act on.
 */
import { Webhook, WebhookVerificationError } from "svix";

/** Svix's own tolerance, either way: an older delivery may be a replay, a newer one a skewed clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;
const SECRET_PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type WebhookVerdict = { ok: true; id: string; timestamp: Date } | { ok: false; reason: string };

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
  return found?.[1] ?? null;
}

/**
 * Whether `body` was signed by Recurrente with `secret` (`whsec_…`) at a time within five minutes of `now`.
 * @example const verdict = verifyRecurrenteWebhook(secret, request.headers, await request.text(), new Date());
 */
export function verifyRecurrenteWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  now: Date,
): WebhookVerdict {
  const id = header(headers, "svix-id");
  const stamp = header(headers, "svix-timestamp");
  const signature = header(headers, "svix-signature");
  if (!id || !stamp || !signature)
    return { ok: false, reason: "missing svix-id, svix-timestamp or svix-signature header" };
  const key = secret.trim();
  if (!key.startsWith(SECRET_PREFIX) || !BASE64.test(key.slice(SECRET_PREFIX.length)))
    return { ok: false, reason: "the webhook secret is not a Svix signing secret (whsec_ followed by base64)" };
  if (!/^\d+$/.test(stamp)) return { ok: false, reason: "svix-timestamp is not a number of seconds" };
  const timestamp = new Date(Number(stamp) * 1000);
  const skew = now.getTime() - timestamp.getTime();
  if (skew > TIMESTAMP_TOLERANCE_MS) return { ok: false, reason: "the delivery is older than 5 minutes" };
  if (-skew > TIMESTAMP_TOLERANCE_MS) return { ok: false, reason: "the delivery is dated more than 5 minutes ahead" };
  try {
    new Webhook(key).verify(body, { "svix-id": id, "svix-timestamp": stamp, "svix-signature": signature });
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return { ok: false, reason: `signature refused: ${error.message.toLowerCase()}` };
    // svix parses a verified body as JSON: a signed body that is not JSON is still signed.
    if (error instanceof SyntaxError) return { ok: true, id, timestamp };
    return { ok: false, reason: `signature refused: ${(error as Error).message}` };
  }
  return { ok: true, id, timestamp };
}

/**
 * Resend's webhooks, signed by Svix: https://resend.com/docs/webhooks/verify-webhooks-requests
 * and https://docs.svix.com/receiving/verifying-payloads/how-manual (headers `svix-id`,
 * `svix-timestamp`, `svix-signature`; HMAC-SHA256 of `id.timestamp.body` with the base64 key after
 * `whsec_`; the header may carry several space-separated `v1,<base64>` signatures while a secret
 * is rotated). Event payloads: https://resend.com/docs/webhooks/emails/bounced (and its sibling pages)
 *
 * A small WebCrypto verifier rather than the `svix` package: its `Webhook` (from `standardwebhooks`)
 * reads the clock with `Date.now()` and cannot be handed `now`, and `svix`'s entry point pulls in its
 * whole API client.
 */
import { z } from "zod";
import { MESSAGE_ID_TAG, type MessageEventType, type NormalizedEvent } from "../../../schema/messaging-events";
import {
  constantTimeEqual,
  fromBase64,
  hmac,
  OK,
  refuse,
  timestampFresh,
  toBase64,
  type Verdict,
  type WebhookRequest,
} from "./crypto";
import { parseJson } from "./parse";

/** Svix's documented tolerance: a timestamp further than 5 minutes from now is refused (replays). */
export const RESEND_TOLERANCE_MS = 5 * 60 * 1000;
const SECRET_PREFIX = "whsec_";

/** Checks a Resend webhook against the endpoint's signing secret (`whsec_…`). */
export async function verify(request: WebhookRequest, secret: string, now: Date): Promise<Verdict> {
  const id = request.headers.get("svix-id");
  const timestamp = request.headers.get("svix-timestamp");
  const signatures = request.headers.get("svix-signature");
  if (!id || !timestamp || !signatures) return refuse("missing svix-id, svix-timestamp or svix-signature header");
  const key = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!key || key.length === 0) return refuse("the Resend signing secret is not a whsec_ base64 key");
  const fresh = timestampFresh(timestamp, now, RESEND_TOLERANCE_MS);
  if (!fresh.ok) return fresh;
  const expected = toBase64(await hmac("SHA-256", key, `${id}.${timestamp}.${request.body}`));
  const matches = signatures
    .split(" ")
    .map((versioned) => versioned.split(","))
    .some(
      ([version, signature]) => version === "v1" && signature !== undefined && constantTimeEqual(signature, expected),
    );
  return matches ? OK : refuse("no svix-signature matches the body and secret");
}

const Tags = z.union([
  z.record(z.string(), z.string()),
  z
    .array(z.object({ name: z.string(), value: z.string() }))
    .transform((tags) => Object.fromEntries(tags.map((t) => [t.name, t.value]))),
]);

const ResendEvent = z.object({
  type: z.string(),
  created_at: z.string(),
  data: z.object({
    email_id: z.string(),
    to: z.union([z.array(z.string()), z.string().transform((to) => [to])]),
    tags: Tags.optional(),
    bounce: z.object({ type: z.string() }).optional(),
    click: z
      .object({
        link: z.string(),
        ipAddress: z.string().optional(),
        userAgent: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .optional(),
  }),
});

const TYPES: Record<string, MessageEventType> = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.opened": "opened",
  "email.clicked": "clicked",
  "email.delivery_delayed": "delayed",
};

/** Resend's bounce types: "Permanent" is a hard bounce; "Transient" and "Undetermined" are soft. */
const HARD_BOUNCE = "Permanent";

/** The events in one Resend webhook body (one per recipient); other event kinds (sent, scheduled…) give none. */
export function events(body: string): NormalizedEvent[] {
  const event = parseJson(body, ResendEvent, "Resend");
  const type = TYPES[event.type];
  if (!type) return [];
  const { data } = event;
  const at = new Date(data.click?.timestamp ?? event.created_at).toISOString();
  return data.to.map((recipient) => ({
    provider: "resend",
    eventId: `resend:${data.email_id}:${event.type}:${recipient}:${event.created_at}`,
    providerMessageId: data.email_id,
    messageId: data.tags?.[MESSAGE_ID_TAG] ?? null,
    type,
    ...(type === "bounced" ? { bounce: data.bounce?.type === HARD_BOUNCE ? "hard" : "soft" } : {}),
    at,
    recipient,
    ...(data.click ? { url: data.click.link, userAgent: data.click.userAgent, ip: data.click.ipAddress } : {}),
  }));
}

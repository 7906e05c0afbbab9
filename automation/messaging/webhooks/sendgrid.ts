/**
 * SendGrid's Signed Event Webhook: ECDSA (P-256, SHA-256) over `timestamp + raw body`, the
 * signature base64 DER in `X-Twilio-Email-Event-Webhook-Signature`, the timestamp in
 * `X-Twilio-Email-Event-Webhook-Timestamp`, checked with the base64 DER SPKI public key the account
 * shows under Mail Settings → Signed Event Webhook.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 * Events (a JSON array; custom_args come back as top-level keys):
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event
 */
import { z } from "zod";
import { MESSAGE_ID_TAG, type MessageEventType, type NormalizedEvent } from "../../../schema/messaging-events";
import { fromBase64, OK, refuse, timestampFresh, utf8, type Verdict, type WebhookRequest } from "./crypto";
import { derToRawEcdsa } from "./der";
import { parseJson } from "./parse";

export const SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

/**
 * SendGrid documents no tolerance; it signs each POST when it sends it, so we take Svix's 5 minutes
 * as the bound on clock skew plus transit, which keeps a captured request from being replayed later.
 */
export const SENDGRID_TOLERANCE_MS = 5 * 60 * 1000;
/** A P-256 signature is r‖s, 32 bytes each, in WebCrypto's (IEEE P1363) form. */
const P256_FIELD_BYTES = 32;

/** Checks a SendGrid event POST against the account's verification key (base64 DER SPKI). */
export async function verify(request: WebhookRequest, publicKey: string, now: Date): Promise<Verdict> {
  const signature = request.headers.get(SIGNATURE_HEADER);
  const timestamp = request.headers.get(TIMESTAMP_HEADER);
  if (!signature || !timestamp) return refuse(`missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER} header`);
  const spki = fromBase64(publicKey);
  if (!spki) return refuse("the SendGrid verification key is not base64");
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
  } catch {
    return refuse(
      "the SendGrid verification key is not a P-256 public key (copy it from Mail Settings → Signed Event Webhook)",
    );
  }
  const fresh = timestampFresh(timestamp, now, SENDGRID_TOLERANCE_MS);
  if (!fresh.ok) return fresh;
  const der = fromBase64(signature);
  const raw = der && derToRawEcdsa(der, P256_FIELD_BYTES);
  if (!raw) return refuse("signature is not a base64 DER ECDSA signature");
  const valid = await crypto.subtle.verify(
    { name: "ECDSA", hash: "SHA-256" },
    key,
    raw,
    utf8(timestamp + request.body),
  );
  return valid ? OK : refuse("signature does not match the body and verification key");
}

const SendGridEvent = z
  .object({
    email: z.string(),
    timestamp: z.number(),
    event: z.string(),
    sg_event_id: z.string(),
    sg_message_id: z.string().optional(),
    type: z.string().optional(),
    url: z.string().optional(),
    useragent: z.string().optional(),
    ip: z.string().optional(),
  })
  .catchall(z.unknown());

const TYPES: Record<string, MessageEventType> = {
  delivered: "delivered",
  bounce: "bounced",
  dropped: "failed",
  deferred: "delayed",
  spamreport: "complained",
  open: "opened",
  click: "clicked",
};

/**
 * The events in a SendGrid POST. A bounce event's `type` says which: "bounce" is a hard bounce,
 * "blocked" (the receiving server refused for now, e.g. reputation) a soft one. Kinds we do not
 * track (processed, unsubscribe, group_unsubscribe…) give none.
 */
export function events(body: string): NormalizedEvent[] {
  return parseJson(body, z.array(SendGridEvent), "SendGrid").flatMap((e): NormalizedEvent[] => {
    const type = TYPES[e.event];
    if (!type) return [];
    const ours = e[MESSAGE_ID_TAG];
    return [
      {
        provider: "sendgrid",
        eventId: e.sg_event_id,
        // sg_message_id is the X-Message-Id the send answered, plus ".filter…" routing suffixes.
        providerMessageId: e.sg_message_id?.split(".")[0] ?? "",
        messageId: typeof ours === "string" ? ours : null,
        type,
        ...(type === "bounced" ? { bounce: e.type === "blocked" ? "soft" : "hard" } : {}),
        at: new Date(e.timestamp * 1000).toISOString(),
        recipient: e.email,
        ...(e.url ? { url: e.url } : {}),
        ...(e.useragent ? { userAgent: e.useragent } : {}),
        ...(e.ip ? { ip: e.ip } : {}),
      },
    ];
  });
}

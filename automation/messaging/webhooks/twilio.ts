/**
 * Twilio's SMS webhooks. `X-Twilio-Signature` is base64 HMAC-SHA1, keyed with the account's Auth
 * Token, of the full URL Twilio called followed by each POST parameter's name and value, sorted by
 * name: https://www.twilio.com/docs/usage/webhooks/webhooks-security
 * Inbound messages and status callbacks: https://www.twilio.com/docs/usage/webhooks/messaging-webhooks and
 * https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
 * Opt-out keywords: https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out
 */
import { MESSAGE_ID_TAG, type MessageEventType, type NormalizedEvent } from "../../../schema/messaging-events";
import { constantTimeEqual, hmac, OK, refuse, toBase64, utf8, type Verdict, type WebhookRequest } from "./crypto";
import { WebhookPayloadError } from "./parse";

export const SIGNATURE_HEADER = "X-Twilio-Signature";

/** The string Twilio signs: the URL, then every form parameter as name + value, by name (then value, for repeats). */
export function signedText(url: string, body: string): string {
  const params = [...new URLSearchParams(body)].sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)));
  return url + params.map(([name, value]) => name + value).join("");
}
/** Code-unit order, as Twilio's own libraries sort (not locale order). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Checks a Twilio webhook (form-encoded POST) against the Auth Token. `request.url` must be the URL
 * exactly as configured in Twilio, query string included. `now` is unused: Twilio signs no timestamp.
 */
export async function verify(request: WebhookRequest, authToken: string, _now: Date): Promise<Verdict> {
  const signature = request.headers.get(SIGNATURE_HEADER);
  if (!signature) return refuse(`missing ${SIGNATURE_HEADER} header`);
  const expected = toBase64(await hmac("SHA-1", utf8(authToken), signedText(request.url, request.body)));
  return constantTimeEqual(signature, expected)
    ? OK
    : refuse(`${SIGNATURE_HEADER} does not match the URL, parameters and Auth Token`);
}

/** Status callback values that end a message's story; queued, sending, sent and accepted are steps on the way and give no event. */
const STATUS_EVENTS: Record<string, MessageEventType> = {
  delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
};

/**
 * The event in a Twilio SMS webhook: an inbound message (MessageStatus/SmsStatus "received") or a
 * status callback. Twilio sends no event time, so `receivedAt` (when the request came) stands in.
 * Our message id comes back when the sender put it in the StatusCallback URL's query (`?message_id=`).
 */
export function events(body: string, receivedAt: Date, url = ""): NormalizedEvent[] {
  const params = new URLSearchParams(body);
  const sid = params.get("MessageSid") ?? params.get("SmsSid");
  const from = params.get("From");
  const to = params.get("To");
  if (!sid || !from || !to) throw new WebhookPayloadError("Twilio webhook body has no MessageSid, From or To");
  const status = params.get("MessageStatus") ?? params.get("SmsStatus") ?? "";
  const at = receivedAt.toISOString();
  if (status === "received") {
    const text = params.get("Body") ?? "";
    return [
      {
        provider: "twilio",
        eventId: `twilio:${sid}:received`,
        providerMessageId: sid,
        messageId: null,
        type: "inbound",
        at,
        recipient: from,
        inbound: { from, to, subject: "", text, html: "", inReplyTo: null },
      },
    ];
  }
  const type = STATUS_EVENTS[status];
  if (!type) return [];
  const ours = url ? new URL(url).searchParams.get(MESSAGE_ID_TAG) : null;
  return [
    {
      provider: "twilio",
      eventId: `twilio:${sid}:${status}`,
      providerMessageId: sid,
      messageId: ours,
      type,
      at,
      recipient: to,
    },
  ];
}

export type SmsKeyword = "stop" | "help" | "start";

/** Twilio's default keywords for long codes (its Advanced Opt-Out page), matched on the whole trimmed message. */
const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: "stop",
  STOPALL: "stop",
  UNSUBSCRIBE: "stop",
  CANCEL: "stop",
  END: "stop",
  QUIT: "stop",
  REVOKE: "stop",
  OPTOUT: "stop",
  HELP: "help",
  INFO: "help",
  START: "start",
  UNSTOP: "start",
  YES: "start",
};

/**
 * Which compliance keyword an inbound SMS is, if it is one: the whole message, trimmed, any case
 * ("stop" and " Stop " are; "please stop" is not, as Twilio's own filter reads it).
 */
export function smsKeywords(body: string): SmsKeyword | null {
  return KEYWORDS[body.trim().toUpperCase()] ?? null;
}

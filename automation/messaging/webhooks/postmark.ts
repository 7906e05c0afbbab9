/**
 * Postmark's webhooks carry no signature: Postmark documents protecting them with HTTP Basic auth
 * credentials written into the webhook URL (`https://user:pass@host/…`) and with its published IP
 * ranges. https://postmarkapp.com/developer/webhooks/webhooks-overview#protecting-your-webhook
 * Payloads: the Delivery, Bounce, Spam complaint, Open, Click and Inbound pages of that section.
 */
import { z } from "zod";
import { MESSAGE_ID_TAG, type NormalizedEvent } from "../../../schema/messaging-events";
import { constantTimeEqual, fromBase64, OK, refuse, type Verdict, type WebhookRequest } from "./crypto";
import { parseJson } from "./parse";

/**
 * Checks the request's Basic credentials against the secret `user:password` (the same pair written
 * into the webhook URL in Postmark). `now` is unused: Postmark's requests carry no timestamp.
 */
export async function verify(request: WebhookRequest, secret: string, _now: Date): Promise<Verdict> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return refuse("missing Basic credentials (put user:password@ in the Postmark webhook URL)");
  const decoded = fromBase64(match[1]);
  if (!decoded) return refuse("Basic credentials are not base64");
  return constantTimeEqual(new TextDecoder().decode(decoded), secret)
    ? OK
    : refuse("Basic credentials do not match the webhook secret");
}

const Metadata = z.record(z.string(), z.unknown()).nullish();
const tracked = {
  MessageID: z.string(),
  Metadata,
  UserAgent: z.string().optional(),
  Geo: z.object({ IP: z.string().optional() }).nullish(),
};

const PostmarkEvent = z.discriminatedUnion("RecordType", [
  z.object({
    RecordType: z.literal("Delivery"),
    MessageID: z.string(),
    Recipient: z.string(),
    DeliveredAt: z.string(),
    Metadata,
  }),
  z.object({
    RecordType: z.literal("Bounce"),
    ID: z.union([z.number(), z.string()]),
    Type: z.string(),
    MessageID: z.string(),
    Email: z.string(),
    BouncedAt: z.string(),
    Metadata,
  }),
  z.object({
    RecordType: z.literal("SpamComplaint"),
    ID: z.union([z.number(), z.string()]),
    MessageID: z.string(),
    Email: z.string(),
    BouncedAt: z.string(),
    Metadata,
  }),
  z.object({ RecordType: z.literal("Open"), Recipient: z.string(), ReceivedAt: z.string(), ...tracked }),
  z.object({
    RecordType: z.literal("Click"),
    Recipient: z.string(),
    ReceivedAt: z.string(),
    OriginalLink: z.string(),
    ...tracked,
  }),
  z.object({
    RecordType: z.literal("Inbound"),
    MessageID: z.string(),
    From: z.string(),
    To: z.string(),
    Subject: z.string().default(""),
    TextBody: z.string().default(""),
    HtmlBody: z.string().default(""),
    Date: z.string(),
    Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).default([]),
  }),
]);

/**
 * Bounce types that mean the address will never take mail (Postmark's bounce type list:
 * https://postmarkapp.com/developer/api/bounce-api#bounce-types); every other type (Transient,
 * SoftBounce, DnsError, AutoResponder…) is soft.
 */
const HARD_BOUNCE_TYPES = new Set(["HardBounce", "BadEmailAddress", "ManuallyDeactivated"]);

const ourId = (metadata: Record<string, unknown> | null | undefined): string | null => {
  const id = metadata?.[MESSAGE_ID_TAG];
  return typeof id === "string" ? id : null;
};
const iso = (date: string) => new Date(date).toISOString();

const KNOWN_RECORD_TYPES: readonly string[] = PostmarkEvent.options.map((o) => o.shape.RecordType.value);

/** The inbound webhook's body has no RecordType (it is a whole email: From, FromFull, TextBody…). */
const withRecordType = (json: unknown) =>
  json && typeof json === "object" && !("RecordType" in json) && "FromFull" in json
    ? { ...json, RecordType: "Inbound" }
    : json;

const PostmarkBody = z.preprocess(
  withRecordType,
  z.union([
    PostmarkEvent,
    z.object({ RecordType: z.string().refine((t) => !KNOWN_RECORD_TYPES.includes(t)) }).transform(() => null),
  ]),
);

/** The one event in a Postmark webhook body; record types we do not track (SubscriptionChange) give none. */
export function events(body: string): NormalizedEvent[] {
  const e = parseJson(body, PostmarkBody, "Postmark");
  if (!e) return [];
  const base = { provider: "postmark", providerMessageId: e.MessageID } as const;
  switch (e.RecordType) {
    case "Delivery":
      return [
        {
          ...base,
          eventId: `postmark:delivery:${e.MessageID}:${e.Recipient}`,
          messageId: ourId(e.Metadata),
          type: "delivered",
          at: iso(e.DeliveredAt),
          recipient: e.Recipient,
        },
      ];
    case "Bounce":
      return [
        {
          ...base,
          eventId: `postmark:bounce:${e.ID}`,
          messageId: ourId(e.Metadata),
          type: "bounced",
          bounce: HARD_BOUNCE_TYPES.has(e.Type) ? "hard" : "soft",
          at: iso(e.BouncedAt),
          recipient: e.Email,
        },
      ];
    case "SpamComplaint":
      return [
        {
          ...base,
          eventId: `postmark:complaint:${e.ID}`,
          messageId: ourId(e.Metadata),
          type: "complained",
          at: iso(e.BouncedAt),
          recipient: e.Email,
        },
      ];
    case "Open":
    case "Click":
      return [
        {
          ...base,
          eventId: `postmark:${e.RecordType.toLowerCase()}:${e.MessageID}:${e.Recipient}:${e.ReceivedAt}`,
          messageId: ourId(e.Metadata),
          type: e.RecordType === "Open" ? "opened" : "clicked",
          at: iso(e.ReceivedAt),
          recipient: e.Recipient,
          ...(e.RecordType === "Click" ? { url: e.OriginalLink } : {}),
          ...(e.UserAgent ? { userAgent: e.UserAgent } : {}),
          ...(e.Geo?.IP ? { ip: e.Geo.IP } : {}),
        },
      ];
    case "Inbound":
      return [inbound(e)];
  }
}

type Inbound = Extract<z.infer<typeof PostmarkEvent>, { RecordType: "Inbound" }>;

function inbound(e: Inbound): NormalizedEvent {
  const header = (name: string) => e.Headers.find((h) => h.Name.toLowerCase() === name.toLowerCase())?.Value.trim();
  const references = header("References")?.split(/\s+/).filter(Boolean);
  return {
    provider: "postmark",
    eventId: `postmark:inbound:${e.MessageID}`,
    providerMessageId: e.MessageID,
    messageId: null,
    type: "inbound",
    at: iso(e.Date),
    recipient: e.From,
    inbound: {
      from: e.From,
      to: e.To,
      subject: e.Subject,
      text: e.TextBody,
      html: e.HtmlBody,
      inReplyTo: header("In-Reply-To") ?? references?.at(-1) ?? null,
    },
  };
}

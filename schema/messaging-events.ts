/**
 * What a provider's webhook tells us about a message, in one shape for every provider (Resend,
 * Postmark, SendGrid, Amazon SES, Twilio). Made by `automation/messaging/webhooks/`, read by the
 * Worker's hook routes that patch Messages rows and suppress addresses.
 */
import { z } from "zod";

/**
 * The tag / metadata / custom-arg name under which a sender gives a provider our Messages row id,
 * so the provider's events name it again. Letters, digits and `_` only: Resend and SES tag names
 * allow no more, and Postmark metadata keys are at most 20 characters.
 */
export const MESSAGE_ID_TAG = "message_id";

export const WEBHOOK_PROVIDERS = ["resend", "postmark", "sendgrid", "ses", "twilio"] as const;
export const WebhookProvider = z.enum(WEBHOOK_PROVIDERS);
export type WebhookProvider = z.infer<typeof WebhookProvider>;

export const MESSAGE_EVENT_TYPES = [
  "delivered",
  "bounced",
  "complained",
  "opened",
  "clicked",
  "inbound",
  "failed",
  "delayed",
] as const;
export const MessageEventType = z.enum(MESSAGE_EVENT_TYPES);
export type MessageEventType = z.infer<typeof MessageEventType>;

export const InboundMessage = z.object({
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The Message-ID our earlier email had, when the reply names it (In-Reply-To, else the last References entry). */
  inReplyTo: z.string().nullable(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

export const NormalizedEvent = z.object({
  provider: WebhookProvider,
  /** Stable for one event across the provider's retries: the replay guard's key. */
  eventId: z.string().min(1),
  providerMessageId: z.string(),
  /** Our Messages row id, when the provider carried our tag back (see MESSAGE_ID_TAG). */
  messageId: z.string().nullable(),
  type: MessageEventType,
  /** Hard bounces suppress the address; soft ones may be retried later. */
  bounce: z.enum(["hard", "soft"]).optional(),
  at: z.iso.datetime({ offset: true }),
  /** The address or number we wrote to; for an inbound reply, the one who wrote back. */
  recipient: z.string(),
  url: z.string().optional(),
  userAgent: z.string().optional(),
  ip: z.string().optional(),
  inbound: InboundMessage.optional(),
});
export type NormalizedEvent = z.infer<typeof NormalizedEvent>;

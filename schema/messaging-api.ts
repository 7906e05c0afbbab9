/**
 * Messaging over HTTP: the workspace's sender and providers (part of its settings), a new
 * message, and what the API answers about messages and the outbox.
 */
import { z } from "zod";
import { MESSAGE_STATUSES, type MessageStatus } from "./messaging-tables";

export const EMAIL_PROVIDERS = ["outbox", "resend", "postmark", "sendgrid", "ses", "cloudflare"] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];
export const SMS_PROVIDERS = ["outbox", "twilio"] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/** E.164: a country code and at most 15 digits in all, the first not 0 (ITU-T E.164 §6). */
const E164 = /^\+[1-9]\d{7,14}$/;

const SENDER_FIELDS = {
  fromName: z.string().trim().max(120),
  fromEmail: z.union([z.literal(""), z.email()]),
  replyTo: z.union([z.literal(""), z.email()]),
  postalAddress: z.string().trim().max(500),
  /** The number SMS are sent from; Twilio refuses a send without one of the account's numbers. */
  smsFrom: z
    .string()
    .trim()
    .refine((value) => value === "" || E164.test(value), {
      message: "must be a phone number in E.164 form, such as +15125550100 (or empty)",
    }),
};

/**
 * Who a workspace's messages come from; the postal address goes into every marketing email
 * (CAN-SPAM), `smsFrom` is the number its SMS leave from.
 */
export const Sender = z.object({
  fromName: SENDER_FIELDS.fromName.default(""),
  fromEmail: SENDER_FIELDS.fromEmail.default(""),
  replyTo: SENDER_FIELDS.replyTo.default(""),
  postalAddress: SENDER_FIELDS.postalAddress.default(""),
  smsFrom: SENDER_FIELDS.smsFrom.default(""),
});
export type Sender = z.infer<typeof Sender>;

const PROVIDER_FIELDS = { email: z.enum(EMAIL_PROVIDERS), sms: z.enum(SMS_PROVIDERS) };

/** Which provider sends each channel; the keyless outbox is the default for both. */
export const Providers = z.object({
  email: PROVIDER_FIELDS.email.default("outbox"),
  sms: PROVIDER_FIELDS.sms.default("outbox"),
});
export type Providers = z.infer<typeof Providers>;

export const MessagingSettings = z.object({
  sender: Sender.default(Sender.parse({})),
  providers: Providers.default(Providers.parse({})),
});
export type MessagingSettings = z.infer<typeof MessagingSettings>;

/** A change: each section given replaces the fields it names. */
export const MessagingSettingsInput = z.object({
  sender: z.object(SENDER_FIELDS).partial().optional(),
  providers: z.object(PROVIDER_FIELDS).partial().optional(),
});
export type MessagingSettingsInput = z.infer<typeof MessagingSettingsInput>;

export const CreateMessage = z.object({
  /** The id of the table the recipient's row is in (Businesses, Dealerships, Leads…). */
  recipientTable: z.string().min(1),
  recipientRowId: z.string().min(1),
  channel: z.enum(["email", "sms"]),
  subject: z.string().max(998).optional(),
  body: z.string().max(100_000).optional(),
  /** When to send (ISO time); the message is then "scheduled" rather than a draft. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateMessage = z.infer<typeof CreateMessage>;

export const MessageListQuery = z.object({ status: z.enum(MESSAGE_STATUSES).optional() });

export type MessageRecord = {
  id: string;
  status: MessageStatus;
  channel: string;
  direction: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  recipientTable: string;
  recipientRowId: string;
  provider: string | null;
  providerMessageId: string | null;
  scheduledFor: string | null;
  sentAt: string | null;
  firstOpenedAt: string | null;
  opens: number;
  clicks: number;
  error: string | null;
};

export type OutboxEntry = {
  /** The outbox's own id for the message, as a provider's message id. */
  id: string;
  /** The Messages row. */
  messageId: string;
  channel: "email" | "sms";
  to: string;
  from: string;
  subject: string | null;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  sentAt: string;
};

/**
 * Messaging over HTTP: the workspace's sender and providers (part of its settings), a new
 * message, and what the API answers about messages and the outbox.
 */
import { z } from "zod";
import { MESSAGE_STATUSES, type MessageStatus } from "./messaging-tables";
import { isTimeZone } from "./time-zone";

/** Where a workspace's days begin until it says otherwise. */
export const DEFAULT_PACE_ZONE = "America/Chicago";

export const EMAIL_PROVIDERS = ["outbox", "resend", "postmark", "sendgrid", "ses", "cloudflare"] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];
export const SMS_PROVIDERS = ["outbox", "twilio"] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/** Each sending provider's name as people know it (the outbox is not one: it sends nothing). */
export const PROVIDER_LABELS: Record<Exclude<EmailProvider | SmsProvider, "outbox">, string> = {
  resend: "Resend",
  postmark: "Postmark",
  sendgrid: "SendGrid",
  ses: "Amazon SES",
  cloudflare: "Cloudflare Email Service",
  twilio: "Twilio",
};

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

/**
 * Working hours on weekdays, and a ramp in the range mailbox providers advise for a new domain
 * (a few dozen a day, growing every few days) up to the cap.
 */
export const DEFAULT_PACE = {
  senderDailyCap: 200,
  workspaceDailyCap: 500,
  minSpacingSeconds: 90,
  window: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] },
  warmUp: { startPerDay: 20, doubleEveryDays: 3 },
};

const TIME_OF_DAY = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "write a time of day as HH:MM, e.g. 09:00");

const PACE_FIELDS = {
  /** Sends a day from one sender (its From address or number). */
  senderDailyCap: z.number().int().min(1).max(1_000_000),
  /** Sends a day from the whole workspace, every sender and channel together. */
  workspaceDailyCap: z.number().int().min(1).max(10_000_000),
  /** Seconds between two campaign sends of one sender. */
  minSpacingSeconds: z.number().int().min(0).max(86_400),
  /** When campaign sends go, in the recipient's zone (the workspace's when the recipient has none). */
  window: z
    .object({
      start: TIME_OF_DAY,
      end: TIME_OF_DAY,
      days: z.array(z.number().int().min(0).max(6)).min(1, "give the window at least one day").max(7),
    })
    .refine((w) => w.start !== w.end, "the window opens and closes at the same time; give it hours"),
  /** A new sender's ramp; null for an established sender. */
  warmUp: z
    .object({ startPerDay: z.number().int().min(1), doubleEveryDays: z.number().int().min(1).max(60) })
    .nullable(),
  /** The workspace's IANA zone: where its days (for caps and warm-up) begin. */
  zone: z.string().refine(isTimeZone, "use an IANA time zone such as America/Chicago"),
};

/**
 * Sending limits: daily caps per sender and per workspace (every send, "Send now" too), and for
 * campaign and journey sends a minimum spacing, a sending window and a new sender's warm-up.
 * Defaults: DEFAULT_PACE in DEFAULT_PACE_ZONE.
 */
export const Pace = z.object({
  senderDailyCap: PACE_FIELDS.senderDailyCap.default(DEFAULT_PACE.senderDailyCap),
  workspaceDailyCap: PACE_FIELDS.workspaceDailyCap.default(DEFAULT_PACE.workspaceDailyCap),
  minSpacingSeconds: PACE_FIELDS.minSpacingSeconds.default(DEFAULT_PACE.minSpacingSeconds),
  window: PACE_FIELDS.window.default(DEFAULT_PACE.window),
  warmUp: PACE_FIELDS.warmUp.default(DEFAULT_PACE.warmUp),
  zone: PACE_FIELDS.zone.default(DEFAULT_PACE_ZONE),
});
export type Pace = z.infer<typeof Pace>;

export const MessagingSettings = z.object({
  sender: Sender.default(Sender.parse({})),
  providers: Providers.default(Providers.parse({})),
  pace: Pace.default(Pace.parse({})),
});
export type MessagingSettings = z.infer<typeof MessagingSettings>;

/** A change: each section given replaces the fields it names. */
export const MessagingSettingsInput = z.object({
  sender: z.object(SENDER_FIELDS).partial().optional(),
  providers: z.object(PROVIDER_FIELDS).partial().optional(),
  pace: z.object(PACE_FIELDS).partial().optional(),
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

/** One sender's health as `GET /api/messaging/health` answers it (worker/messaging/health.ts). */
export type SenderHealth = {
  sender: string;
  startedAt: string;
  sentToday: number;
  sent: number;
  bounces: number;
  complaints: number;
  bounceRate: number;
  complaintRate: number;
  paused: { at: string; reason: string } | null;
};

/** `GET /api/messaging/health`. */
export type HealthAnswer = {
  limits: { complaintRate: number; bounceRate: number; minSends: number };
  senders: SenderHealth[];
};

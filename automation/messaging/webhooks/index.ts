/**
 * Provider webhooks: each provider's signature check (`verify`) and its events in one shape
 * (`events` → NormalizedEvent[]), plus the replay guard. The Worker's
 * `POST /hooks/email/:provider/:workspaceSlug` and `/hooks/sms/twilio/:workspaceSlug` routes call
 * these: verify first (401 with the reason when refused), then events, then skipReplays.
 * Which secret each provider's `verify` takes: docs/messaging-webhooks.md.
 */
export type { Verdict, WebhookRequest } from "./crypto";
export { WebhookPayloadError } from "./parse";
export * as postmark from "./postmark";
export { memorySeenEvents, REPLAY_MEMORY_MS, type SeenEvents, skipReplays } from "./replay-guard";
export * as resend from "./resend";
export * as sendgrid from "./sendgrid";
export * as ses from "./ses";
export { fetchSigningCertificate, isSnsUrl, SnsCertificateError } from "./sns";
export * as twilio from "./twilio";
export { type SmsKeyword, smsKeywords } from "./twilio";

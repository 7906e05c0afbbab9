/**
 * What a channel sends and what a provider answers: the one contract between the send path (the
 * Worker's queue job) and each provider's client (Resend, Postmark, SendGrid, SES, Twilio, the
 * outbox).
 */

export type OutgoingEmail = {
  /** Our Messages row id; providers get it as a tag or metadata so their events come back to it. */
  messageId: string;
  from: { email: string; name: string };
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers: Record<string, string>;
  /** The same key for every try of one message, so a retried call never sends twice. */
  idempotencyKey: string;
};

export type OutgoingSms = {
  messageId: string;
  /** E.164 numbers. */
  from: string;
  to: string;
  text: string;
  idempotencyKey: string;
};

/**
 * The idempotency key of one message: the same on every try, so a provider that honours keys
 * (Resend) sends a retried message once.
 */
export const idempotencyKeyOf = (messageId: string) => `message-${messageId}`;

export type SendResult = { provider: string; providerMessageId: string };

export type EmailSender = { readonly provider: string; send(email: OutgoingEmail): Promise<SendResult> };
export type SmsSender = { readonly provider: string; send(sms: OutgoingSms): Promise<SendResult> };

/** How a send failed: whether to try again (and when), or to stop and say why. */
export type SendFailureKind = "auth" | "invalid" | "rate_limited" | "server" | "network";

export class SendError extends Error {
  override readonly name = "SendError";
  constructor(
    readonly provider: string,
    readonly kind: SendFailureKind,
    message: string,
    /** The provider's wait before a retry (Retry-After), when it gave one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
  /** Rate limits, server errors and lost connections are worth another try; a refused key or a bad address are not. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server" || this.kind === "network";
  }
}

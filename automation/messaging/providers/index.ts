/**
 * The messaging providers' clients, and the one switch the send path uses to pick one by the
 * workspace's setting. Each takes `{ apiKey, baseUrl?, fetch?, timeoutMs? }`; an empty `baseUrl`
 * means the provider's public API (the Worker passes `RESEND_URL`, `POSTMARK_URL`, … through).
 */
import type { HttpOptions } from "../../http";
import type { EmailSender, SmsSender } from "../outgoing";
import { postmarkSender } from "./postmark";
import { resendSender } from "./resend";
import { sendGridSender } from "./sendgrid";
import { sesSender } from "./ses";
import { twilioSender } from "./twilio";

export { SendError } from "../outgoing";
export { POSTMARK_URL, postmarkSender } from "./postmark";
export { RESEND_URL, resendSender } from "./resend";
export { SENDGRID_URL, sendGridSender } from "./sendgrid";
export { sesSender, sesUrl } from "./ses";
export { TWILIO_URL, twilioSender } from "./twilio";

export const EMAIL_PROVIDERS = ["resend", "postmark", "sendgrid", "ses"] as const;
export type EmailProviderKind = (typeof EMAIL_PROVIDERS)[number];

export const SMS_PROVIDERS = ["twilio"] as const;
export type SmsProviderKind = (typeof SMS_PROVIDERS)[number];

export type SenderOptions = HttpOptions & { apiKey: string };

/**
 * The email client for a provider.
 * @example makeEmailSender("postmark", { apiKey, baseUrl: env.POSTMARK_URL }).send(email)
 */
export function makeEmailSender(kind: EmailProviderKind, options: SenderOptions): EmailSender {
  switch (kind) {
    case "resend":
      return resendSender(options);
    case "postmark":
      return postmarkSender(options);
    case "sendgrid":
      return sendGridSender(options);
    case "ses":
      return sesSender(options);
  }
}

/** The SMS client for a provider. */
export function makeSmsSender(kind: SmsProviderKind, options: SenderOptions): SmsSender {
  switch (kind) {
    case "twilio":
      return twilioSender(options);
  }
}

/**
 * Which client sends a workspace's email and SMS, from its settings: the keyless outbox, Resend,
 * Postmark, SendGrid or Amazon SES (each at its `*_URL` var when one is set, for a stand-in),
 * Cloudflare's Email Service through the `EMAIL` binding, and Twilio for SMS. A provider chosen
 * without what it needs (its key, the SMS number) fails the message at once, saying where to set it.
 */

import { type EmailSender, SendError, type SmsSender } from "../../automation/messaging/outgoing";
import { makeEmailSender, makeSmsSender } from "../../automation/messaging/providers";
import type { EmailProvider, MessagingSettings } from "../../schema/messaging-api";
import { cloudflareEmail } from "./cloudflare-email";
import { outboxEmail, outboxSms } from "./outbox";

/** The workspace's provider secrets, in clear, for the edge's own use. */
export type MessagingSecrets = {
  emailApiKey: string | null;
  emailWebhookSecret: string | null;
  smsApiKey: string | null;
  smsWebhookSecret: string | null;
};

export type WorkspaceMessaging = MessagingSettings & { workspaceId: string };

export type Providers = { email(): EmailSender; sms(): SmsSender };

type KeyedEmailProvider = Exclude<EmailProvider, "outbox" | "cloudflare">;

/** Each HTTP email provider's name as people know it, and the var its stand-in's URL is read from. */
const EMAIL_APIS: Record<KeyedEmailProvider, { name: string; baseUrl: (env: Env) => string }> = {
  resend: { name: "Resend", baseUrl: (env) => env.RESEND_URL },
  postmark: { name: "Postmark", baseUrl: (env) => env.POSTMARK_URL },
  sendgrid: { name: "SendGrid", baseUrl: (env) => env.SENDGRID_URL },
  ses: { name: "Amazon SES", baseUrl: (env) => env.SES_URL },
};

/** The key, or a failure that says which secret to set and where. */
function requireKey(provider: string, key: string | null, secret: keyof MessagingSecrets): string {
  if (key) return key;
  const what = secret === "emailApiKey" ? "email API key" : "SMS API key";
  throw new SendError(provider, "auth", `${provider} needs the workspace's ${what}: Settings → Messaging → ${secret}`);
}

/** The senders of the workspace's chosen providers; each is made when its channel sends. */
export function providerFor(env: Env, settings: WorkspaceMessaging, secrets: MessagingSecrets): Providers {
  return {
    email() {
      const provider = settings.providers.email;
      switch (provider) {
        case "outbox":
          return outboxEmail(env.FILES, settings.workspaceId);
        case "cloudflare":
          // wrangler.jsonc binds EMAIL, but a deployment may drop the binding: then a clear failure.
          return cloudflareEmail((env as { EMAIL?: SendEmail }).EMAIL);
        case "resend":
        case "postmark":
        case "sendgrid":
        case "ses": {
          const api = EMAIL_APIS[provider];
          const apiKey = requireKey(api.name, secrets.emailApiKey, "emailApiKey");
          return makeEmailSender(provider, { apiKey, baseUrl: api.baseUrl(env) });
        }
      }
    },
    sms() {
      const provider = settings.providers.sms;
      switch (provider) {
        case "outbox":
          return outboxSms(env.FILES, settings.workspaceId);
        case "twilio": {
          const apiKey = requireKey("Twilio", secrets.smsApiKey, "smsApiKey");
          if (!settings.sender.smsFrom)
            throw new SendError(
              "Twilio",
              "invalid",
              "Twilio needs a number to send from: Settings → Messaging → sender.smsFrom (E.164, e.g. +15125550100)",
            );
          return makeSmsSender("twilio", { apiKey, baseUrl: env.TWILIO_URL });
        }
      }
    },
  };
}

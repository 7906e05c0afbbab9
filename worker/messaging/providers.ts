/**
 * Which client sends a workspace's email and SMS, from its settings: the outbox now; Resend,
 * Postmark, SendGrid, SES, Cloudflare's Email Service and Twilio are each one case here once
 * their client exists (until then a clear "not available yet", which fails the message without
 * retries).
 */
import { type EmailSender, SendError, type SmsSender } from "../../automation/messaging/outgoing";
import type { MessagingSettings } from "../../schema/messaging-api";
import { outboxEmail, outboxSms } from "./outbox";

/** The workspace's provider secrets, in clear, for the edge's own use. */
export type MessagingSecrets = {
  emailApiKey: string | null;
  emailWebhookSecret: string | null;
  smsApiKey: string | null;
  smsWebhookSecret: string | null;
};

export type WorkspaceMessaging = MessagingSettings & { workspaceId: string };

const notYet = (provider: string) =>
  new SendError(
    provider,
    "invalid",
    `Sending through ${provider} is not available yet; choose the outbox in the workspace's messaging settings`,
  );

export type Providers = { email(): EmailSender; sms(): SmsSender };

/** The senders of the workspace's chosen providers; each is made when its channel sends. */
export function providerFor(env: Env, settings: WorkspaceMessaging, _secrets: MessagingSecrets): Providers {
  return {
    email() {
      const provider = settings.providers.email;
      switch (provider) {
        case "outbox":
          return outboxEmail(env.FILES, settings.workspaceId);
        case "resend":
        case "postmark":
        case "sendgrid":
        case "ses":
        case "cloudflare":
          throw notYet(provider);
      }
    },
    sms() {
      const provider = settings.providers.sms;
      switch (provider) {
        case "outbox":
          return outboxSms(env.FILES, settings.workspaceId);
        case "twilio":
          throw notYet(provider);
      }
    },
  };
}

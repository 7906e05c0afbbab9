/**
 * Email through Cloudflare's Email Service: the Worker's `send_email` binding (`EMAIL`), called
 * with the structured message form (`{ from, to, subject, text, html, replyTo, headers }`), which
 * answers `{ messageId }`. https://developers.cloudflare.com/email-service/api/send-emails/workers-api/
 * Locally, wrangler's binding logs the email and keeps its text and HTML in temporary files
 * instead of sending it.
 */
import { type EmailSender, type OutgoingEmail, SendError } from "../../automation/messaging/outgoing";

export const CLOUDFLARE_EMAIL = "Cloudflare Email Service";

/**
 * The binding takes no idempotency key, so a retry after a lost answer could send twice: every
 * failure fails the message at once, with the binding's reason (a sender not onboarded, a header
 * it does not allow, a recipient it refuses).
 */
export function cloudflareEmail(binding: SendEmail | undefined): EmailSender {
  return {
    provider: CLOUDFLARE_EMAIL,
    async send(email: OutgoingEmail) {
      if (!binding)
        throw new SendError(
          CLOUDFLARE_EMAIL,
          "invalid",
          `${CLOUDFLARE_EMAIL} is not bound: add a send_email binding named EMAIL to wrangler.jsonc, or choose another email provider in Settings → Messaging`,
        );
      try {
        const { messageId } = await binding.send({
          from: email.from,
          to: email.to,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: email.headers,
        });
        return { provider: CLOUDFLARE_EMAIL, providerMessageId: messageId };
      } catch (error) {
        throw new SendError(
          CLOUDFLARE_EMAIL,
          "invalid",
          `${CLOUDFLARE_EMAIL} refused the email: ${(error as Error).message}`,
        );
      }
    },
  };
}

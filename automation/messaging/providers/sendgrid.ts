/**
 * Email through Twilio SendGrid: `POST /v3/mail/send` with a Bearer key; it answers 202 with an
 * empty body and the id in `X-Message-Id`.
 * API reference: https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
 * Errors: https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/errors
 * SendGrid documents no idempotency key: a retried call after a lost answer could send twice, and
 * what prevents a second send is the queue's compare-and-set on the Messages row before each try.
 */
import { type HttpOptions, joinUrl } from "../../http";
import type { EmailSender, OutgoingEmail, SendResult } from "../outgoing";
import { type ProviderFailure, parseJson, SEND_TIMEOUT_MS, sendToProvider, stringField } from "./send-call";

export const SENDGRID_URL = "https://api.sendgrid.com";
const PROVIDER = "SendGrid";

export type SendGridOptions = HttpOptions & { apiKey: string };

/** SendGrid's refusal: `{ errors: [{ message, field, help }] }`, every message kept. */
function readFailure({ body }: { body: string }): ProviderFailure | null {
  const errors = (parseJson(body) as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return null;
  const message = errors
    .map((error) => [stringField(error, "field"), stringField(error, "message")].filter(Boolean).join(": "))
    .filter(Boolean)
    .join("; ");
  return message ? { message } : null;
}

export function sendGridSender(options: SendGridOptions): EmailSender {
  return {
    provider: PROVIDER,
    async send(email: OutgoingEmail): Promise<SendResult> {
      const answer = await sendToProvider({
        provider: PROVIDER,
        url: joinUrl(options.baseUrl || SENDGRID_URL, "/v3/mail/send"),
        init: {
          method: "POST",
          headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(sendGridBody(email)),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        readFailure,
      });
      return { provider: PROVIDER, providerMessageId: answer.headers.get("x-message-id") ?? "" };
    },
  };
}

function sendGridBody(email: OutgoingEmail) {
  return {
    personalizations: [{ to: [{ email: email.to }] }],
    from: { email: email.from.email, name: email.from.name },
    ...(email.replyTo ? { reply_to: { email: email.replyTo } } : {}),
    subject: email.subject,
    // SendGrid requires text/plain first when both are given.
    content: [
      { type: "text/plain", value: email.text },
      { type: "text/html", value: email.html },
    ],
    headers: email.headers,
    // custom_args come back on every event webhook, so an event finds its Messages row.
    custom_args: { message_id: email.messageId },
  };
}

/**
 * Email through Resend: `POST /emails` with a Bearer key.
 * API reference: https://resend.com/docs/api-reference/emails/send-email
 * Idempotency: https://resend.com/docs/dashboard/emails/idempotency-keys (the `Idempotency-Key`
 * header; the same key within 24 hours gets the first answer back and sends nothing new).
 * Tags: https://resend.com/docs/dashboard/emails/tags (ASCII letters, digits, `_` and `-` only).
 * Errors: https://resend.com/docs/api-reference/errors
 */
import { type HttpOptions, joinUrl } from "../../http";
import type { EmailSender, OutgoingEmail, SendResult } from "../outgoing";
import {
  formatMailbox,
  type ProviderFailure,
  parseJson,
  SEND_TIMEOUT_MS,
  sendToProvider,
  stringField,
} from "./send-call";

export const RESEND_URL = "https://api.resend.com";
const PROVIDER = "Resend";

export type ResendOptions = HttpOptions & { apiKey: string };

/**
 * Resend's answer to a refused send: `{ statusCode, name, message }`. A 409 named
 * `concurrent_idempotent_requests` means an earlier try with the same key is still being sent:
 * worth asking again shortly, when it will answer with that try's result.
 */
function readFailure({ body }: { body: string }): ProviderFailure | null {
  const json = parseJson(body);
  const message = stringField(json, "message");
  if (!message) return null;
  return stringField(json, "name") === "concurrent_idempotent_requests"
    ? { message, kind: "rate_limited" }
    : { message };
}

export function resendSender(options: ResendOptions): EmailSender {
  return {
    provider: PROVIDER,
    async send(email: OutgoingEmail): Promise<SendResult> {
      const answer = await sendToProvider({
        provider: PROVIDER,
        url: joinUrl(options.baseUrl || RESEND_URL, "/emails"),
        init: {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            "content-type": "application/json",
            "idempotency-key": email.idempotencyKey,
          },
          body: JSON.stringify(resendBody(email)),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        readFailure,
      });
      // A 200 without an id still means Resend took the email: report it sent, with no id to match.
      return { provider: PROVIDER, providerMessageId: stringField(parseJson(answer.body), "id") };
    },
  };
}

function resendBody(email: OutgoingEmail) {
  return {
    from: formatMailbox(email.from),
    to: [email.to],
    ...(email.replyTo ? { reply_to: email.replyTo } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    // Resend's webhook events carry the tags back, so an event finds its Messages row.
    tags: [{ name: "message_id", value: email.messageId }],
  };
}

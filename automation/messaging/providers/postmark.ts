/**
 * Email through Postmark: `POST /email` with the server token in `X-Postmark-Server-Token`.
 * API reference: https://postmarkapp.com/developer/api/email-api
 * Sending guide: https://postmarkapp.com/developer/user-guide/send-email-with-api
 * Error codes: https://postmarkapp.com/developer/api/overview#error-codes
 * Postmark documents no idempotency key: a retried call after a lost answer could send twice, and
 * what prevents a second send is the queue's compare-and-set on the Messages row before each try.
 */
import { type HttpOptions, joinUrl } from "../../http";
import type { EmailSender, OutgoingEmail, SendFailureKind, SendResult } from "../outgoing";
import {
  formatMailbox,
  type ProviderFailure,
  parseJson,
  SEND_TIMEOUT_MS,
  sendToProvider,
  stringField,
} from "./send-call";

export const POSTMARK_URL = "https://api.postmarkapp.com";
const PROVIDER = "Postmark";

/**
 * Postmark sends "outbound" (transactional) unless told otherwise; a server set up for pitches
 * may use a broadcast stream instead.
 */
const DEFAULT_STREAM = "outbound";

export type PostmarkOptions = HttpOptions & { apiKey: string; messageStream?: string };

/**
 * What Postmark's `ErrorCode` says beyond the HTTP status (it answers most refusals with 422):
 * the address is at fault (300 invalid request, 406 inactive recipient: bounced or complained),
 * or the account cannot send at all until someone fixes it (bad token, unconfirmed or missing
 * sender signature, sending not allowed, account pending or barred).
 */
const ERROR_CODE_KINDS: Record<number, SendFailureKind> = {
  10: "auth",
  300: "invalid",
  400: "auth",
  401: "auth",
  405: "auth",
  406: "invalid",
  412: "auth",
  413: "auth",
  429: "rate_limited",
};

function readFailure({ body }: { body: string }): ProviderFailure | null {
  const json = parseJson(body);
  const message = stringField(json, "Message");
  if (!message) return null;
  return { message, kind: ERROR_CODE_KINDS[Number(stringField(json, "ErrorCode"))] };
}

export function postmarkSender(options: PostmarkOptions): EmailSender {
  return {
    provider: PROVIDER,
    async send(email: OutgoingEmail): Promise<SendResult> {
      const answer = await sendToProvider({
        provider: PROVIDER,
        url: joinUrl(options.baseUrl || POSTMARK_URL, "/email"),
        init: {
          method: "POST",
          headers: {
            accept: "application/json",
            "content-type": "application/json",
            "x-postmark-server-token": options.apiKey,
          },
          body: JSON.stringify(postmarkBody(email, options.messageStream ?? DEFAULT_STREAM)),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        readFailure,
      });
      return { provider: PROVIDER, providerMessageId: stringField(parseJson(answer.body), "MessageID") };
    },
  };
}

function postmarkBody(email: OutgoingEmail, messageStream: string) {
  return {
    From: formatMailbox(email.from),
    To: email.to,
    ...(email.replyTo ? { ReplyTo: email.replyTo } : {}),
    Subject: email.subject,
    TextBody: email.text,
    HtmlBody: email.html,
    Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })),
    // Postmark's webhooks carry Metadata back, so an event finds its Messages row.
    Metadata: { message_id: email.messageId },
    MessageStream: messageStream,
  };
}

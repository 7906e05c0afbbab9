/**
 * SMS through Twilio: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form encoded, with
 * HTTP basic auth (Account SID and Auth Token).
 * API reference: https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 * Errors: https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions
 *
 * The key is one string, `ACCOUNT_SID:AUTH_TOKEN` (e.g. `AC0123…:f00d…`).
 * Twilio documents no idempotency key for creating a message: a retried call after a lost answer
 * could send twice, and what prevents a second send is the queue's compare-and-set on the
 * Messages row before each try.
 */
import { type HttpOptions, joinUrl } from "../../http";
import type { OutgoingSms, SendResult, SmsSender } from "../outgoing";
import { type ProviderFailure, parseJson, SEND_TIMEOUT_MS, sendToProvider, splitKey, stringField } from "./send-call";

export const TWILIO_URL = "https://api.twilio.com";
const PROVIDER = "Twilio";

export type TwilioOptions = HttpOptions & {
  apiKey: string;
  /** Where Twilio posts the message's delivery status (queued, sent, delivered, failed…). */
  statusCallbackUrl?: string;
};

/** Twilio's refusal: `{ code, message, more_info, status }`; the code is kept so it can be looked up. */
function readFailure({ body }: { body: string }): ProviderFailure | null {
  const json = parseJson(body);
  const message = stringField(json, "message");
  if (!message) return null;
  const code = stringField(json, "code");
  return { message: code ? `${message} (Twilio error ${code})` : message };
}

export function twilioSender(options: TwilioOptions): SmsSender {
  return {
    provider: PROVIDER,
    async send(sms: OutgoingSms): Promise<SendResult> {
      const [sid = "", token = ""] = splitKey(PROVIDER, options.apiKey, ["ACCOUNT_SID", "AUTH_TOKEN"]);
      const form = new URLSearchParams({ To: sms.to, From: sms.from, Body: sms.text });
      if (options.statusCallbackUrl) form.set("StatusCallback", options.statusCallbackUrl);
      const path = `/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
      const answer = await sendToProvider({
        provider: PROVIDER,
        url: joinUrl(options.baseUrl || TWILIO_URL, path),
        init: {
          method: "POST",
          headers: {
            authorization: `Basic ${btoa(`${sid}:${token}`)}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: form.toString(),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        readFailure,
      });
      return { provider: PROVIDER, providerMessageId: stringField(parseJson(answer.body), "sid") };
    },
  };
}

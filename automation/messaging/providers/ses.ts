/**
 * Email through Amazon SES (API v2): `POST /v2/email/outbound-emails`, signed with AWS Signature
 * Version 4 by `aws4fetch` (Web Crypto, so it runs in a Worker).
 * API reference: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html
 * Message tags: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_MessageTag.html
 * Errors: https://docs.aws.amazon.com/ses/latest/APIReference-V2/CommonErrors.html
 *
 * The key is one string, `ACCESS_KEY_ID:SECRET_ACCESS_KEY:REGION` (e.g.
 * `AKIA…:wJalr…:us-east-1`): an IAM user's access key allowed `ses:SendEmail`, and the region
 * whose SES endpoint (`https://email.<region>.amazonaws.com`) has the verified sender.
 * SES documents no idempotency key: a retried call after a lost answer could send twice, and
 * what prevents a second send is the queue's compare-and-set on the Messages row before each try.
 */
import { AwsClient } from "aws4fetch";
import { type HttpOptions, joinUrl } from "../../http";
import type { EmailSender, OutgoingEmail, SendFailureKind, SendResult } from "../outgoing";
import {
  formatMailbox,
  type ProviderFailure,
  parseJson,
  SEND_TIMEOUT_MS,
  sendToProvider,
  splitKey,
  stringField,
} from "./send-call";

const PROVIDER = "Amazon SES";
/** The SigV4 service name SES v2 is signed for. */
const SIGNING_SERVICE = "ses";

export const sesUrl = (region: string): string => `https://email.${region}.amazonaws.com`;

export type SesOptions = HttpOptions & { apiKey: string; configurationSetName?: string };

/**
 * SES answers most refusals with 400 and says why in `x-amzn-ErrorType`: these mean the account
 * cannot send (suspended, paused, unverified MAIL FROM) rather than that the address is bad.
 */
const ERROR_TYPE_KINDS: Record<string, SendFailureKind> = {
  AccountSuspendedException: "auth",
  SendingPausedException: "auth",
  MailFromDomainNotVerifiedException: "auth",
  TooManyRequestsException: "rate_limited",
};

function readFailure({ body, headers }: { body: string; headers: Headers }): ProviderFailure | null {
  const json = parseJson(body);
  const message = stringField(json, "message") || stringField(json, "Message");
  // The header may carry a suffix after ":" (e.g. "MessageRejected:http://internal.amazon.com/…").
  const type = (headers.get("x-amzn-errortype") ?? "").split(":")[0] ?? "";
  if (!message && !type) return null;
  return { message: [type, message].filter(Boolean).join(": "), kind: ERROR_TYPE_KINDS[type] };
}

export function sesSender(options: SesOptions): EmailSender {
  return {
    provider: PROVIDER,
    async send(email: OutgoingEmail): Promise<SendResult> {
      const [accessKeyId = "", secretAccessKey = "", region = ""] = splitKey(PROVIDER, options.apiKey, [
        "ACCESS_KEY_ID",
        "SECRET_ACCESS_KEY",
        "REGION",
      ]);
      const aws = new AwsClient({ accessKeyId, secretAccessKey, service: SIGNING_SERVICE, region });
      const signed = await aws.sign(joinUrl(options.baseUrl || sesUrl(region), "/v2/email/outbound-emails"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sesBody(email, options.configurationSetName)),
      });
      const answer = await sendToProvider({
        provider: PROVIDER,
        url: signed.url,
        init: { method: "POST", headers: signed.headers, body: await signed.text() },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
        readFailure,
      });
      return { provider: PROVIDER, providerMessageId: stringField(parseJson(answer.body), "MessageId") };
    },
  };
}

function sesBody(email: OutgoingEmail, configurationSetName: string | undefined) {
  const utf8 = (Data: string) => ({ Data, Charset: "UTF-8" });
  return {
    FromEmailAddress: formatMailbox(email.from),
    Destination: { ToAddresses: [email.to] },
    ...(email.replyTo ? { ReplyToAddresses: [email.replyTo] } : {}),
    Content: {
      Simple: {
        Subject: utf8(email.subject),
        Body: { Text: utf8(email.text), Html: utf8(email.html) },
        Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })),
      },
    },
    // Tags reach SES's event destinations (through a configuration set), so an event finds its Messages row.
    EmailTags: [{ Name: "message_id", Value: email.messageId }],
    ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}),
  };
}

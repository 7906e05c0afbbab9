/**
 * Each provider's webhook check and events behind one call, so the routes treat them alike. The
 * verifiers and parsers are `automation/messaging/webhooks/`; this adds what the Worker supplies:
 * the clock, the URL Twilio signed, and SNS's signing certificates (fetched from SNS's own hosts
 * only, and kept per isolate: SNS signs with a handful of long-lived certificates).
 */
import {
  fetchSigningCertificate,
  postmark,
  resend,
  sendgrid,
  ses,
  twilio,
  type Verdict,
  type WebhookRequest,
} from "../../../automation/messaging/webhooks";
import type { NormalizedEvent, WebhookProvider } from "../../../schema/messaging-events";

export type HookProvider = {
  verify(request: WebhookRequest, secret: string, now: Date): Promise<Verdict>;
  events(request: WebhookRequest, now: Date): NormalizedEvent[];
};

/** SNS certificates by URL, for this isolate's life (a failed fetch is not kept). */
const certificates = new Map<string, Promise<string>>();

/** SNS's certificate at `url`; `fetcher` is the Worker's fetch (tests hand in a fake). */
export function snsCertificate(url: string, fetcher: typeof fetch = fetch): Promise<string> {
  let pem = certificates.get(url);
  if (!pem) {
    pem = fetchSigningCertificate(url, fetcher);
    pem.catch(() => certificates.delete(url));
    certificates.set(url, pem);
  }
  return pem;
}

const jsonBody = (events: (body: string) => NormalizedEvent[]) => (request: WebhookRequest) => events(request.body);

export const HOOK_PROVIDERS: Record<WebhookProvider, HookProvider> = {
  resend: { verify: resend.verify, events: jsonBody(resend.events) },
  postmark: { verify: postmark.verify, events: jsonBody(postmark.events) },
  sendgrid: { verify: sendgrid.verify, events: jsonBody(sendgrid.events) },
  ses: {
    verify: (request, topicArn, now) => ses.verify(request, topicArn, now, (url) => snsCertificate(url)),
    events: jsonBody(ses.events),
  },
  twilio: { verify: twilio.verify, events: (request, now) => twilio.events(request.body, now, request.url) },
};

/** The email providers that may be named in `/hooks/email/:provider/…`. */
export const EMAIL_HOOK_PROVIDERS = ["resend", "postmark", "sendgrid", "ses"] as const satisfies WebhookProvider[];
export type EmailHookProvider = (typeof EMAIL_HOOK_PROVIDERS)[number];

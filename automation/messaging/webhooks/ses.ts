/**
 * Amazon SES events delivered by Amazon SNS to an HTTPS subscription. Verification is SNS's
 * (see ./sns.ts); the event JSON inside `Message` is SES's:
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 * (event publishing names the kind `eventType`; identity feedback notifications name it
 * `notificationType` and carry no tags).
 */
import { z } from "zod";
import { MESSAGE_ID_TAG, type MessageEventType, type NormalizedEvent } from "../../../schema/messaging-events";
import { refuse, type Verdict, type WebhookRequest } from "./crypto";
import { parseJson, WebhookPayloadError } from "./parse";
import { isSnsUrl, parseEnvelope, SnsCertificateError, verifySnsSignature } from "./sns";

/**
 * SNS retries an HTTPS delivery for at most 3,600 s (a hard limit:
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html), keeping the first
 * Timestamp; five more minutes allow for clock skew. Older messages are replays.
 */
export const SNS_MAX_AGE_MS = (3600 + 5 * 60) * 1000;

/** Where the Worker gets a certificate: `(url) => fetchSigningCertificate(url, fetch)`, cached as it likes. */
export type CertificateSource = (url: string) => Promise<string>;

/**
 * Checks an SNS delivery: the topic is the one configured (the secret for SES is the topic ARN),
 * the message is fresh, and its signature verifies with SNS's certificate.
 */
export async function verify(
  request: WebhookRequest,
  topicArn: string,
  now: Date,
  certificate: CertificateSource,
): Promise<Verdict> {
  let envelope: ReturnType<typeof parseEnvelope>;
  try {
    envelope = parseEnvelope(request.body);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
  if (envelope.TopicArn !== topicArn) return refuse(`TopicArn ${envelope.TopicArn} is not the configured topic`);
  const age = now.getTime() - Date.parse(envelope.Timestamp);
  if (!(Math.abs(age) <= SNS_MAX_AGE_MS))
    return refuse(`Timestamp ${envelope.Timestamp} is outside SNS's ${SNS_MAX_AGE_MS / 1000} s retry window`);
  if (!isSnsUrl(envelope.SigningCertURL, { pem: true }))
    return refuse(`SigningCertURL ${envelope.SigningCertURL} is not an https://sns.<region>.amazonaws.com/….pem URL`);
  let pem: string;
  try {
    pem = await certificate(envelope.SigningCertURL);
  } catch (error) {
    if (error instanceof SnsCertificateError) return refuse(error.message);
    throw error;
  }
  return verifySnsSignature(envelope, pem);
}

/**
 * The URL to GET to confirm a new subscription, when the body is a SubscriptionConfirmation; `null`
 * for any other message. Throws when the URL is not SNS's, so the Worker never fetches elsewhere.
 */
export function subscribeUrl(body: string): string | null {
  const envelope = parseEnvelope(body);
  if (envelope.Type !== "SubscriptionConfirmation") return null;
  const url = envelope.SubscribeURL ?? "";
  if (!isSnsUrl(url, { pem: false }))
    throw new WebhookPayloadError(`SubscribeURL ${url} is not an https://sns.<region>.amazonaws.com URL`);
  return url;
}

const Recipients = z.array(z.object({ emailAddress: z.string() }));
const Engagement = { timestamp: z.string(), userAgent: z.string().optional(), ipAddress: z.string().optional() };

const SesEvent = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({
    messageId: z.string(),
    timestamp: z.string(),
    destination: z.array(z.string()),
    tags: z.record(z.string(), z.array(z.string())).optional(),
  }),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: Recipients, timestamp: z.string() }).optional(),
  complaint: z.object({ complainedRecipients: Recipients, timestamp: z.string() }).optional(),
  delivery: z.object({ recipients: z.array(z.string()), timestamp: z.string() }).optional(),
  deliveryDelay: z.object({ delayedRecipients: Recipients, timestamp: z.string() }).optional(),
  open: z.object(Engagement).optional(),
  click: z.object({ ...Engagement, link: z.string() }).optional(),
});
type SesEvent = z.infer<typeof SesEvent>;

/** SES's bounce types: "Permanent" is hard; "Transient" and "Undetermined" are soft. */
const HARD_BOUNCE = "Permanent";

/** Who each SES event kind concerns, and when. Kinds not listed (Send, Rendering Failure, Subscription) give no event. */
function shape(e: SesEvent): { type: MessageEventType; at: string; recipients: string[] } | null {
  const kind = e.eventType ?? e.notificationType;
  const everyone = e.mail.destination;
  const emails = (list: { emailAddress: string }[]) => list.map((r) => r.emailAddress);
  if (kind === "Delivery" && e.delivery)
    return { type: "delivered", at: e.delivery.timestamp, recipients: e.delivery.recipients };
  if (kind === "Bounce" && e.bounce)
    return { type: "bounced", at: e.bounce.timestamp, recipients: emails(e.bounce.bouncedRecipients) };
  if (kind === "Complaint" && e.complaint)
    return { type: "complained", at: e.complaint.timestamp, recipients: emails(e.complaint.complainedRecipients) };
  if (kind === "DeliveryDelay" && e.deliveryDelay)
    return { type: "delayed", at: e.deliveryDelay.timestamp, recipients: emails(e.deliveryDelay.delayedRecipients) };
  if (kind === "Open" && e.open) return { type: "opened", at: e.open.timestamp, recipients: everyone };
  if (kind === "Click" && e.click) return { type: "clicked", at: e.click.timestamp, recipients: everyone };
  if (kind === "Reject") return { type: "failed", at: e.mail.timestamp, recipients: everyone };
  return null;
}

/** The events in an SNS delivery of an SES event (one per recipient concerned); confirmations give none. */
export function events(body: string): NormalizedEvent[] {
  const envelope = parseEnvelope(body);
  if (envelope.Type !== "Notification") return [];
  const e = parseJson(envelope.Message, SesEvent, "Amazon SES");
  const found = shape(e);
  if (!found) return [];
  const engagement = e.click ?? e.open;
  return found.recipients.map((recipient) => ({
    provider: "ses",
    eventId: `ses:${envelope.MessageId}:${recipient}`,
    providerMessageId: e.mail.messageId,
    messageId: e.mail.tags?.[MESSAGE_ID_TAG]?.[0] ?? null,
    type: found.type,
    ...(found.type === "bounced" ? { bounce: e.bounce?.bounceType === HARD_BOUNCE ? "hard" : "soft" } : {}),
    at: new Date(found.at).toISOString(),
    recipient,
    ...(e.click ? { url: e.click.link } : {}),
    ...(engagement?.userAgent ? { userAgent: engagement.userAgent } : {}),
    ...(engagement?.ipAddress ? { ip: engagement.ipAddress } : {}),
  }));
}

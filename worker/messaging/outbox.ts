/**
 * The outbox: the keyless email and SMS provider. It keeps each message as JSON in R2 under the
 * workspace (`messaging/<workspace>/outbox/<message>.json`), answers an id of its own as the
 * provider's message id, and lets `GET /api/outbox` show what was "sent", so the demo works
 * offline. A message handed over again with the same idempotency key is kept once.
 */
import type {
  EmailSender,
  OutgoingEmail,
  OutgoingSms,
  SendResult,
  SmsSender,
} from "../../automation/messaging/outgoing";
import { SendError } from "../../automation/messaging/outgoing";
import type { OutboxEntry } from "../../schema/messaging-api";

export const OUTBOX = "outbox";
/** The outbox page shows the newest messages; older ones stay in R2. */
export const OUTBOX_LIST_LIMIT = 100;

const prefixOf = (workspaceId: string) => `messaging/${workspaceId}/outbox/`;
const keyOf = (workspaceId: string, messageId: string) =>
  `${prefixOf(workspaceId)}${encodeURIComponent(messageId)}.json`;

async function store(
  bucket: R2Bucket,
  workspaceId: string,
  idempotencyKey: string,
  entry: OutboxEntry,
): Promise<SendResult> {
  const key = keyOf(workspaceId, entry.messageId);
  try {
    const existing = await bucket.head(key);
    if (existing?.customMetadata?.idempotencyKey === idempotencyKey)
      return { provider: OUTBOX, providerMessageId: existing.customMetadata.id ?? "" };
    await bucket.put(key, JSON.stringify(entry), {
      httpMetadata: { contentType: "application/json" },
      customMetadata: { id: entry.id, idempotencyKey, sentAt: entry.sentAt },
    });
  } catch (error) {
    throw new SendError(OUTBOX, "server", `The outbox could not store the message: ${(error as Error).message}`);
  }
  return { provider: OUTBOX, providerMessageId: entry.id };
}

const newId = () => `outbox-${crypto.randomUUID()}`;

export function outboxEmail(bucket: R2Bucket, workspaceId: string): EmailSender {
  return {
    provider: OUTBOX,
    send: (email: OutgoingEmail) =>
      store(bucket, workspaceId, email.idempotencyKey, {
        id: newId(),
        messageId: email.messageId,
        channel: "email",
        to: email.to,
        from: `${email.from.name} <${email.from.email}>`,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { ...(email.replyTo ? { "Reply-To": email.replyTo } : {}), ...email.headers },
        sentAt: new Date().toISOString(),
      }),
  };
}

export function outboxSms(bucket: R2Bucket, workspaceId: string): SmsSender {
  return {
    provider: OUTBOX,
    send: (sms: OutgoingSms) =>
      store(bucket, workspaceId, sms.idempotencyKey, {
        id: newId(),
        messageId: sms.messageId,
        channel: "sms",
        to: sms.to,
        from: sms.from,
        subject: null,
        text: sms.text,
        html: null,
        headers: {},
        sentAt: new Date().toISOString(),
      }),
  };
}

/** The workspace's outbox, newest first, at most OUTBOX_LIST_LIMIT messages. */
export async function listOutbox(bucket: R2Bucket, workspaceId: string): Promise<OutboxEntry[]> {
  const objects: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: prefixOf(workspaceId), cursor, include: ["customMetadata"] });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  const newest = objects
    .sort((a, b) => (b.customMetadata?.sentAt ?? "").localeCompare(a.customMetadata?.sentAt ?? ""))
    .slice(0, OUTBOX_LIST_LIMIT);
  const entries = await Promise.all(newest.map(async (o) => (await bucket.get(o.key))?.json<OutboxEntry>()));
  return entries.filter((e): e is OutboxEntry => Boolean(e));
}

/**
 * A reply that came in (an email through Postmark's inbound webhook, an SMS through Twilio): kept
 * as a Messages row of its own, direction "in", in the thread of the message it answers, and that
 * message marked replied through `recordMessageEvent`.
 *
 * The inbound row's Status is "delivered": it reached us, and nothing more has happened to it.
 * "replied" belongs to the message that was answered (that is what campaign reply rates count),
 * and a later answer to this inbound row would be an outgoing row of its own.
 */
import { normalizeEmail, normalizePhone } from "../../../automation/messaging/address";
import type { NormalizedEvent } from "../../../schema/messaging-events";
import type { MessageChannel } from "../../../schema/messaging-tables";
import { byKey, reader } from "../../kinds/tables";
import { messageIdByProviderId, recordMessageEvent } from "../events";
import { messagingOrigin } from "../messages";
import type { Messaging } from "../tables";

const origin = messagingOrigin("inbound-message");

/** How many of an address's newest messages are read to find the last one we sent it. */
const RECENT_TO_ADDRESS = 20;

/** "Rose <rose@x.example>" → rose@x.example; a phone number in E.164; null when it reads as neither. */
export function addressOf(raw: string, channel: MessageChannel): string | null {
  if (channel === "sms") return normalizePhone(raw);
  const bracketed = /<([^<>]+)>\s*$/.exec(raw)?.[1];
  return normalizeEmail(bracketed ?? raw);
}

/**
 * The message a reply answers. First by In-Reply-To: a Message-ID `<local@host>` whose local part
 * is our row id (when the sender set the header) or the provider's message id (Postmark's and SES's
 * own Message-IDs are `<provider id@their host>`); then the newest message we sent to the address
 * the reply came from, on the same channel.
 */
export async function originalOf(
  messaging: Messaging,
  channel: MessageChannel,
  from: string | null,
  inReplyTo: string | null,
): Promise<string | null> {
  const { messages } = messaging;
  const id = inReplyTo?.trim().replace(/^<|>$/g, "") ?? "";
  if (id) {
    const local = id.split("@")[0] ?? "";
    if (local && (await messages.room.readRows([local]))[0]) return local;
    const byProvider = (await messageIdByProviderId(messaging, local)) ?? (await messageIdByProviderId(messaging, id));
    if (byProvider) return byProvider;
  }
  const to = messages.keys.to;
  if (!from || !to) return null;
  const sentAt = messages.keys.sentAt;
  const { rows } = await messages.room.queryRows({
    filters: [{ columnId: to, op: "eq", value: from }],
    sort: sentAt ? [{ columnId: sentAt, direction: "desc" }] : [],
    limit: RECENT_TO_ADDRESS,
    offset: 0,
  });
  const ours = rows.find((row) => {
    const r = reader(messages, row.cells);
    return r.text("direction") !== "in" && r.text("channel") === channel && r.text("sentAt") !== "";
  });
  return ours?.id ?? null;
}

export type StoredInbound = { id: string; originalId: string | null };

/**
 * Stores an inbound event's message and marks the message it answers. `answered` says what the
 * reply did to that message: replied, unsubscribed (an SMS STOP), or nothing (HELP and START are
 * requests to the sender, not answers).
 */
export async function storeInbound(
  messaging: Messaging,
  event: NormalizedEvent,
  channel: MessageChannel,
  answered: "replied" | "unsubscribed" | null = "replied",
): Promise<StoredInbound> {
  const inbound = event.inbound;
  if (!inbound) throw new Error(`The ${event.provider} inbound event ${event.eventId} carries no message`);
  const { messages } = messaging;
  const from = addressOf(inbound.from, channel);
  const originalId = await originalOf(messaging, channel, from, inbound.inReplyTo);
  const [original] = originalId ? await messages.room.readRows([originalId]) : [];
  const was = original ? reader(messages, original.cells) : null;
  const cells = byKey(messages, {
    recipient: was?.list("recipient").length ? was.list("recipient") : null,
    recipientTable: was?.text("recipientTable") ?? "",
    recipientRowId: was?.text("recipientRowId") ?? "",
    channel,
    direction: "in",
    from: from ?? inbound.from,
    to: inbound.to,
    subject: inbound.subject,
    body: inbound.text,
    html: inbound.html || null,
    status: "delivered",
    provider: event.provider,
    providerMessageId: event.providerMessageId,
    sentAt: event.at,
    lastEvent: "received",
    threadId: was ? was.text("threadId") || originalId : null,
    opens: 0,
    clicks: 0,
  });
  const inserted = await messages.room.insertRow(cells, origin);
  if (!inserted.ok) throw new Error(`Could not store the reply from ${inbound.from}: ${inserted.message}`);
  if (originalId && answered) {
    await recordMessageEvent(messaging, originalId, {
      type: answered,
      at: event.at,
      source: event.provider,
      detail: `${channel === "sms" ? "SMS" : "Email"} from ${from ?? inbound.from}: ${inbound.text.slice(0, 200)}`,
    });
  }
  return { id: inserted.value, originalId };
}

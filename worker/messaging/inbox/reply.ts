/**
 * A reply from the Inbox to an inbound message: a new outbound row on the same channel, to the
 * sender of that message, in its Thread. Email and SMS leave at once through the send path
 * (`queueSend`: suppression, pace, the provider); a chat reply goes to the visitor's ChatRoom and
 * every socket they have open. A counterpart on the Suppressions list gets nothing: the reply is
 * refused with the reason, and no row is written.
 */
import { type ChatLine, VISITOR_PREFIX } from "../../../schema/inbox-api";
import type { MessageStatus } from "../../../schema/messaging-tables";
import { chatRoom } from "../../chat/chat-room";
import type { Db } from "../../db";
import { byKey } from "../../kinds/tables";
import { MessageInputError } from "../errors";
import { messagingOrigin, readMessage } from "../messages";
import { queueSend } from "../send";
import { readMessagingSettings } from "../settings";
import { findSuppression } from "../suppressions";
import type { Messaging } from "../tables";
import { inboxMessage } from "./index";

const origin = messagingOrigin("inbox-reply");

/** The counterpart may not be messaged (on the Suppressions list); the API answers 409. */
export class ReplyRefusedError extends Error {}

export type Reply = { id: string; status: MessageStatus };

const reSubject = (subject: string) => (/^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`.trim());

/** Writes and sends the reply to inbound message `inboundId`. */
export async function replyTo(env: Env, db: Db, messaging: Messaging, inboundId: string, body: string): Promise<Reply> {
  const { messages } = messaging;
  const inbound = await readMessage(messaging, inboundId);
  if (inbound.direction !== "in") throw new MessageInputError("Only a message that came in can be answered");
  const to = inbound.from.trim();
  if (!to) throw new MessageInputError("This message has no sender to answer");
  const suppressed = await findSuppression(messaging.suppressions, to);
  if (suppressed) {
    const why = suppressed.reason ? ` (${suppressed.reason})` : "";
    throw new ReplyRefusedError(`${to} is on the Suppressions list${why}: no reply was sent`);
  }
  const [row] = await messages.room.readRows([inboundId]);
  const threadId = (row && inboxMessage(messages, row).threadId) || inboundId;
  const { sender } = await readMessagingSettings(db, messaging.workspaceId);
  const channel = inbound.channel;
  const from =
    channel === "email"
      ? sender.fromEmail
        ? `${sender.fromName || sender.fromEmail} <${sender.fromEmail}>`
        : ""
      : channel === "sms"
        ? sender.smsFrom
        : sender.fromName || "Team";
  const cells = byKey(messages, {
    recipientTable: inbound.recipientTable,
    recipientRowId: inbound.recipientRowId,
    channel,
    direction: "out",
    from,
    to,
    subject: channel === "email" ? reSubject(inbound.subject) : "",
    body,
    status: "draft",
    threadId,
    opens: 0,
    clicks: 0,
  });
  const inserted = await messages.room.insertRow(cells, origin);
  if (!inserted.ok) throw new MessageInputError(inserted.message);
  const id = inserted.value;
  if (channel === "chat") return { id, status: await deliverChat(env, messaging, id, to, body) };
  const queued = await queueSend(env, messaging, id);
  return { id, status: queued.status };
}

/** A chat reply handed to the visitor's room: "delivered" when a socket of theirs got it, else "sent" (shown when they come back). */
async function deliverChat(
  env: Env,
  messaging: Messaging,
  id: string,
  to: string,
  body: string,
): Promise<MessageStatus> {
  if (!to.startsWith(VISITOR_PREFIX)) throw new MessageInputError(`A chat reply goes to a visitor, not to ${to}`);
  const at = new Date().toISOString();
  const line: ChatLine = { id, from: "team", body, at };
  const sockets = await chatRoom(env, messaging.workspaceId, to.slice(VISITOR_PREFIX.length)).deliver(line);
  const status: MessageStatus = sockets > 0 ? "delivered" : "sent";
  const cells = byKey(messaging.messages, { status, provider: "chat", sentAt: at, lastEvent: status });
  const written = await messaging.messages.room.patchRow(id, cells, origin);
  if (!written.ok) throw new Error(`The reply reached the visitor but its row was not updated: ${written.message}`);
  return status;
}

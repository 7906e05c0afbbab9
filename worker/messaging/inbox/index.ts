/**
 * The Inbox on the edge: every Messages row read as an Inbox message (with its Read box and
 * Thread), grouped into conversations by counterpart (`automation/messaging/inbox/threads.ts`),
 * and a conversation opened, which marks its inbound messages read.
 */
import { counterpartOf, inOrder, threadsOf } from "../../../automation/messaging/inbox/threads";
import type { InboxList, InboxMessage, InboxThreadDetail } from "../../../schema/inbox-api";
import type { RowRecord } from "../../../schema/tables";
import { byKey, reader, type TableHandle } from "../../kinds/tables";
import { allRows } from "../../projects/store";
import { MessageMissingError } from "../errors";
import { messageRecord, messagingOrigin } from "../messages";
import type { Messaging } from "../tables";

const origin = messagingOrigin("inbox-read");

export function inboxMessage(messages: TableHandle, row: RowRecord): InboxMessage {
  const r = reader(messages, row.cells);
  return { ...messageRecord(messages, row), read: r.get("read") === true, threadId: r.text("threadId") || null };
}

async function allMessages(messaging: Messaging): Promise<InboxMessage[]> {
  const rows = await allRows(messaging.messages, []);
  return rows.map((row) => inboxMessage(messaging.messages, row));
}

/** Every conversation, newest first, and how many inbound messages are unread in all. */
export async function listInbox(messaging: Messaging): Promise<InboxList> {
  const threads = threadsOf(await allMessages(messaging));
  return { threads, unread: threads.reduce((sum, t) => sum + t.unread, 0) };
}

/**
 * The conversation with `counterpart`, oldest message first. With `markRead`, its unread inbound
 * messages are marked read in the room (the answer shows them read, its count 0).
 */
export async function openThread(
  messaging: Messaging,
  counterpart: string,
  markRead: boolean,
): Promise<InboxThreadDetail> {
  const wanted = counterpart.trim().toLowerCase();
  const all = await allMessages(messaging);
  const thread = threadsOf(all).find((t) => t.id === wanted);
  if (!thread) throw new MessageMissingError(`No conversation with ${counterpart} in the Inbox`);
  const messages = inOrder(all.filter((m) => m.status !== "draft" && counterpartOf(m) === wanted));
  const unread = messages.filter((m) => m.direction === "in" && !m.read);
  if (markRead && unread.length) {
    const patches = unread.map((m) => ({ id: m.id, cells: byKey(messaging.messages, { read: true }) }));
    const written = await messaging.messages.room.patchRows(patches, origin);
    if (!written.ok) throw new Error(`Could not mark the conversation read: ${written.message}`);
    for (const m of unread) m.read = true;
    thread.unread = 0;
  }
  return { thread, messages };
}

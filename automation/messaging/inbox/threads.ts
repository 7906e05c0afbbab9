/**
 * The Inbox's conversations: messages grouped by counterpart (who an inbound message came from,
 * who an outbound one went to), across channels, so an email and an SMS from one lead read as
 * one thread only when they share an address, and a chat visitor is a thread of its own.
 * A thread is listed once its counterpart has written to us; drafts are not part of any.
 */
import type { InboxMessage, InboxThread } from "../../../schema/inbox-api";

/** The address of the other side of a message, as the thread's id. */
export function counterpartOf(message: Pick<InboxMessage, "direction" | "from" | "to">): string {
  return (message.direction === "in" ? message.from : message.to).trim().toLowerCase();
}

/** When a message happened: sent or received; one not sent yet sorts after every sent one. */
const whenOf = (m: InboxMessage) => m.sentAt ?? m.scheduledFor ?? "";

/** A thread's messages, oldest first; unsent ones (a reply still queued) last. */
export function inOrder(messages: InboxMessage[]): InboxMessage[] {
  return [...messages].sort((a, b) => {
    const [x, y] = [whenOf(a), whenOf(b)];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

const isUnread = (m: InboxMessage) => m.direction === "in" && !m.read;

/** Threads newest first, each with its unread count (inbound messages not read). */
export function threadsOf(messages: InboxMessage[]): InboxThread[] {
  const byCounterpart = new Map<string, InboxMessage[]>();
  for (const message of messages) {
    if (message.status === "draft") continue;
    const key = counterpartOf(message);
    if (!key) continue;
    byCounterpart.set(key, [...(byCounterpart.get(key) ?? []), message]);
  }
  const threads: InboxThread[] = [];
  for (const [counterpart, list] of byCounterpart) {
    if (!list.some((m) => m.direction === "in")) continue;
    const ordered = inOrder(list);
    const last = ordered.at(-1)!;
    threads.push({
      id: counterpart,
      counterpart,
      channels: [...new Set(ordered.map((m) => m.channel))],
      lastAt: whenOf(last) || null,
      lastBody: last.body.slice(0, 200),
      lastDirection: last.direction,
      messages: ordered.length,
      unread: ordered.filter(isUnread).length,
    });
  }
  return threads.sort((a, b) =>
    (a.lastAt ?? "") < (b.lastAt ?? "") ? 1 : (a.lastAt ?? "") > (b.lastAt ?? "") ? -1 : 0,
  );
}

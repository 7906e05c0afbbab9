/**
 * The Inbox and the chat widget: conversations by counterpart (an email address, a phone number or
 * a chat visitor) over every channel, a reply to an inbound message, and the frames a chat
 * widget and its socket exchange.
 */
import { z } from "zod";
import type { MessageRecord } from "./messaging-api";

/** How a chat visitor appears as a message's From (inbound) or To (a reply). */
export const VISITOR_PREFIX = "visitor:";

/** A visitor id as the widget makes it (a UUID) or as a test names one: short, URL-safe. */
export const VisitorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8 to 64 letters, digits, - or _");

/** A chat message's most characters (a long paste is refused, not cut). */
export const CHAT_MAX_CHARS = 2000;

export const InboxThread = z.object({
  /** The counterpart, as the thread's id in `/api/inbox/:threadId`. */
  id: z.string(),
  counterpart: z.string(),
  channels: z.array(z.string()),
  lastAt: z.string().nullable(),
  lastBody: z.string(),
  lastDirection: z.string(),
  messages: z.number(),
  unread: z.number(),
});
export type InboxThread = z.infer<typeof InboxThread>;

export type InboxMessage = MessageRecord & { read: boolean; threadId: string | null };

export const InboxList = z.object({ threads: z.array(InboxThread), unread: z.number() });
export type InboxList = z.infer<typeof InboxList>;

export type InboxThreadDetail = { thread: InboxThread; messages: InboxMessage[] };

export const ReplyInput = z.object({ body: z.string().trim().min(1, "is required").max(10_000) });
export type ReplyInput = z.infer<typeof ReplyInput>;

/** What the widget sends: a message the visitor wrote. */
export const ChatClientFrame = z.object({
  type: z.literal("message"),
  body: z.string().trim().min(1, "is empty").max(CHAT_MAX_CHARS, `is over ${CHAT_MAX_CHARS} characters`),
});
export type ChatClientFrame = z.infer<typeof ChatClientFrame>;

/** One line of a chat conversation as the widget shows it. */
export const ChatLine = z.object({
  id: z.string(),
  from: z.enum(["visitor", "team"]),
  body: z.string(),
  at: z.string(),
});
export type ChatLine = z.infer<typeof ChatLine>;

/** What the socket sends: the conversation so far on connecting, each new line, or a refusal. */
export type ChatServerFrame =
  | { type: "history"; lines: ChatLine[] }
  | { type: "line"; line: ChatLine }
  | { type: "error"; message: string };

/**
 * The "Outreach messages" tables: Campaigns (optional grouping), Messages (every message is a
 * row) and Suppressions (addresses and numbers never to message again). Columns carry stable keys,
 * found by key so people may rename them. The Recipient and Site links name tables outside this
 * template (the workspace's Businesses and Sites), resolved when the tables are made; the
 * recipient's table id and row id are kept in text columns too, so a recipient from any table
 * (Dealerships, Leads, one a person made) is a message's recipient.
 */
import type { ColumnType } from "./tables";

export const MESSAGING_KINDS = {
  campaigns: "messaging.campaigns",
  messages: "messaging.messages",
  suppressions: "messaging.suppressions",
  events: "messaging.events",
} as const;
export type MessagingTable = keyof typeof MESSAGING_KINDS;

export const MESSAGE_CHANNELS = ["email", "sms", "chat"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A message's life, from a draft to what its recipient did with it (or why it never left). */
export const MESSAGE_STATUSES = [
  "draft",
  "scheduled",
  "queued",
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "complained",
  "unsubscribed",
  "failed",
  "suppressed",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Statuses a message may be sent from: one that is queued or further along never is again. */
export const SENDABLE_STATUSES: readonly MessageStatus[] = ["draft", "scheduled"];

export const SUPPRESSION_REASONS = ["unsubscribed", "hard bounce", "complaint", "manual"] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** What the Messages buttons do, run by the Worker for the row they sit on. */
export const MESSAGE_OPS = ["send", "cancel", "sendCampaign"] as const;
export type MessageOp = (typeof MESSAGE_OPS)[number];

/**
 * Send now works on a draft or a scheduled message; Cancel only on a scheduled one; a campaign's
 * Send drafts queues its drafts at the campaign's pace.
 */
const ENABLED_WHEN: Record<MessageOp, string> = {
  send: `OR({Status} = "draft", {Status} = "scheduled")`,
  cancel: `{Status} = "scheduled"`,
  // A campaign sends its drafts unless people paused it.
  sendCampaign: `NOT({Status} = "paused")`,
};

export const messageButton = (label: string, op: MessageOp, confirm: string | null = null) => ({
  label,
  action: { name: "messaging", params: { op } },
  confirm,
  disabledWhen: `NOT(${ENABLED_WHEN[op]})`,
});

export type MessagingColumn = {
  key: string;
  name: string;
  type: ColumnType;
  /** A link to a table of this template (made before it). */
  links?: MessagingTable;
  /** A link to a table outside the template: left out when the workspace has no such table. */
  linksOutside?: "businesses" | "sites";
  options?: Record<string, unknown>;
};

const CAMPAIGNS: MessagingColumn[] = [
  { key: "name", name: "Name", type: "text" },
  { key: "channel", name: "Channel", type: "singleSelect" },
  { key: "template", name: "Template", type: "longText" },
  { key: "sender", name: "Sender", type: "text" },
  { key: "dailyCap", name: "Daily cap", type: "number" },
  { key: "status", name: "Status", type: "status" },
  {
    key: "sendDrafts",
    name: "Send drafts",
    type: "button",
    options: messageButton(
      "Send drafts",
      "sendCampaign",
      "Send every draft of this campaign, paced by the sending window?",
    ),
  },
];

const MESSAGES: MessagingColumn[] = [
  { key: "recipient", name: "Recipient", type: "link", linksOutside: "businesses" },
  { key: "recipientTable", name: "Recipient table", type: "text" },
  { key: "recipientRowId", name: "Recipient row", type: "text" },
  { key: "channel", name: "Channel", type: "singleSelect" },
  { key: "direction", name: "Direction", type: "singleSelect" },
  { key: "from", name: "From", type: "text" },
  { key: "to", name: "To", type: "text" },
  { key: "subject", name: "Subject", type: "text" },
  { key: "body", name: "Body", type: "longText" },
  { key: "html", name: "HTML", type: "longText" },
  { key: "site", name: "Site", type: "link", linksOutside: "sites" },
  { key: "campaign", name: "Campaign", type: "link", links: "campaigns" },
  { key: "status", name: "Status", type: "status" },
  { key: "provider", name: "Provider", type: "text" },
  { key: "providerMessageId", name: "Provider message id", type: "text" },
  { key: "scheduledFor", name: "Scheduled for", type: "datetime" },
  { key: "sentAt", name: "Sent at", type: "datetime" },
  { key: "firstOpenedAt", name: "First opened", type: "datetime" },
  { key: "opens", name: "Opens", type: "number" },
  { key: "clicks", name: "Clicks", type: "number" },
  { key: "lastEvent", name: "Last event", type: "text" },
  { key: "error", name: "Error", type: "longText" },
  { key: "threadId", name: "Thread", type: "text" },
  /** An inbound message someone has opened in the Inbox; the Inbox's unread counts are the rest. */
  { key: "read", name: "Read", type: "checkbox" },
  {
    key: "sendNow",
    name: "Send now",
    type: "button",
    options: messageButton("Send now", "send", "Send this message now?"),
  },
  { key: "cancel", name: "Cancel", type: "button", options: messageButton("Cancel", "cancel") },
];

const SUPPRESSIONS: MessagingColumn[] = [
  /** An email address (lower case) or an E.164 phone number. */
  { key: "address", name: "Address", type: "text" },
  { key: "reason", name: "Reason", type: "singleSelect" },
  { key: "sourceMessage", name: "Source message", type: "link", links: "messages" },
  { key: "at", name: "When", type: "datetime" },
];

/** What happened to a message: one row per tracking hit or provider event, never changed. */
const EVENTS: MessagingColumn[] = [
  { key: "message", name: "Message", type: "link", links: "messages" },
  { key: "type", name: "Type", type: "singleSelect" },
  { key: "at", name: "When", type: "datetime" },
  /** "tracking" for our pixel, links and unsubscribe pages; else the provider that told us. */
  { key: "source", name: "Source", type: "text" },
  /** An open made by a machine (Apple Mail Privacy Protection, an image proxy, a scanner): left out of open rates. */
  { key: "machine", name: "Machine", type: "checkbox" },
  { key: "userAgent", name: "User agent", type: "text" },
  { key: "ipHash", name: "IP hash", type: "text" },
  { key: "url", name: "URL", type: "url" },
  { key: "detail", name: "Detail", type: "longText" },
];

/**
 * Columns added to the template after workspaces had made their tables: made in an older
 * workspace's table when it is next found (`worker/messaging/tables.ts`).
 */
export const MESSAGING_ADDED_COLUMNS: Partial<Record<MessagingTable, readonly string[]>> = {
  campaigns: ["sendDrafts"],
  messages: ["read"],
};

/** In the order they are created: a link names a table made before it. */
export const MESSAGING_ORDER: readonly MessagingTable[] = ["campaigns", "messages", "suppressions", "events"];

export const MESSAGING_TABLES: Record<MessagingTable, { name: string; columns: MessagingColumn[] }> = {
  campaigns: { name: "Campaigns", columns: CAMPAIGNS },
  messages: { name: "Messages", columns: MESSAGES },
  suppressions: { name: "Suppressions", columns: SUPPRESSIONS },
  events: { name: "Events", columns: EVENTS },
};

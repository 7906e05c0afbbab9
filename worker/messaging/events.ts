/**
 * What happened to a sent message, written back to its row: the tracking routes (open pixel,
 * tracked links, unsubscribe pages) and the providers' webhooks both land here. Each event
 * appends a row to the Events log, moves the message's Status forward (never back: a late
 * "delivered" leaves a "clicked" message clicked), counts opens and clicks in one step inside the
 * room (two hits at once both count), and suppresses the address on an unsubscribe, a hard
 * bounce or a complaint (which also count against the sender's health, see health.ts). Machine opens (Apple Mail Privacy Protection, image proxies, scanners)
 * are logged with Machine ticked and change nothing on the message. The message's recipient row
 * hears the event too (its journeys, see worker/journeys/message-events.ts).
 */

import type { SuppressionReason } from "../../schema/messaging-tables";
import type { CellValue } from "../../schema/tables";
import type { RowUpdate } from "../durable/row-update";
import { hearMessageEvent } from "../journeys/message-events";
import { byKey, reader } from "../kinds/tables";
import { noteOutcome, senderKey } from "./health";
import { messagingOrigin } from "./messages";
import { findSuppression } from "./suppressions";
import type { Messaging } from "./tables";

export const MESSAGE_EVENT_KINDS = [
  "delivered",
  "opened",
  "clicked",
  "replied",
  "unsubscribed",
  "bounced",
  "complained",
  "failed",
  "delayed",
] as const;
export type MessageEventKind = (typeof MESSAGE_EVENT_KINDS)[number];

/**
 * The order a message's Status moves along; an event only ever moves it later. Draft to sent are
 * the send path's; failed sits before delivered (a provider's "undelivered" after our "sent").
 */
export const STATUS_PROGRESS = [
  "draft",
  "scheduled",
  "queued",
  "sent",
  "failed",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "unsubscribed",
  "complained",
] as const;

export type MessageEvent = {
  type: MessageEventKind;
  /** ISO time the event happened (the provider's time when it gives one). */
  at: string;
  /** "tracking" for our own routes; else the provider ("resend", "twilio", …). */
  source: string;
  /** Opens only: a machine fetched the pixel (see automation/messaging/tracking/machine-opens). */
  machine?: boolean;
  /** Why an open was judged a machine's, or the provider's words for a bounce or failure. */
  detail?: string;
  /** Clicks: the link followed. */
  url?: string;
  userAgent?: string;
  ipHash?: string;
  /** Bounces: a hard bounce suppresses the address. */
  bounce?: "hard" | "soft";
};

const SUPPRESSING: Partial<Record<MessageEventKind, SuppressionReason>> = {
  unsubscribed: "unsubscribed",
  complained: "complaint",
};

const origin = messagingOrigin("message-event");

/** What the event does to the message's row (column ids), or null when it leaves the row alone. */
function updateFor(messaging: Messaging, event: MessageEvent): RowUpdate | null {
  const { keys } = messaging.messages;
  const id = (key: string) => keys[key] ?? `missing:${key}`;
  if (event.type === "opened" && event.machine) return null;
  const update: RowUpdate = {
    set: { [id("lastEvent")]: event.type },
    advance: { columnId: id("status"), order: STATUS_PROGRESS, to: event.type },
  };
  if (event.type === "delayed") delete update.advance;
  if (event.type === "opened") {
    update.add = { [id("opens")]: 1 };
    update.setIfEmpty = { [id("firstOpenedAt")]: event.at };
  }
  if (event.type === "clicked") {
    // A click counts as an open: the person read the message, whatever their mail app fetched.
    update.add = { [id("clicks")]: 1 };
    update.atLeast = { [id("opens")]: 1 };
    update.setIfEmpty = { [id("firstOpenedAt")]: event.at };
  }
  if ((event.type === "bounced" || event.type === "failed") && event.detail) update.set![id("error")] = event.detail;
  return update;
}

/**
 * Adds `address` to Suppressions unless it is there already; true when it was added. The address
 * is kept as the send path looks it up (lower case).
 */
export async function suppressAddress(
  messaging: Messaging,
  input: { address: string; reason: SuppressionReason; sourceMessageId: string | null; at: string },
): Promise<boolean> {
  const address = input.address.trim().toLowerCase();
  if (!address) return false;
  if (await findSuppression(messaging.suppressions, address)) return false;
  const inserted = await messaging.suppressions.room.insertRow(
    byKey(messaging.suppressions, {
      address,
      reason: input.reason,
      sourceMessage: input.sourceMessageId ? [input.sourceMessageId] : null,
      at: input.at,
    }),
    origin,
  );
  if (!inserted.ok) throw new Error(`Could not add ${address} to Suppressions: ${inserted.message}`);
  return true;
}

export type RecordedEvent = { messageId: string; status: string; suppressed: boolean };

/**
 * Records `event` for the message `messageId`: the Events row, the message's row, and a
 * suppression when the event calls for one. Null when there is no such message.
 */
export async function recordMessageEvent(
  messaging: Messaging,
  messageId: string,
  event: MessageEvent,
): Promise<RecordedEvent | null> {
  const { messages, events } = messaging;
  const [row] = await messages.room.readRows([messageId]);
  if (!row) return null;
  const logged: Record<string, CellValue> = {
    message: [messageId],
    type: event.type,
    at: event.at,
    source: event.source,
    machine: event.machine ?? false,
    userAgent: event.userAgent ?? null,
    ipHash: event.ipHash ?? null,
    url: event.url ?? null,
    detail: event.detail ?? null,
  };
  const update = updateFor(messaging, event);
  // The log and the message's row are two rooms: written at once.
  const [inserted, written] = await Promise.all([
    events.room.insertRow(byKey(events, logged), origin),
    update ? messages.room.updateRow(messageId, update, origin) : null,
  ]);
  if (!inserted.ok) throw new Error(`Could not log the ${event.type} event: ${inserted.message}`);
  if (written && !written.ok) throw new Error(`Could not write the message's row: ${written.message}`);
  const status = reader(messages, (written?.value ?? row).cells).text("status");
  const reason =
    SUPPRESSING[event.type] ?? (event.type === "bounced" && event.bounce === "hard" ? "hard bounce" : undefined);
  const r = reader(messages, row.cells);
  const to = r.text("to");
  const outcome = event.type === "complained" ? "complaint" : reason === "hard bounce" ? "bounce" : null;
  if (outcome)
    await noteOutcome(messaging.d1, messaging.workspaceId, senderKey(r.text("channel"), r.text("from")), outcome);
  const suppressed = reason
    ? await suppressAddress(messaging, { address: to, reason, sourceMessageId: messageId, at: event.at })
    : false;
  await hearMessageEvent(messaging.env, {
    workspaceId: messaging.workspaceId,
    messageId,
    recipientTable: r.text("recipientTable"),
    recipientRowId: r.text("recipientRowId"),
    channel: r.text("channel"),
    type: event.type,
    machine: event.machine ?? false,
    at: event.at,
    url: event.url ?? null,
  });
  return { messageId, status, suppressed };
}

/** The Messages row a provider's message id belongs to, or null. */
export async function messageIdByProviderId(messaging: Messaging, providerMessageId: string): Promise<string | null> {
  const column = messaging.messages.keys.providerMessageId;
  if (!column || !providerMessageId) return null;
  const { rows } = await messaging.messages.room.queryRows({
    filters: [{ columnId: column, op: "eq", value: providerMessageId }],
    sort: [],
    limit: 1,
    offset: 0,
  });
  return rows[0]?.id ?? null;
}

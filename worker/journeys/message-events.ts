/**
 * What journeys hear of messaging: an event of a message sent to a row (its Recipient table and
 * Recipient row) is that row's event. Messaging calls `hearMessageEvent` after recording an event
 * and knows nothing else of journeys; a journey's failure is logged here and never fails the
 * message's event (the tracking pixel still answers, the provider's webhook is still acknowledged).
 */
import { getDb } from "../db";
import { deliverLeadEvent } from "./events";

/** The message events a lead's journeys act on; failures, delays and complaints are messaging's own. */
export const JOURNEY_MESSAGE_EVENTS = ["delivered", "opened", "clicked", "replied", "unsubscribed", "bounced"] as const;

export type HeardMessageEvent = {
  workspaceId: string;
  messageId: string;
  recipientTable: string;
  recipientRowId: string;
  channel: string;
  type: string;
  /** A machine's open (a privacy proxy, a scanner): not the person's. */
  machine: boolean;
  at: string;
  url: string | null;
};

export async function hearMessageEvent(env: Env, event: HeardMessageEvent): Promise<void> {
  if (event.machine || !(JOURNEY_MESSAGE_EVENTS as readonly string[]).includes(event.type)) return;
  if (!event.recipientTable || !event.recipientRowId) return;
  const at = Date.parse(event.at);
  try {
    await deliverLeadEvent(env, getDb(env.DB), {
      workspaceId: event.workspaceId,
      tableId: event.recipientTable,
      rowId: event.recipientRowId,
      type: event.type,
      channel: event.channel || null,
      data: { messageId: event.messageId, ...(event.url ? { url: event.url } : {}) },
      ...(Number.isFinite(at) ? { at } : {}),
    });
  } catch (error) {
    console.error(
      `rowpilot: journeys could not hear ${event.type} of message ${event.messageId}: ${(error as Error).message}`,
    );
  }
}

/**
 * Inbound SMS that are compliance keywords (Twilio's defaults, `smsKeywords`), and the TwiML
 * Twilio expects in answer. STOP and its synonyms suppress the number at once and confirm; HELP
 * names the sender and how to opt out (CTIA's messaging principles ask for both answers). START
 * removes nothing: a Suppressions row may stand for a complaint or a person's decision, so taking
 * a number off the list stays a person's act in the Suppressions table.
 * https://www.twilio.com/docs/messaging/twiml and https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out
 */
import { escapeHtml } from "../../../automation/messaging/html";
import { smsKeywords } from "../../../automation/messaging/webhooks";
import type { NormalizedEvent } from "../../../schema/messaging-events";
import { suppressAddress } from "../events";
import type { Messaging } from "../tables";
import { addressOf, storeInbound } from "./inbound";

/** A TwiML document: one reply SMS, or none. */
export function twiml(reply: string | null): string {
  const message = reply === null ? "" : `<Message>${escapeHtml(reply)}</Message>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${message}</Response>`;
}

export const stopReply = (sender: string) =>
  `You are unsubscribed from ${sender} messages. No more messages will be sent.`;
export const helpReply = (sender: string) => `${sender}: reply to this number to reach us. Reply STOP to opt out.`;

/**
 * Handles an inbound SMS: stored as an inbound row either way; a keyword does what it says.
 * Answers the reply to send back, or null for none.
 */
export async function receiveSms(messaging: Messaging, event: NormalizedEvent, sender: string): Promise<string | null> {
  const keyword = smsKeywords(event.inbound?.text ?? "");
  if (keyword === "stop") {
    const stored = await storeInbound(messaging, event, "sms", "unsubscribed");
    // Also when no message of ours went to the number: a STOP holds whoever sent it.
    const number = addressOf(event.inbound?.from ?? "", "sms") ?? event.recipient;
    await suppressAddress(messaging, {
      address: number,
      reason: "unsubscribed",
      sourceMessageId: stored.originalId,
      at: event.at,
    });
    return stopReply(sender);
  }
  if (keyword === "help" || keyword === "start") {
    await storeInbound(messaging, event, "sms", null);
    return keyword === "help" ? helpReply(sender) : null;
  }
  await storeInbound(messaging, event, "sms", "replied");
  return null;
}

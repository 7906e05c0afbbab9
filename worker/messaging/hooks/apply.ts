/**
 * A provider's events applied to the workspace's messages: each event's message is the one our
 * tag names (`messageId`), else the one with the provider's message id; its change goes through
 * `recordMessageEvent` (the Events row, the status moved forward, counts, suppressions). An event
 * for a message we do not know is stored nowhere: it was sent by something else on the same
 * provider account, or its row was deleted. Inbound replies are stored by `storeInbound`.
 */
import { classifyOpen, userAgentClass } from "../../../automation/messaging/tracking";
import type { NormalizedEvent } from "../../../schema/messaging-events";
import { type MessageEvent, messageIdByProviderId, recordMessageEvent } from "../events";
import type { Messaging } from "../tables";
import { ipHashOf } from "../tracker";
import { storeInbound } from "./inbound";

export type Applied =
  | { type: "event"; messageId: string; status: string; suppressed: boolean }
  | { type: "inbound"; id: string; originalId: string | null }
  | { type: "unknown_message" };

/** The row id the event is about, or null when it is none of ours. */
async function messageOf(messaging: Messaging, event: NormalizedEvent): Promise<string | null> {
  if (event.messageId && (await messaging.messages.room.readRows([event.messageId]))[0]) return event.messageId;
  return messageIdByProviderId(messaging, event.providerMessageId);
}

/** What the provider said, in the words the Events log and the row's Error show. */
function detailOf(event: NormalizedEvent): string | undefined {
  if (event.type === "bounced")
    return `${event.bounce === "hard" ? "Hard" : "Soft"} bounce reported by ${event.provider}`;
  if (event.type === "failed") return `${event.provider} could not deliver the message`;
  return undefined;
}

/**
 * The event as `recordMessageEvent` takes it. A provider's own open pixel meets the same machines
 * ours does (Apple's proxy, image proxies, scanners), so its opens are classified the same way;
 * the IP is kept only as a hash under a secret salt (as the tracking routes keep it).
 */
async function messageEvent(
  env: Env,
  workspaceId: string,
  event: NormalizedEvent & { type: MessageEvent["type"] },
): Promise<MessageEvent> {
  const verdict =
    event.type === "opened"
      ? classifyOpen({ userAgent: event.userAgent ?? null, ip: event.ip ?? null, secondsSinceDelivery: null })
      : null;
  const detail = verdict?.machine ? verdict.reason : detailOf(event);
  return {
    type: event.type,
    at: event.at,
    source: event.provider,
    ...(verdict ? { machine: verdict.machine } : {}),
    ...(event.bounce ? { bounce: event.bounce } : {}),
    ...(detail ? { detail } : {}),
    ...(event.url ? { url: event.url } : {}),
    // As our own tracking keeps them: the user agent's class, and the IP hashed with a secret salt.
    ...(event.userAgent ? { userAgent: userAgentClass(event.userAgent, event.ip ?? null) } : {}),
    ...(event.ip ? { ipHash: await ipHashOf(env, workspaceId, event.ip) } : {}),
  };
}

/** Applies one provider event (not an SMS keyword: the SMS route handles those first). */
export async function applyEvent(env: Env, messaging: Messaging, event: NormalizedEvent): Promise<Applied> {
  if (event.type === "inbound") {
    const stored = await storeInbound(messaging, event, event.provider === "twilio" ? "sms" : "email");
    return { type: "inbound", ...stored };
  }
  const messageId = await messageOf(messaging, event);
  if (!messageId) return { type: "unknown_message" };
  const recorded = await recordMessageEvent(
    messaging,
    messageId,
    await messageEvent(env, messaging.workspaceId, { ...event, type: event.type }),
  );
  if (!recorded) return { type: "unknown_message" };
  return { type: "event", ...recorded };
}

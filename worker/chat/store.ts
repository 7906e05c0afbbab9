/**
 * A chat visitor's message kept as a Messages row (channel chat, direction in, from
 * `visitor:<id>`, Thread `visitor:<id>`), so the Inbox and the grid show it beside email and SMS.
 */
import { VISITOR_PREFIX } from "../../schema/inbox-api";
import { getDb } from "../db";
import { byKey } from "../kinds/tables";
import { messagingOrigin } from "../messaging/messages";
import { ensureMessaging } from "../messaging/tables";

const origin = messagingOrigin("chat-message");

/** The Messages row of what visitor `visitor` wrote at `at`; answers its id. */
export async function storeChatMessage(
  env: Env,
  workspaceId: string,
  visitor: string,
  body: string,
  at: string,
): Promise<string> {
  const messaging = await ensureMessaging(env, getDb(env.DB), workspaceId, null);
  const who = `${VISITOR_PREFIX}${visitor}`;
  const cells = byKey(messaging.messages, {
    channel: "chat",
    direction: "in",
    from: who,
    to: "",
    body,
    status: "delivered",
    provider: "chat",
    sentAt: at,
    lastEvent: "received",
    threadId: who,
    read: false,
    opens: 0,
    clicks: 0,
  });
  const inserted = await messaging.messages.room.insertRow(cells, origin);
  if (!inserted.ok) throw new Error(`Could not keep the chat message: ${inserted.message}`);
  return inserted.value;
}

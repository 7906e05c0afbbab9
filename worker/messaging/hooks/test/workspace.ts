/**
 * A workspace for the hook route tests: the messaging test workspace (a sender, Leads with Rose's
 * email and phone) with its webhook secrets set, and messages to Rose marked sent by a provider.
 */
import { env } from "cloudflare:test";
import { getDb } from "../../../db";
import { reader } from "../../../kinds/tables";
import { call } from "../../../test/http";
import { workspaceWithLeads } from "../../../test/messaging";
import { findMessaging } from "../../tables";

export async function hookWorkspace(secrets: { emailWebhookSecret?: string; smsWebhookSecret?: string }) {
  const t = await workspaceWithLeads();
  if (Object.keys(secrets).length) {
    const res = await call(t.owner, "PATCH", `${t.base}/settings`, { secrets });
    if (res.status !== 200) throw new Error(`secrets: ${res.status} ${await res.text()}`);
  }
  const messagingOf = async () => {
    const messaging = await findMessaging(env, getDb(env.DB), t.ws.id);
    if (!messaging) throw new Error("the workspace has no messaging tables yet");
    return messaging;
  };
  /** A message to Rose, as the send path leaves it after `provider` took it. */
  const sent = async (channel: "email" | "sms", provider: string, providerMessageId: string) => {
    const { id } = await t.draft(t.rose, { channel });
    const messaging = await messagingOf();
    const cells = { status: "sent", provider, providerMessageId, sentAt: new Date().toISOString() };
    const ids = Object.fromEntries(Object.entries(cells).map(([k, v]) => [messaging.messages.keys[k]!, v]));
    await messaging.messages.room.patchRow(id, ids, { kind: "automation", job: "test" });
    return id;
  };
  const all = async (table: "messages" | "events" | "suppressions") => {
    const handle = (await messagingOf())[table];
    const { rows } = await handle.room.queryRows({ filters: [], sort: [], limit: 200, offset: 0 });
    return rows.map((row) => ({ id: row.id, r: reader(handle, row.cells) }));
  };
  const eventsOf = async (messageId: string) =>
    (await all("events"))
      .filter(({ r }) => r.list("message").includes(messageId))
      .map(({ r }) => ({ type: r.text("type"), source: r.text("source"), machine: r.get("machine") }));
  const suppressions = async () => (await all("suppressions")).map(({ r }) => [r.text("address"), r.text("reason")]);
  const inbound = async () =>
    (await all("messages"))
      .filter(({ r }) => r.text("direction") === "in")
      .map(({ id, r }) => ({
        id,
        channel: r.text("channel"),
        from: r.text("from"),
        to: r.text("to"),
        subject: r.text("subject"),
        body: r.text("body"),
        status: r.text("status"),
        threadId: r.text("threadId"),
        recipientRowId: r.text("recipientRowId"),
      }));
  return { ...t, sent, eventsOf, suppressions, inbound, messagingOf };
}

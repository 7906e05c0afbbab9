import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { InboxList, InboxThreadDetail } from "../../schema/inbox-api";
import { getDb } from "../db";
import { byKey } from "../kinds/tables";
import { findMessaging } from "../messaging/tables";
import { json } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";

const ROSE = "rose@bakery.example";

/** A workspace where Rose answered an email and texted once; answers the inbound rows' ids. */
async function roseWroteBack() {
  const t = await workspaceWithLeads();
  await t.draft(t.rose);
  const messaging = (await findMessaging(env, getDb(env.DB), t.ws.id))!;
  const inbound = async (cells: Record<string, string>) => {
    const row = byKey(messaging.messages, { direction: "in", status: "delivered", ...cells });
    const made = await messaging.messages.room.insertRow(row, { kind: "automation", job: "test" });
    if (!made.ok) throw new Error(made.message);
    return made.value;
  };
  const email = await inbound({
    channel: "email",
    from: ROSE,
    to: "replies@rowpilot.example",
    subject: "A website for Rose's Bakery",
    body: "Yes, tell me more.",
    sentAt: "2026-12-01T10:00:00.000Z",
    threadId: "original-1",
  });
  const sms = await inbound({
    channel: "sms",
    from: "+15125550100",
    body: "Call me?",
    sentAt: "2026-12-02T10:00:00.000Z",
  });
  return { t, messaging, email, sms };
}

describe("the Inbox API", { timeout: 30_000 }, () => {
  it("lists conversations newest first with their unread counts", async () => {
    const { t } = await roseWroteBack();
    const list = await json<InboxList>(await t.api("GET", "/inbox"));
    expect(list.threads.map((x) => [x.counterpart, x.channels, x.unread])).toEqual([
      ["+15125550100", ["sms"], 1],
      [ROSE, ["email"], 1],
    ]);
    expect(list.unread).toBe(2);
  });

  it("answers an email on its channel, to its sender, in its thread, sent at once through the send path", async () => {
    const { t, email } = await roseWroteBack();
    const res = await t.api("POST", `/messages/${email}/reply`, { body: "Here is the link again." });
    expect(res.status).toBe(201);
    const { id } = await json<{ id: string }>(res);
    expect(await t.settled(id)).toMatchObject({
      status: "sent",
      channel: "email",
      direction: "out",
      to: ROSE,
      subject: "Re: A website for Rose's Bakery",
    });
    const thread = await json<InboxThreadDetail>(await t.api("GET", `/inbox/${encodeURIComponent(ROSE)}`));
    expect(thread.messages.map((m) => [m.direction, m.body])).toEqual([
      ["in", "Yes, tell me more."],
      ["out", "Here is the link again."],
    ]);
    expect(thread.messages[1]!.threadId).toBe("original-1");
    expect((await t.outbox()).map((m) => m.to)).toContain(ROSE);
  });

  it("answers a text by SMS from the sender's number", async () => {
    const { t, sms } = await roseWroteBack();
    const { id } = await json<{ id: string }>(await t.api("POST", `/messages/${sms}/reply`, { body: "Calling at 3." }));
    expect(await t.settled(id)).toMatchObject({
      status: "sent",
      channel: "sms",
      to: "+15125550100",
      from: "+15125550199",
    });
    expect((await t.outbox()).find((m) => m.to === "+15125550100")).toMatchObject({
      channel: "sms",
      text: "Calling at 3.",
    });
  });

  it("refuses a reply to a suppressed counterpart with the reason, writing nothing", async () => {
    const { t, messaging, sms } = await roseWroteBack();
    const cells = byKey(messaging.suppressions, { address: "+15125550100", reason: "unsubscribed" });
    await messaging.suppressions.room.insertRow(cells, { kind: "automation", job: "test" });
    const res = await t.api("POST", `/messages/${sms}/reply`, { body: "Sure!" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("+15125550100 is on the Suppressions list (unsubscribed): no reply was sent");
    const thread = await json<InboxThreadDetail>(await t.api("GET", `/inbox/${encodeURIComponent("+15125550100")}`));
    expect(thread.messages).toHaveLength(1);
  });

  it("refuses to answer an outgoing message or an empty body", async () => {
    const { t, email } = await roseWroteBack();
    const { id } = await t.draft(t.rose);
    const outgoing = await t.api("POST", `/messages/${id}/reply`, { body: "Hi" });
    expect(outgoing.status).toBe(400);
    expect(await outgoing.text()).toContain("Only a message that came in can be answered");
    expect((await t.api("POST", `/messages/${email}/reply`, { body: "  " })).status).toBe(400);
  });

  it("answers 404 for a conversation that is not there", async () => {
    const { t } = await roseWroteBack();
    expect((await t.api("GET", "/inbox/nobody%40nowhere.example")).status).toBe(404);
  });
});

import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CHAT_FLOOD } from "../../automation/messaging/chat/frames";
import type { InboxList, InboxThreadDetail } from "../../schema/inbox-api";
import { openChat } from "../test/chat";
import { json, ORIGIN } from "../test/http";
import { workspaceWithLeads } from "../test/messaging";

const visitorId = () => `v${crypto.randomUUID().replaceAll("-", "")}`;

async function inbox(t: Awaited<ReturnType<typeof workspaceWithLeads>>) {
  return json<InboxList>(await t.api("GET", "/inbox"));
}

describe("chat — the widget and its socket", { timeout: 30_000 }, () => {
  it("serves the widget script to any site", async () => {
    const res = await SELF.fetch(`${ORIGIN}/chat/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain("attachShadow");
  });

  it("refuses a socket without a visitor id or for an unknown workspace", async () => {
    const headers = { upgrade: "websocket" };
    expect(
      (await SELF.fetch(`${ORIGIN}/chat/socket/nope-${visitorId()}?visitor=${visitorId()}`, { headers })).status,
    ).toBe(404);
    const t = await workspaceWithLeads();
    const bad = await SELF.fetch(`${ORIGIN}/chat/socket/${t.ws.slug}?visitor=a`, { headers });
    expect(bad.status).toBe(400);
  });

  it("keeps a visitor's message as an unread inbound chat in the Inbox, and shows it again on reconnecting", async () => {
    const t = await workspaceWithLeads();
    const visitor = visitorId();
    const chat = await openChat(t.ws.slug, visitor);
    expect(chat.history()).toEqual([]);
    chat.say("Do you build sites for bakeries?");
    await chat.until("the visitor's own line", () => chat.lines().length === 1);
    const list = await inbox(t);
    expect(list.threads).toMatchObject([
      {
        counterpart: `visitor:${visitor}`,
        channels: ["chat"],
        unread: 1,
        lastBody: "Do you build sites for bakeries?",
      },
    ]);
    expect(list.unread).toBe(1);
    chat.close();

    const again = await openChat(t.ws.slug, visitor);
    expect(again.history()?.map((l) => [l.from, l.body])).toEqual([["visitor", "Do you build sites for bakeries?"]]);
  });

  it("answers a malformed frame with an error and keeps the socket up", async () => {
    const t = await workspaceWithLeads();
    const chat = await openChat(t.ws.slug, visitorId());
    chat.ws.send("{not json");
    chat.ws.send(JSON.stringify({ type: "message", body: "x".repeat(2001) }));
    await chat.until("two error frames", () => chat.errors().length === 2);
    expect(chat.errors()).toEqual(["That frame is not JSON", "Message not sent: body is over 2000 characters"]);
    chat.say("Still there?");
    await chat.until("the line after the errors", () => chat.lines().length === 1);
    expect(chat.closed).toBe(false);
    expect((await inbox(t)).threads[0]?.messages).toBe(1);
  });

  it("refuses a flood: past ten messages a minute the visitor gets an error and nothing is stored", async () => {
    const t = await workspaceWithLeads();
    const chat = await openChat(t.ws.slug, visitorId());
    for (let i = 0; i <= CHAT_FLOOD.messages; i++) chat.say(`message ${i}`);
    await chat.until("ten lines and one refusal", () => chat.lines().length === 10 && chat.errors().length === 1);
    expect(chat.errors()[0]).toMatch(/^Too many messages: wait \d+ s and send again$/);
    expect((await inbox(t)).threads[0]).toMatchObject({ messages: CHAT_FLOOD.messages, unread: CHAT_FLOOD.messages });
  });

  it("delivers a reply from the Inbox to the visitor's open socket, and opening the thread marks it read", async () => {
    const t = await workspaceWithLeads();
    const visitor = visitorId();
    const chat = await openChat(t.ws.slug, visitor);
    chat.say("What does a site cost?");
    await chat.until("the visitor's line", () => chat.lines().length === 1);
    const thread = await json<InboxThreadDetail>(
      await t.api("GET", `/inbox/${encodeURIComponent(`visitor:${visitor}`)}`),
    );
    expect(thread.messages.map((m) => [m.direction, m.body, m.read])).toEqual([["in", "What does a site cost?", true]]);
    expect((await inbox(t)).unread).toBe(0);

    const res = await t.api("POST", `/messages/${thread.messages[0]!.id}/reply`, {
      body: "Nothing until you like it.",
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ status: "delivered" });
    await chat.until("the reply", () => chat.lines().length === 2);
    expect(chat.lines()[1]).toMatchObject({ from: "team", body: "Nothing until you like it." });
    const after = await json<InboxThreadDetail>(
      await t.api("GET", `/inbox/${encodeURIComponent(`visitor:${visitor}`)}`),
    );
    expect(after.messages.map((m) => [m.direction, m.channel, m.status])).toEqual([
      ["in", "chat", "delivered"],
      ["out", "chat", "delivered"],
    ]);
  });
});

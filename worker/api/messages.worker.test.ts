import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type MessageRecord, MessagingSettings } from "../../schema/messaging-api";
import type { TableDetail, TableSummary } from "../../schema/tables";
import { getDb } from "../db";
import type { SendMessageJob } from "../messaging/send";
import { readMessagingSettings, saveMessagingSettings } from "../messaging/settings";
import { call, json } from "../test/http";
import { SENDER, workspaceWithLeads } from "../test/messaging";
import { tableWith } from "../test/tables";
import worker from "../test-entry";

/** Sends wait on the outreach-jobs queue; a loaded machine takes seconds to run them. */
const QUEUED = { timeout: 20_000 };

describe("messages API — sending through the outbox", QUEUED, () => {
  it("writes a draft to a recipient, sends it, and the outbox and the row both show it sent", async () => {
    const t = await workspaceWithLeads();
    const made = await t.draft(t.rose);
    expect(made.status).toBe("draft");
    expect(await t.read(made.id)).toMatchObject({
      status: "draft",
      to: "rose@bakery.example",
      from: "Ana at Rowpilot <ana@rowpilot.example>",
      recipientTable: t.tableId,
      recipientRowId: t.rose,
    });
    expect(await t.outbox()).toEqual([]);

    const send = await t.api("POST", `/messages/${made.id}/send`);
    expect(send.status).toBe(202);
    expect(await json(send)).toEqual({ id: made.id, status: "queued" });

    const sent = await t.settled(made.id);
    expect(sent).toMatchObject({ status: "sent", provider: "outbox", error: null });
    expect(Date.parse(sent.sentAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    const [copy, ...others] = await t.outbox();
    expect(others).toEqual([]);
    expect(copy).toMatchObject({
      id: sent.providerMessageId,
      messageId: made.id,
      channel: "email",
      to: "rose@bakery.example",
      from: "Ana at Rowpilot <ana@rowpilot.example>",
      subject: "A website for Rose's Bakery",
      headers: { "Reply-To": "replies@rowpilot.example" },
    });
    expect(copy?.text).toContain("We made you a website.");
    expect(copy?.text).toContain(SENDER.postalAddress);
    expect(copy?.html).toContain("<p>We made you a website. Have a look?</p>");
    expect(copy?.html).toContain("100 Congress Ave");
    // The outbox keeps the email as a provider would get it: tracked, with one-click unsubscribe.
    expect(copy?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(copy?.html).toContain("http://rowpilot.test/t/o/");
    const listed = await json<{ messages: MessageRecord[] }>(await t.api("GET", "/messages?status=sent"));
    expect(listed.messages.map((m) => m.id)).toEqual([made.id]);
    const drafts = await json<{ messages: MessageRecord[] }>(await t.api("GET", "/messages?status=draft"));
    expect(drafts.messages).toEqual([]);
  });

  it("sends a message once however often it is sent, and a redelivered job sends nothing", async () => {
    const t = await workspaceWithLeads();
    const { id } = await t.draft(t.rose);
    const presses = await Promise.all([1, 2, 3].map(() => t.api("POST", `/messages/${id}/send`)));
    expect(presses.map((r) => r.status)).toEqual([202, 202, 202]);
    const first = await t.settled(id);
    expect(first.status).toBe("sent");
    const again = await t.api("POST", `/messages/${id}/send`);
    expect(await json(again)).toEqual({ id, status: "sent" });

    const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
    const job: SendMessageJob = {
      kind: "send-message",
      workspaceId: t.ws.id,
      messagesTableId: tables.find((x) => x.name === "Messages")!.id,
      suppressionsTableId: tables.find((x) => x.name === "Suppressions")!.id,
      messageId: id,
    };
    const batch = createMessageBatch<unknown>("outreach-jobs", [
      { id: "again", timestamp: new Date(), attempts: 2, body: job },
    ]);
    const ctx = createExecutionContext();
    await worker.queue!(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["again"]);

    const outbox = await t.outbox();
    expect(outbox.filter((m) => m.messageId === id)).toHaveLength(1);
    expect((await t.read(id)).providerMessageId).toBe(first.providerMessageId);
  });

  it("refuses a recipient without an email address, or with one that is not an address, saying so", async () => {
    const t = await workspaceWithLeads();
    const none = await t.create(t.none);
    expect(none.status).toBe(400);
    expect((await json<{ error: { message: string } }>(none)).error.message).toBe(
      "The recipient has no email address (their Email cell is empty)",
    );
    const typo = await t.create(t.typo);
    expect(typo.status).toBe(400);
    expect((await json<{ error: { message: string } }>(typo)).error.message).toBe(
      'The recipient\'s Email "typo-at-plumbing.example" is not a valid email address',
    );
    const sms = await t.create(t.typo, { channel: "sms" });
    expect(sms.status).toBe(400);
    expect((await json<{ error: { message: string } }>(sms)).error.message).toMatch(/no phone number/);
    const missing = await t.create("no-such-row");
    expect(missing.status).toBe(404);
    expect(await json<{ messages: unknown[] }>(await t.api("GET", "/messages"))).toEqual({ messages: [] });
  });

  it("marks a message to a suppressed address suppressed and sends nothing", async () => {
    const t = await workspaceWithLeads();
    const { id } = await t.draft(t.rose);
    const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
    const suppressions = tables.find((x) => x.name === "Suppressions")!;
    const added = await call(t.owner, "POST", `/api/tables/${suppressions.id}/rows`, {
      cells: { Address: "ROSE@bakery.example", Reason: "unsubscribed" },
    });
    expect(added.status).toBe(201);

    expect((await t.api("POST", `/messages/${id}/send`)).status).toBe(202);
    const message = await t.settled(id);
    expect(message).toMatchObject({ status: "suppressed", providerMessageId: null, sentAt: null });
    expect(message.error).toBe("rose@bakery.example is on the Suppressions list (unsubscribed); nothing was sent");
    expect(await t.outbox()).toEqual([]);
  });

  it("fails a message whose provider has no key, saying where to set it, and sends nothing", async () => {
    const t = await workspaceWithLeads();
    await call(t.owner, "PATCH", `${t.base}/settings`, { providers: { email: "postmark" } });
    const { id } = await t.draft(t.rose);
    await t.api("POST", `/messages/${id}/send`);
    const message = await t.settled(id);
    expect(message.status).toBe("failed");
    expect(message.error).toBe("Postmark needs the workspace's email API key: Settings → Messaging → emailApiKey");
    expect(await t.outbox()).toEqual([]);
  });

  it("writes a message with a send time as scheduled", async () => {
    const t = await workspaceWithLeads();
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const made = await t.draft(t.rose, { sendAt });
    expect(made.status).toBe("scheduled");
    expect((await t.read(made.id)).scheduledFor).toBe(sendAt);
  });
});

describe("Messages buttons", QUEUED, () => {
  it("sends a draft from the grid's Send now, and Cancel makes a scheduled message a draft again", async () => {
    const t = await workspaceWithLeads();
    const { id } = await t.draft(t.rose);
    const tables = await json<TableSummary[]>(await t.api("GET", "/tables"));
    const messagesId = tables.find((x) => x.name === "Messages")!.id;
    const { columns } = await json<TableDetail>(await call(t.owner, "GET", `/api/tables/${messagesId}`));
    const button = (name: string) => columns.find((c) => c.name === name)!.id;
    const press = (rowId: string, name: string) =>
      call(t.owner, "POST", `/api/tables/${messagesId}/rows/${rowId}/buttons/${button(name)}`, {});

    expect((await press(id, "Send now")).status).toBe(202);
    const until = Date.now() + 15_000;
    while ((await t.read(id)).status !== "sent" && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect((await t.read(id)).status).toBe("sent");
    expect((await t.outbox()).map((m) => m.messageId)).toEqual([id]);

    const later = await t.draft(t.rose, { sendAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await press(later.id, "Cancel")).status).toBe(202);
    const cancelUntil = Date.now() + 15_000;
    while ((await t.read(later.id)).status !== "draft" && Date.now() < cancelUntil)
      await new Promise((r) => setTimeout(r, 200));
    expect(await t.read(later.id)).toMatchObject({ status: "draft", scheduledFor: null });
  });
});

describe("workspace settings — messaging", () => {
  it("starts with the outbox and no sender, and keeps the sender and providers it is given", async () => {
    const t = await tableWith([{ name: "Name", type: "text" }]);
    type Answer = MessagingSettings & { secrets: { key: string; set: boolean }[] };
    const before = await json<Answer>(await call(t.owner, "GET", `${t.base}/settings`));
    expect(before.providers).toEqual({ email: "outbox", sms: "outbox" });
    expect(before.sender).toEqual({ fromName: "", fromEmail: "", replyTo: "", postalAddress: "", smsFrom: "" });

    const res = await call(t.owner, "PATCH", `${t.base}/settings`, {
      sender: SENDER,
      providers: { email: "resend" },
      secrets: { emailWebhookSecret: "whsec_abcdef123456" },
    });
    expect(res.status).toBe(200);
    await call(t.owner, "PATCH", `${t.base}/settings`, { sender: { fromName: "Ana" } });
    const after = await json<Answer>(await call(t.owner, "GET", `${t.base}/settings`));
    expect(after.sender).toEqual({ ...SENDER, fromName: "Ana" });
    expect(after.providers).toEqual({ email: "resend", sms: "outbox" });
    expect(after.secrets.find((s) => s.key === "emailWebhookSecret")?.set).toBe(true);

    const bad = await call(t.owner, "PATCH", `${t.base}/settings`, { providers: { sms: "pigeon" } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(/^providers\.sms:/);
    const badEmail = await call(t.owner, "PATCH", `${t.base}/settings`, { sender: { fromEmail: "ana" } });
    expect(badEmail.status).toBe(400);
    expect((await json<{ error: { message: string } }>(badEmail)).error.message).toMatch(/^sender\.fromEmail:/);
    const badNumber = await call(t.owner, "PATCH", `${t.base}/settings`, { sender: { smsFrom: "512-555-0199" } });
    expect(badNumber.status).toBe(400);
    expect((await json<{ error: { message: string } }>(badNumber)).error.message).toBe(
      "sender.smsFrom: must be a phone number in E.164 form, such as +15125550100 (or empty)",
    );
  });

  it("saves default settings only where none are saved, as the demo's seed does", async () => {
    const t = await tableWith([{ name: "Name", type: "text" }]);
    const db = getDb(env.DB);
    const defaults = MessagingSettings.parse({
      sender: { ...SENDER, fromName: "Default" },
      providers: { email: "outbox", sms: "outbox" },
    });
    await saveMessagingSettings(db, t.ws.id, defaults, null, true);
    expect(await readMessagingSettings(db, t.ws.id)).toEqual(defaults);
    await call(t.owner, "PATCH", `${t.base}/settings`, { sender: { fromName: "Chosen" } });
    await saveMessagingSettings(db, t.ws.id, defaults, null, true);
    expect((await readMessagingSettings(db, t.ws.id)).sender.fromName).toBe("Chosen");
  });
});

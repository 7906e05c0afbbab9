/**
 * A workspace ready to send: a sender in its settings and a Leads table of three people (one with
 * an email and a phone, one with a mistyped email, one with neither), with the messages API calls
 * the messaging tests make.
 */
import type { MessageRecord, OutboxEntry } from "../../schema/messaging-api";
import { call, json } from "./http";
import { tableWith } from "./tables";

export const SENDER = {
  fromName: "Ana at Rowpilot",
  fromEmail: "ana@rowpilot.example",
  replyTo: "replies@rowpilot.example",
  postalAddress: "100 Congress Ave, Austin, TX 78701",
  smsFrom: "+15125550199",
};

/** A workspace with a sender and a Leads table of three people: one with an email, one with a bad one, one without. */
export async function workspaceWithLeads() {
  const leads = await tableWith([
    { name: "Name", type: "text" },
    { name: "Email", type: "email" },
    { name: "Phone", type: "phone" },
  ]);
  const { owner, ws, base } = leads;
  const settings = await call(owner, "PATCH", `${base}/settings`, { sender: SENDER });
  if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${await settings.text()}`);
  const api = (method: string, path: string, body?: unknown) =>
    call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
  const rose = await leads.insert({ Name: "Rose's Bakery", Email: "Rose@Bakery.example", Phone: "(512) 555-0100" });
  const typo = await leads.insert({ Name: "Typo Plumbing", Email: "typo-at-plumbing.example" });
  const none = await leads.insert({ Name: "No Email Roofing" });
  const create = (recipientRowId: string, extra: Record<string, unknown> = {}) =>
    api("POST", "/messages", {
      recipientTable: leads.tableId,
      recipientRowId,
      channel: "email",
      subject: "A website for Rose's Bakery",
      body: "Hi Rose,\n\nWe made you a website. Have a look?\n\nAna",
      ...extra,
    });
  const draft = async (recipientRowId: string, extra: Record<string, unknown> = {}) => {
    const res = await create(recipientRowId, extra);
    if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
    return json<{ id: string; status: string }>(res);
  };
  const read = async (id: string) => json<MessageRecord>(await api("GET", `/messages/${id}`));
  const outbox = async () => (await json<{ messages: OutboxEntry[] }>(await api("GET", "/outbox"))).messages;
  /** The message once its send job has run (it leaves "queued"), or an error after `ms`. */
  const settled = async (id: string, ms = 10_000) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const message = await read(id);
      if (message.status !== "queued") return message;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`message ${id} was still queued after ${ms} ms`);
  };
  return { ...leads, api, rose, typo, none, create, draft, read, outbox, settled };
}

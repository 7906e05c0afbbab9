/**
 * Messages over HTTP (`/api/messages`, `/api/outbox`): write a message to a recipient's row (or
 * have the writer draft it, `/draft`), edit a draft, send
 * it (queued once, however often it is asked), read one or list them by status, and read what the
 * outbox holds. The workspace is chosen as for `/api/tables`.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { CreateMessage, MessageListQuery } from "../../schema/messaging-api";
import { DraftMessage, EditDraft } from "../../schema/messaging-writer";
import type { Permission } from "../../schema/roles";
import { sendCampaign } from "../messaging/campaigns";
import { editDraft } from "../messaging/drafts";
import { MessageInputError, MessageMissingError } from "../messaging/errors";
import { ReplyRefusedError } from "../messaging/inbox/reply";
import { createMessage, messageRecord, readMessage } from "../messaging/messages";
import { listOutbox } from "../messaging/outbox";
import { queueSend } from "../messaging/send";
import { findMessaging, type Messaging } from "../messaging/tables";
import { writeDraft } from "../messaging/writer";
import { allRows } from "../projects/store";
import type { AppEnv } from "./context";
import { fail, parseBody, readBody } from "./errors";
import { workspaceFor } from "./tables";

/** Runs `work`, answering messaging's refusals as HTTP errors: missing 404, bad input 400, a refused reply 409. */
export async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MessageMissingError) fail(404, error.message);
    if (error instanceof MessageInputError) fail(400, error.message);
    if (error instanceof ReplyRefusedError) fail(409, error.message);
    throw error;
  }
}

async function messagingOf(c: Context<AppEnv>, permission: Permission): Promise<Messaging> {
  const access = await workspaceFor(c, permission);
  const messaging = await findMessaging(c.env, c.get("db"), access.workspace.id);
  if (!messaging) fail(404, "Message not found");
  return messaging;
}

export const messageRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const input = await readBody(c, CreateMessage);
    const access = await workspaceFor(c, "write");
    const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
    const made = await answer(() => createMessage(c.env, c.get("db"), access.workspace.id, createdBy, input));
    return c.json({ id: made.id, status: made.status }, 201);
  })
  .post("/draft", async (c) => {
    const input = await readBody(c, DraftMessage);
    const access = await workspaceFor(c, "write");
    const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
    return c.json(await answer(() => writeDraft(c.env, c.get("db"), access.workspace.id, createdBy, input)), 201);
  })
  .get("/", async (c) => {
    // An empty parameter (`?status=`) is no filter, as a form with "All" chosen sends it.
    const { status } = parseBody({ status: c.req.query("status") || undefined }, MessageListQuery);
    const access = await workspaceFor(c, "read");
    const messaging = await findMessaging(c.env, c.get("db"), access.workspace.id);
    if (!messaging) return c.json({ messages: [] });
    const column = messaging.messages.keys.status;
    const filters = status && column ? [{ columnId: column, op: "eq" as const, value: status }] : [];
    const rows = await allRows(messaging.messages, filters);
    return c.json({ messages: rows.map((row) => messageRecord(messaging.messages, row)) });
  })
  .get("/:id", async (c) => {
    const messaging = await messagingOf(c, "read");
    return c.json(await answer(() => readMessage(messaging, c.req.param("id"))));
  })
  .patch("/:id", async (c) => {
    const edit = await readBody(c, EditDraft);
    const messaging = await messagingOf(c, "write");
    return c.json(await answer(() => editDraft(messaging, c.req.param("id"), edit)));
  })
  .post("/:id/send", async (c) => {
    const messaging = await messagingOf(c, "write");
    const sent = await answer(() => queueSend(c.env, messaging, c.req.param("id")));
    return c.json({ id: sent.id, status: sent.status }, 202);
  });

export const outboxRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  return c.json({ messages: await listOutbox(c.env.FILES, access.workspace.id) });
});

/** `POST /api/campaigns/:id/send`: the campaign's drafts queued at its pace (the Send drafts button). */
export const campaignRoutes = new Hono<AppEnv>().post("/:id/send", async (c) => {
  const messaging = await messagingOf(c, "write");
  const queued = await answer(() => sendCampaign(c.env, messaging, c.req.param("id")));
  return c.json({ queued }, 202);
});

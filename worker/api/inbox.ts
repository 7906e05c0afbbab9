/**
 * The Inbox over HTTP: `GET /api/inbox` (conversations with unread counts), `GET
 * /api/inbox/:threadId` (one conversation, oldest first; opening it marks its inbound messages read
 * for members who may write) and `POST /api/messages/:id/reply { body }`. The workspace is chosen
 * as for `/api/tables`.
 */
import { Hono } from "hono";
import { ReplyInput } from "../../schema/inbox-api";
import { can } from "../../schema/roles";
import { listInbox, openThread } from "../messaging/inbox";
import { replyTo } from "../messaging/inbox/reply";
import { findMessaging } from "../messaging/tables";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { answer } from "./messages";
import { workspaceFor } from "./tables";

export const inboxRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    const messaging = await findMessaging(c.env, c.get("db"), access.workspace.id);
    if (!messaging) return c.json({ threads: [], unread: 0 });
    return c.json(await listInbox(messaging));
  })
  .get("/:threadId", async (c) => {
    const access = await workspaceFor(c, "read");
    const messaging = await findMessaging(c.env, c.get("db"), access.workspace.id);
    if (!messaging) fail(404, "The Inbox is empty");
    const markRead = can(access.role, "write");
    return c.json(await answer(() => openThread(messaging, c.req.param("threadId"), markRead)));
  });

export const replyRoutes = new Hono<AppEnv>().post("/:id/reply", async (c) => {
  const { body } = await readBody(c, ReplyInput);
  const access = await workspaceFor(c, "write");
  const messaging = await findMessaging(c.env, c.get("db"), access.workspace.id);
  if (!messaging) fail(404, "Message not found");
  const reply = await answer(() => replyTo(c.env, c.get("db"), messaging, c.req.param("id"), body));
  return c.json(reply, 201);
});

/**
 * `/chat`: the public side of the chat widget. `GET /chat/widget.js` is the script a site embeds;
 * `GET /chat/socket/:workspaceSlug?visitor=<id>` upgrades to the visitor's ChatRoom. Neither needs
 * a session: a visitor is anyone on a site that carries the widget, known only by the id their
 * browser made.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { workspace } from "../../schema/db";
import { VisitorId } from "../../schema/inbox-api";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { CHAT_WHO_HEADER, type ChatWho, chatRoom } from "./chat-room";
import { WIDGET_SCRIPT } from "./widget-script";

/** Browsers may keep the script five minutes: a new widget reaches every site soon after a deploy. */
const WIDGET_MAX_AGE_SECONDS = 300;

export const chatRoutes = new Hono<AppEnv>()
  .get(
    "/widget.js",
    () =>
      new Response(WIDGET_SCRIPT, {
        headers: {
          "Content-Type": "text/javascript; charset=utf-8",
          "Cache-Control": `public, max-age=${WIDGET_MAX_AGE_SECONDS}`,
          // Sites on other origins load it (no-cors); nothing else of the app is shared.
          "Cross-Origin-Resource-Policy": "cross-origin",
          "X-Content-Type-Options": "nosniff",
        },
      }),
  )
  .get("/socket/:workspaceSlug", async (c) => {
    const visitor = VisitorId.safeParse(c.req.query("visitor"));
    if (!visitor.success) fail(400, `visitor: ${visitor.error.issues[0]?.message ?? "is required"}`);
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") fail(426, "Expected a WebSocket upgrade");
    const slug = c.req.param("workspaceSlug");
    const ws = await c.get("db").query.workspace.findFirst({ where: eq(workspace.slug, slug) });
    if (!ws) fail(404, "No workspace takes chats at this address");
    const who: ChatWho = { workspaceId: ws.id, visitor: visitor.data };
    const headers = new Headers(c.req.raw.headers);
    headers.set(CHAT_WHO_HEADER, JSON.stringify(who));
    return chatRoom(c.env, ws.id, visitor.data).fetch(new Request(c.req.raw.url, { headers }));
  })
  .all("*", () => fail(404, "No such chat route"));

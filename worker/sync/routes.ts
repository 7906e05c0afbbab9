/**
 * `/sync/<tableId>` (the app's multiplexed socket) and `/sync/<tableId>:<doc>` (one y-websocket
 * doc): the actor must be a member of the table's workspace; the upgrade then goes to the table's
 * TableRoom with the actor attached. Viewers connect read-only. The app's socket names the layout
 * its page reads (`?layout=`); an older page gets CLOSE_OUTDATED.
 */
import { Hono } from "hono";
import { isTableId, LAYOUT_VERSION, parseRoom } from "../../sync/layout";
import { CLOSE_OUTDATED } from "../../sync/protocol";
import { requireActor } from "../api/access";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { requireTable } from "../api/tables";
import { actorMiddleware } from "../auth/actor";
import type { SocketActor } from "../durable/socket-peer";
import { ACTOR_HEADER } from "../durable/table-room";

export const syncRoutes = new Hono<AppEnv>().use(actorMiddleware).get("/:room", async (c) => {
  requireActor(c);
  const room = c.req.param("room");
  const tableId = room.includes(":") ? parseRoom(room)?.tableId : room;
  if (!tableId || !isTableId(tableId)) fail(404, `Unknown doc: ${room}`);
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") fail(426, "Expected a WebSocket upgrade");
  const { room: stub, access } = await requireTable(c, tableId, "read");
  // The app's own socket names the layout its page reads; an older page is told to reload.
  if (!room.includes(":") && !(Number(c.req.query("layout")) >= LAYOUT_VERSION)) return outdated();
  const actor: SocketActor = {
    userId: access.actor.kind === "user" ? access.actor.userId : null,
    tokenId: access.actor.kind === "token" ? access.actor.tokenId : null,
    role: access.role,
  };
  const headers = new Headers(c.req.raw.headers);
  headers.set(ACTOR_HEADER, JSON.stringify(actor));
  return stub.fetch(new Request(c.req.raw.url, { headers }));
});

/** An accepted socket closed at once with CLOSE_OUTDATED: a close code is what a page's socket can read. */
function outdated(): Response {
  const [client, server] = Object.values(new WebSocketPair());
  server!.accept();
  server!.close(CLOSE_OUTDATED, "This page is older than the table's layout: reload it");
  return new Response(null, { status: 101, webSocket: client });
}

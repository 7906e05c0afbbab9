/**
 * `/sync/<tableId>` (the app's multiplexed socket) and `/sync/<tableId>:<doc>` (one y-websocket
 * doc): the actor must be a member of the table's workspace; the upgrade then goes to the table's
 * TableRoom with the actor attached. Viewers connect read-only.
 */
import { Hono } from "hono";
import { isTableId, parseRoom } from "../../sync/layout";
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
  const actor: SocketActor = {
    userId: access.actor.kind === "user" ? access.actor.userId : null,
    tokenId: access.actor.kind === "token" ? access.actor.tokenId : null,
    role: access.role,
  };
  const headers = new Headers(c.req.raw.headers);
  headers.set(ACTOR_HEADER, JSON.stringify(actor));
  return stub.fetch(new Request(c.req.raw.url, { headers }));
});

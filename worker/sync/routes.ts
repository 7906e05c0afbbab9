/**
 * `/sync/<tableId>[:<doc>]`: WebSocket upgrades to the table's TableRoom, after the actor is
 * known and is a member of the table's workspace. Tables are registered by the sync engine;
 * until a table exists the upgrade is refused with 404.
 */
import { Hono } from "hono";
import { requireActor } from "../api/access";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { actorMiddleware } from "../auth/actor";

export const syncRoutes = new Hono<AppEnv>().use(actorMiddleware).get("/:room", (c) => {
  requireActor(c);
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") fail(426, "Expected a WebSocket upgrade");
  fail(404, `Unknown table: ${c.req.param("room").split(":")[0]}`);
});

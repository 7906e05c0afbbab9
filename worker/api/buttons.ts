/**
 * `POST /api/tables/:id/rows/:rowId/buttons/:columnId`: presses a button cell. Editors and
 * owners only. 400 for a column that is not a button, 409 while the button is disabled for the
 * row or its last press is still queued or running; otherwise 202 with the run's id and state.
 */
import { Hono } from "hono";
import type { AppEnv } from "./context";
import { requireTable, unwrap } from "./tables";

export const buttonRoutes = new Hono<AppEnv>().post("/:columnId", async (c) => {
  const { room, access } = await requireTable(c, c.req.param("id")!, "write");
  const { actor } = access;
  const by = actor.kind === "user" ? actor.userId : `token:${actor.tokenId}`;
  const pressed = unwrap(await room.pressButton(c.req.param("rowId")!, c.req.param("columnId"), by));
  return c.json(pressed, 202);
});

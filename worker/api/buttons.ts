/**
 * `POST /api/tables/:id/rows/:rowId/buttons/:columnId`: presses a button cell. Editors and
 * owners only. 400 for a column that is not a button, 409 while the button is disabled for the
 * row or its last press is still queued or running; otherwise 202 with the run's id and state.
 * A button whose action is for owners only (a territory scraped during its cooldown) is refused
 * to editors with 403, and an owner's press is recorded in the activity log.
 */
import { Hono } from "hono";
import { ownersOnlyReason } from "../../automation/actions";
import { ButtonOptions } from "../../schema/buttons";
import { can } from "../../schema/roles";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { requireTable, unwrap } from "./tables";

export const buttonRoutes = new Hono<AppEnv>().post("/:columnId", async (c) => {
  const { room, access } = await requireTable(c, c.req.param("id")!, "write");
  const { actor } = access;
  const by = actor.kind === "user" ? actor.userId : `token:${actor.tokenId}`;
  const rowId = c.req.param("rowId")!;
  const column = (await room.describe()).columns.find((col) => col.id === c.req.param("columnId"));
  const options = ButtonOptions.safeParse(column?.options);
  const ownersOnly = options.success ? ownersOnlyReason(options.data.action.name, options.data.action.params) : null;
  if (ownersOnly && !can(access.role, "manage")) fail(403, ownersOnly);
  const pressed = unwrap(await room.pressButton(rowId, c.req.param("columnId"), by));
  if (ownersOnly && options.success)
    await audit(c.get("db"), access, "button.pressed", rowId, { column: column!.name, action: options.data.action });
  return c.json(pressed, 202);
});

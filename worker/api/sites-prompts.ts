/**
 * `GET /api/sites/prompts`: the workspace's Prompts table (made and seeded with the defaults on
 * first use) as a list of its rows without their text, for screens that compare variants. Prompts
 * are edited through the table's rows API (`/api/tables/:tableId/rows`) or the grid.
 */
import { Hono } from "hono";
import type { PromptListing } from "../../schema/site-prompts";
import { ensurePrompts, promptRows } from "../sites/prompts/table";
import type { AppEnv } from "./context";
import { workspaceFor } from "./tables";

export const sitePromptRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
  const table = await ensurePrompts(c.env, c.get("db"), access.workspace.id, createdBy);
  const prompts = (await promptRows(table)).map(({ text: _text, ...row }) => row);
  return c.json({ tableId: table.id, prompts } satisfies PromptListing);
});

/**
 * `GET/PATCH /api/sites/settings`: each agent's model and output token limit, whether bulk
 * regeneration may use the Message Batches API, and the hosts sites may load styles and fonts
 * from. Members read them; owners change them.
 */
import { Hono } from "hono";
import { SiteSettingsChange } from "../../schema/site-settings";
import { nextSiteSettings, readSiteSettings, saveSiteSettings } from "../sites/settings";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { readBody } from "./errors";
import { workspaceFor } from "./tables";

export const siteSettingsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await readSiteSettings(c.get("db"), access.workspace.id));
  })
  .patch("/", async (c) => {
    const change = await readBody(c, SiteSettingsChange);
    const access = await workspaceFor(c, "manage");
    const db = c.get("db");
    const saved = nextSiteSettings(await readSiteSettings(db, access.workspace.id), change);
    const updatedBy = access.actor.kind === "user" ? access.actor.userId : null;
    await saveSiteSettings(db, access.workspace.id, saved, updatedBy);
    await audit(db, access, "sites.settings-changed", null, { changed: Object.keys(change) });
    return c.json(saved);
  });

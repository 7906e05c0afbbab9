/**
 * Sites over HTTP (`/api/sites`): generate a business's site, list sites (filtered by status and
 * vibe) and read one with its stage timeline, publish and unpublish them, list a site's versions
 * and restore one. The workspace is chosen as for `/api/tables`. A generated site waits in review
 * until a person publishes it; a version with quality findings is published only with
 * `{ "confirm": true }`.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { MAX_BATCH_SITES } from "../../automation/sites/agents/batch";
import type { Permission } from "../../schema/roles";
import { SiteAgent } from "../../schema/site-agents";
import { SiteListQuery } from "../../schema/sites-api";
import { HuntingMissingError } from "../hunting/errors";
import { findHunting, type Hunting } from "../hunting/tables";
import type { TableHandle } from "../kinds/tables";
import { allRows } from "../projects/store";
import { regenerateSites, SiteBatchError } from "../sites/batch";
import {
  generateSite,
  publishSite,
  regenerateSite,
  SiteBusyError,
  SiteInputError,
  unpublishSite,
} from "../sites/generate";
import { SiteFindingsError } from "../sites/quality-store";
import { findSites } from "../sites/tables";
import { listVersions, restoreVersion } from "../sites/versions";
import { siteDetail, siteList } from "../sites/view";
import type { AppEnv } from "./context";
import { fail, parseBody, readBody } from "./errors";
import { sitePromptRoutes } from "./sites-prompts";
import { siteSettingsRoutes } from "./sites-settings";
import { workspaceFor } from "./tables";

const GenerateRequest = z.object({
  businessRowId: z.string().min(1),
  /** A Prompts table variant the agents use where they have it active (ignored by the fallback). */
  variant: z.string().trim().min(1).max(60).optional(),
});
const RegenerateRequest = z.object({ stage: SiteAgent });
const RegenerateManyRequest = z.object({
  siteIds: z.union([z.array(z.string().min(1)).min(1).max(MAX_BATCH_SITES), z.literal("all")]),
  stage: SiteAgent.default("analyst"),
  /** One Message Batch (half the price, within 24 hours) when the workspace allows the delay. */
  batch: z.boolean().default(false),
});
const PublishRequest = z.object({
  confirm: z.boolean().default(false),
  /** The version the person reviewed: a newer one is refused (409) rather than published unseen. */
  version: z.number().int().min(1).optional(),
});
const RestoreRequest = z.object({ version: z.number().int().min(1) });

async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HuntingMissingError) fail(404, error.message);
    if (error instanceof SiteInputError) fail(400, error.message);
    if (error instanceof SiteBusyError) fail(409, error.message);
    if (error instanceof SiteBatchError) fail(502, error.message);
    throw error;
  }
}

/** A JSON body that may be left out (then `{}`); a body that is not JSON is a 400. */
async function optionalJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    fail(400, "Malformed JSON body");
  }
}

async function huntingOf(c: Context<AppEnv>, permission: Permission): Promise<Hunting> {
  const access = await workspaceFor(c, permission);
  const h = await findHunting(c.env, c.get("db"), access.workspace.id);
  if (!h) fail(404, "This workspace has no Businesses table yet: add a territory first");
  return h;
}

async function sitesOf(c: Context<AppEnv>, permission: Permission): Promise<{ sites: TableHandle; h: Hunting }> {
  const h = await huntingOf(c, permission);
  const sites = await findSites(c.env, c.get("db"), h.workspaceId);
  if (!sites) fail(404, "Site not found");
  return { sites, h };
}

export const siteApiRoutes = new Hono<AppEnv>()
  // Before "/:id", which would take these paths for a site's id.
  .route("/settings", siteSettingsRoutes)
  .route("/prompts", sitePromptRoutes)
  .post("/generate", async (c) => {
    const { businessRowId, variant } = await readBody(c, GenerateRequest);
    const access = await workspaceFor(c, "write");
    const h = await huntingOf(c, "write");
    const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
    const site = await answer(() => generateSite(c.env, h, businessRowId, createdBy, variant));
    // With the agents the site is made on a queue: 202 until then; the fallback is there at once.
    const body = { siteId: site.id, status: site.status, slug: site.slug, version: site.version };
    return c.json(body, site.status === "queued" ? 202 : 201);
  })
  .post("/regenerate", async (c) => {
    const request = await readBody(c, RegenerateManyRequest);
    const { sites, h } = await sitesOf(c, "write");
    return c.json(await answer(() => regenerateSites(c.env, h, sites, request)), 202);
  })
  .get("/", async (c) => {
    // An empty parameter (`?status=`) is no filter, as a form with "All" chosen sends it.
    const query = { status: c.req.query("status") || undefined, vibe: c.req.query("vibe") || undefined };
    const filter = parseBody(query, SiteListQuery);
    const access = await workspaceFor(c, "read");
    const sites = await findSites(c.env, c.get("db"), access.workspace.id);
    const h = sites ? await findHunting(c.env, c.get("db"), access.workspace.id) : null;
    return c.json(await siteList(sites, h, sites ? await allRows(sites, []) : [], filter));
  })
  .get("/:id", async (c) => {
    const { sites, h } = await sitesOf(c, "read");
    const [row] = await sites.room.readRows([c.req.param("id")]);
    if (!row) fail(404, "Site not found");
    return c.json(await siteDetail(c.env, sites, h, row));
  })
  .post("/:id/regenerate", async (c) => {
    const { stage } = await readBody(c, RegenerateRequest);
    const { sites, h } = await sitesOf(c, "write");
    const site = await answer(() => regenerateSite(c.env, h, sites, c.req.param("id"), stage));
    return c.json({ siteId: site.id, status: site.status, slug: site.slug, version: site.version }, 202);
  })
  .post("/:id/publish", async (c) => {
    const { confirm, version } = parseBody(await optionalJson(c), PublishRequest);
    const { sites, h } = await sitesOf(c, "write");
    try {
      return c.json(
        await answer(() => publishSite(c.env, h.workspaceId, sites, c.req.param("id"), { confirm, version })),
      );
    } catch (error) {
      // The findings themselves, so a client can show what the person is asked to accept.
      if (!(error instanceof SiteFindingsError)) throw error;
      return c.json({ error: { status: 409, message: error.message }, findings: error.findings }, 409);
    }
  })
  .get("/:id/versions", async (c) => {
    const { sites, h } = await sitesOf(c, "read");
    const [row] = await sites.room.readRows([c.req.param("id")]);
    if (!row) fail(404, "Site not found");
    return c.json({ versions: await listVersions(c.env, h.workspaceId, row.id) });
  })
  .post("/:id/restore", async (c) => {
    const { version } = await readBody(c, RestoreRequest);
    const { sites, h } = await sitesOf(c, "write");
    return c.json(await answer(() => restoreVersion(c.env, h.workspaceId, sites, c.req.param("id"), version)));
  })
  .post("/:id/unpublish", async (c) => {
    const { sites, h } = await sitesOf(c, "write");
    return c.json(await answer(() => unpublishSite(c.env, h.workspaceId, sites, c.req.param("id"))));
  });

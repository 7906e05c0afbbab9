/**
 * Business hunting over HTTP: territories (`/api/territories`: made, edited, scraped in turn),
 * businesses (`/api/businesses`: listed with their scores, emails found) and the hunting page's
 * reads and settings (`/api/hunting`). The workspace is chosen as for `/api/tables`; the hunting
 * tables are made from their template by the first write that needs them.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { isDiscoveryError, isUpstream, locate } from "../../automation/discovery";
import type { HuntingSettingsInput, ScrapeRun, TerritoryRecord } from "../../schema/hunting-api";
import { CreateTerritory, HuntingSettings, ScrapeRequest, UpdateTerritory } from "../../schema/hunting-api";
import { can, type Permission } from "../../schema/roles";
import {
  CooldownError,
  HuntingBusyError,
  HuntingForbiddenError,
  HuntingInputError,
  HuntingMissingError,
} from "../hunting/errors";
import { findEmail } from "../hunting/find-email";
import { businessList } from "../hunting/list";
import { scrapeNext } from "../hunting/next";
import { readMap, readReport } from "../hunting/overview";
import { allRuns, awaitRun, latestRun, startScrape } from "../hunting/runs";
import { applyScoring } from "../hunting/scoring";
import { nextHuntingSettings, readHuntingSettings, saveHuntingSettings } from "../hunting/settings";
import { checkSource } from "../hunting/sources";
import { ensureHunting, findHunting, type Hunting } from "../hunting/tables";
import {
  allTerritories,
  createTerritory,
  deleteTerritory,
  territoryRecord,
  territoryRow,
  updateTerritory,
} from "../hunting/territories";
import { geocoderFor, providerKeys } from "../projects/discover";
import type { Access } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { workspaceFor } from "./tables";

/** A scrape that ends within this long answers with its counts; a longer one answers 202 with its run. */
export const SCRAPE_ANSWER_WITHIN_MS = 20_000;

async function answer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HuntingMissingError) fail(404, error.message);
    if (error instanceof HuntingInputError) fail(400, error.message);
    if (error instanceof HuntingBusyError) fail(409, error.message);
    if (error instanceof HuntingForbiddenError) fail(403, error.message);
    if (isDiscoveryError(error)) fail(isUpstream(error) ? 502 : 400, error.message);
    throw error;
  }
}

/** The hunting tables: made on the first write; a read before that finds nothing. */
async function huntingFor(c: Context<AppEnv>, permission: Permission): Promise<{ h: Hunting | null; access: Access }> {
  const access = await workspaceFor(c, permission);
  const db = c.get("db");
  if (permission === "read") return { h: await findHunting(c.env, db, access.workspace.id), access };
  const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
  return { h: await ensureHunting(c.env, db, access.workspace.id, createdBy), access };
}

async function existing(c: Context<AppEnv>, permission: Permission): Promise<{ h: Hunting; access: Access }> {
  const { h, access } = await huntingFor(c, permission);
  if (!h) fail(404, "Territory not found");
  return { h, access };
}

async function withLastRuns(h: Hunting, territories: Omit<TerritoryRecord, "lastRun">[]): Promise<TerritoryRecord[]> {
  const runs = await allRuns(h);
  return territories.map((t) => ({ ...t, lastRun: runs.find((run) => run.territoryId === t.id) ?? null }));
}

/** A scrape the provider failed, as the API's errors read, with the run that records it. */
const failedRun = (run: ScrapeRun) => ({
  error: { message: run.error ?? "The scrape failed", status: 502 },
  runId: run.runId,
  territoryId: run.territoryId,
});

export const territoryRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { h } = await huntingFor(c, "read");
    return c.json(h ? await withLastRuns(h, await allTerritories(h)) : []);
  })
  .post("/", async (c) => {
    const body = await readBody(c, CreateTerritory);
    const { h, access } = await huntingFor(c, "write");
    const keys = await providerKeys(c.env, c.get("db"), access.workspace.id);
    const id = await answer(() => createTerritory(h!, body, (location) => locate(location, geocoderFor(c.env, keys))));
    return c.json({ id }, 201);
  })
  .post("/scrape-next", async (c) => {
    const { h, access } = await huntingFor(c, "write");
    const settings = await readHuntingSettings(c.get("db"), access.workspace.id);
    const keys = await providerKeys(c.env, c.get("db"), access.workspace.id);
    const started = await answer(() => {
      checkSource(settings.defaultSource, keys, undefined);
      return scrapeNext(c.env, h!, settings, "scrape-next");
    });
    if (!started) return c.body(null, 204);
    const run = await awaitRun(h!, started.runId, SCRAPE_ANSWER_WITHIN_MS);
    if (!run) return c.json({ territoryId: started.territoryId, runId: started.runId }, 202);
    if (run.status === "failed") return c.json(failedRun(run), 502);
    return c.json(run);
  })
  .get("/:id", async (c) => {
    const { h } = await existing(c, "read");
    const row = await answer(() => territoryRow(h, c.req.param("id")));
    return c.json({ ...territoryRecord(h, row), lastRun: await latestRun(h, row.id) });
  })
  .patch("/:id", async (c) => {
    const body = await readBody(c, UpdateTerritory);
    const { h, access } = await existing(c, "write");
    const keys = await providerKeys(c.env, c.get("db"), access.workspace.id);
    const id = c.req.param("id");
    await answer(() =>
      updateTerritory(h, id, body, {
        owner: can(access.role, "manage"),
        geocode: (location) => locate(location, geocoderFor(c.env, keys)),
      }),
    );
    return c.json({ ...territoryRecord(h, await territoryRow(h, id)), lastRun: await latestRun(h, id) });
  })
  .delete("/:id", async (c) => {
    const { h, access } = await existing(c, "write");
    const id = c.req.param("id");
    await answer(() => deleteTerritory(h, id));
    await audit(c.get("db"), access, "territory.deleted", id);
    return c.body(null, 204);
  })
  .post("/:id/scrape", async (c) => {
    const body = await readBody(c, ScrapeRequest);
    const { h, access } = await existing(c, "write");
    if (body.force && !can(access.role, "manage")) fail(403, "Only owners can scrape a territory during its cooldown");
    const id = c.req.param("id");
    const db = c.get("db");
    const settings = await readHuntingSettings(db, access.workspace.id);
    const source = body.source ?? settings.defaultSource;
    const keys = await providerKeys(c.env, db, access.workspace.id);
    let runId: string;
    try {
      runId = await answer(async () => {
        checkSource(source, keys, body.csv);
        return startScrape(c.env, h, id, { source, csv: body.csv, force: body.force, trigger: "api", settings });
      });
    } catch (error) {
      if (error instanceof CooldownError)
        return c.json({ error: { message: error.message, status: 409 }, cooldownUntil: error.cooldownUntil }, 409);
      throw error;
    }
    if (body.force) await audit(db, access, "territory.scrape-forced", id, { runId, source });
    const run = await awaitRun(h, runId, SCRAPE_ANSWER_WITHIN_MS);
    if (!run) return c.json({ runId }, 202);
    if (run.status === "failed") return c.json(failedRun(run), 502);
    return c.json(run);
  });

export const businessRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { h } = await huntingFor(c, "read");
    return c.json(h ? await answer(() => businessList(h, c.req.query())) : { rows: [], nextCursor: null });
  })
  .post("/:rowId/find-email", async (c) => {
    const { h } = await huntingFor(c, "write");
    return c.json(await answer(() => findEmail(c.env, h!, c.req.param("rowId"))));
  });

export const huntingRoutes = new Hono<AppEnv>()
  .get("/tables", async (c) => {
    const { h } = await huntingFor(c, "read");
    return c.json(h ? h.ids : null);
  })
  .get("/report", async (c) => {
    const { h } = await huntingFor(c, "read");
    if (!h) fail(404, "This workspace has no hunting tables yet: add a territory first");
    return c.json(await readReport(h));
  })
  .get("/map", async (c) => {
    const { h } = await huntingFor(c, "read");
    return c.json(h ? await readMap(h) : { territories: [], businesses: [] });
  })
  .get("/settings", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await readHuntingSettings(c.get("db"), access.workspace.id));
  })
  .put("/settings", async (c) => {
    const body = await readBody(c, z.record(z.string(), z.unknown()));
    const unknown = Object.keys(body).find((key) => !(key in HuntingSettings.shape));
    if (unknown) fail(400, `${unknown}: not a hunting setting (${Object.keys(HuntingSettings.shape).join(", ")})`);
    const { h, access } = await huntingFor(c, "manage");
    const updatedBy = access.actor.kind === "user" ? access.actor.userId : null;
    const before = await readHuntingSettings(c.get("db"), access.workspace.id);
    const saved = await answer(async () => nextHuntingSettings(before, body as HuntingSettingsInput));
    // The grid first: settings saved only once their formulas are, so a failure can be tried again.
    if (JSON.stringify(before.scoring) !== JSON.stringify(saved.scoring)) await applyScoring(c.env, h!, saved.scoring);
    await saveHuntingSettings(c.get("db"), access.workspace.id, saved, updatedBy);
    await audit(c.get("db"), access, "hunting.settings-changed", null, { changed: Object.keys(body) });
    return c.json(saved);
  });

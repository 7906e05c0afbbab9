import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { workspaceSetting } from "../../schema/db";
import { getDb } from "../db";
import { call, json, ownerWithWorkspace } from "../test/http";
import { DEFAULT_SITE_SETTINGS, readSiteSettings } from "./settings";

const allowsBatchDelay = async (db: ReturnType<typeof getDb>, workspaceId: string) =>
  (await readSiteSettings(db, workspaceId)).allowBatchDelay;

import { allBatchStates, type BatchState, deleteBatchState, readBatchState, saveBatchState } from "./batch-state";

async function setSites(workspaceId: string, value: string) {
  const row = { value, updatedBy: null, updatedAt: new Date() };
  await getDb(env.DB)
    .insert(workspaceSetting)
    .values({ workspaceId, key: "sites", ...row })
    .onConflictDoUpdate({ target: [workspaceSetting.workspaceId, workspaceSetting.key], set: row });
}

describe("sites — Message Batches in the Worker", () => {
  it("reads the batch delay as allowed only from sites settings that say so", async () => {
    const { ws } = await ownerWithWorkspace();
    const db = getDb(env.DB);
    expect(await allowsBatchDelay(db, ws.id)).toBe(false);
    await setSites(ws.id, JSON.stringify({ ...DEFAULT_SITE_SETTINGS, allowBatchDelay: true }));
    expect(await allowsBatchDelay(db, ws.id)).toBe(true);
    await setSites(ws.id, JSON.stringify({ ...DEFAULT_SITE_SETTINGS, allowBatchDelay: "yes" }));
    expect(await allowsBatchDelay(db, ws.id)).toBe(false);
    await setSites(ws.id, "{not json");
    expect(await allowsBatchDelay(db, ws.id)).toBe(false);
  });

  it("keeps a batch in flight in D1, one row a batch, until it is forgotten", async () => {
    const { ws } = await ownerWithWorkspace();
    const db = getDb(env.DB);
    const state = (batchId: string): BatchState => ({
      batchId,
      workspaceId: ws.id,
      stage: "analyst",
      siteIds: ["r1", "r2"],
      huntingIds: { territories: "t", businesses: "b", runs: "r" },
      createdAt: new Date().toISOString(),
      poll: 1,
      delaySeconds: 30,
      nextPollAt: new Date().toISOString(),
    });
    await saveBatchState(db, state("msgbatch_a"));
    await saveBatchState(db, state("msgbatch_b"));
    await saveBatchState(db, { ...state("msgbatch_a"), poll: 2 });
    expect(await readBatchState(db, ws.id, "msgbatch_a")).toMatchObject({ poll: 2, siteIds: ["r1", "r2"] });
    const mine = (await allBatchStates(db)).filter((s) => s.workspaceId === ws.id).map((s) => s.batchId);
    expect(mine.sort()).toEqual(["msgbatch_a", "msgbatch_b"]);
    await deleteBatchState(db, state("msgbatch_a"));
    expect(await readBatchState(db, ws.id, "msgbatch_a")).toBeNull();
    // The workspace's own settings are not batches.
    await setSites(ws.id, JSON.stringify({ ...DEFAULT_SITE_SETTINGS, allowBatchDelay: true }));
    expect((await allBatchStates(db)).filter((s) => s.workspaceId === ws.id)).toHaveLength(1);
  });

  // Making the first site (the fallback, checked in a browser) takes a few seconds.
  it("refuses a regeneration of no sites, of more than 500, or without an Anthropic key", {
    timeout: 60_000,
  }, async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const api = (body: unknown) => call(owner, "POST", `/api/sites/regenerate?workspace=${ws.slug}`, body);
    const { id } = await json<{ id: string }>(
      await call(owner, "POST", `/api/territories?workspace=${ws.slug}`, {
        query: "plumber",
        location: { zip: "78701" },
      }),
    );
    const csv = "name,category,phone,zip,rating,reviews\nJoe's Plumbing,Plumber,(512) 555-0142,78701,4.8,120";
    await call(owner, "POST", `/api/territories/${id}/scrape?workspace=${ws.slug}`, { source: "csv", csv });
    const { rows } = await json<{ rows: { rowId: string }[] }>(
      await call(owner, "GET", `/api/businesses?workspace=${ws.slug}&territory=${id}`),
    );
    const site = await json<{ siteId: string }>(
      await call(owner, "POST", `/api/sites/generate?workspace=${ws.slug}`, { businessRowId: rows[0]!.rowId }),
    );

    expect((await api({ siteIds: [] })).status).toBe(400);
    expect((await api({ siteIds: Array.from({ length: 501 }, (_, i) => `s${i}`) })).status).toBe(400);
    expect((await api({ siteIds: [site.siteId], stage: "painter" })).status).toBe(400);
    const noKey = await api({ siteIds: "all", batch: true });
    expect(noKey.status).toBe(400);
    expect(await json(noKey)).toMatchObject({
      error: { message: expect.stringMatching(/needs an Anthropic API key/) },
    });
  });
});

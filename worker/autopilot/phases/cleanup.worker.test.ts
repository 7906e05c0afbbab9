import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AutopilotSettings } from "../../../schema/autopilot";
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import { autopilotCycle, autopilotItem } from "../../../schema/db";
import type { CellValue } from "../../../schema/tables";
import { getDb } from "../../db";
import { readRun } from "../../hunting/runs";
import { ensureHunting } from "../../hunting/tables";
import { createTerritory } from "../../hunting/territories";
import { byKey, reader, type TableHandle, tableHandle } from "../../kinds/tables";
import { ensureMessaging } from "../../messaging/tables";
import { saveBatchState } from "../../sites/batch-state";
import { ensureSites } from "../../sites/tables";
import { ownerWithWorkspace } from "../../test/http";
import type { CycleContext } from "../context";
import { cleanupPhase } from "./cleanup";

const MINUTE_MS = 60_000;
const test = { kind: "automation" as const, job: "test" };
/** Between the stuck rows and the fresh ones, so the two are told apart by when their Status was written. */
const GAP_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function insert(table: TableHandle, cells: Record<string, CellValue>): Promise<string> {
  const inserted = await table.room.insertRows([byKey(table, cells)], test);
  if (!inserted.ok) throw new Error(inserted.message);
  return inserted.value[0]!;
}

/** A row's cells read by key, from a fresh handle (the phase added the Autopilot column). */
async function cellsOf(tableId: string, rowId: string) {
  const table = await tableHandle(env, tableId);
  const [row] = await table.room.readRows([rowId]);
  const r = reader(table, row!.cells);
  return { status: r.text("status"), error: r.text("error"), note: r.text(AUTOPILOT_NOTE_COLUMN.key), r };
}

describe("the cleanup phase", () => {
  it("sends work running for over two hours back with its reason, and leaves fresh work alone", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const db = getDb(env.DB);
    const h = await ensureHunting(env, db, ws.id, owner.id);
    const sites = await ensureSites(env, db, ws.id, owner.id, h.ids.businesses);
    const messaging = await ensureMessaging(env, db, ws.id, owner.id);

    // Stuck: their Status was written before the gap.
    const stuckSite = await insert(sites, { slug: "stuck", status: "generating" });
    const stuckQueuedSite = await insert(sites, { slug: "stuck-queued", status: "queued" });
    const batchedSite = await insert(sites, { slug: "batched", status: "queued" });
    const doneSite = await insert(sites, { slug: "done", status: "review" });
    const stuckMessage = await insert(messaging.messages, { status: "queued", channel: "email", to: "a@example.com" });
    await sleep(GAP_MS);
    const between = Date.now();
    await sleep(GAP_MS);
    const freshSite = await insert(sites, { slug: "fresh", status: "generating" });
    const freshMessage = await insert(messaging.messages, { status: "queued", channel: "email", to: "b@example.com" });

    // The cycle starts two hours after the gap: what was written before it has run for longer.
    const startedAt = new Date(between + 120 * MINUTE_MS);
    const ctx: CycleContext = {
      env,
      db,
      workspaceId: ws.id,
      cycleId: "cyc_test_cleanup",
      settings: AutopilotSettings.parse({}),
      startedAt,
      actorId: owner.id,
    };
    await saveBatchState(db, {
      batchId: "msgbatch_test",
      workspaceId: ws.id,
      stage: "analyst",
      siteIds: [batchedSite],
      huntingIds: h.ids,
      createdAt: new Date().toISOString(),
      poll: 0,
      delaySeconds: 60,
      nextPollAt: new Date().toISOString(),
    });

    // Territories: how long is their open run's Started.
    const scraping = async (startedMinutesAgo: number) => {
      const id = await createTerritory(h, { query: "plumber", location: { zip: "78701" }, radiusMiles: 3 });
      await h.territories.room.patchRow(id, byKey(h.territories, { status: "scraping" }), test);
      const started = new Date(startedAt.getTime() - startedMinutesAgo * MINUTE_MS).toISOString();
      const runId = await insert(h.runs, { territory: [id], status: "running", source: "sample", started });
      return { id, runId };
    };
    const stuckTerritory = await scraping(150);
    const freshTerritory = await scraping(30);

    // Ledger items left claimed: one by a cycle that failed, one by the cycle running now.
    const cycle = (id: string, status: string) => ({
      id,
      workspaceId: ws.id,
      status,
      trigger: "button",
      plan: "[]",
      startedAt: new Date(),
    });
    await db.insert(autopilotCycle).values([cycle("cyc_test_dead", "failed"), cycle("cyc_test_live", "running")]);
    const item = (cycleId: string) => ({
      workspaceId: ws.id,
      action: "generate",
      itemId: "row_x",
      cycleId,
      state: "claimed",
      at: new Date(),
    });
    await db.insert(autopilotItem).values([item("cyc_test_dead"), item("cyc_test_live")]);

    const result = await cleanupPhase(ctx);
    expect(result).toMatchObject({
      name: "cleanup",
      done: 5,
      failed: 0,
      error: null,
      counts: { territories: 1, sites: 2, messages: 1, items: 1 },
    });

    const territory = await cellsOf(h.ids.territories, stuckTerritory.id);
    expect(territory.status).toBe("pending");
    expect(territory.r.text("lastError")).toBe("Stopped by Autopilot: scraping for over 2 hours");
    expect(territory.note).toMatch(
      /^Back to pending: Stopped by Autopilot: scraping for over 2 hours · cycle cyc_test_cleanup/,
    );
    expect(await readRun(h, stuckTerritory.runId)).toMatchObject({
      status: "failed",
      error: "Stopped by Autopilot: scraping for over 2 hours",
    });
    expect((await cellsOf(h.ids.territories, freshTerritory.id)).status).toBe("scraping");
    expect((await readRun(h, freshTerritory.runId))?.status).toBe("running");

    const site = await cellsOf(sites.id, stuckSite);
    expect(site).toMatchObject({
      status: "failed",
      error: "Stopped by Autopilot: generating for over 2 hours. Generate again to retry.",
    });
    expect(site.note).toMatch(/^Failed: Stopped by Autopilot: generating for over 2 hours · cycle cyc_test_cleanup/);
    expect((await cellsOf(sites.id, stuckQueuedSite)).error).toBe(
      "Stopped by Autopilot: queued to generate for over 2 hours. Generate again to retry.",
    );
    expect((await cellsOf(sites.id, batchedSite)).status).toBe("queued");
    expect((await cellsOf(sites.id, doneSite)).status).toBe("review");
    expect((await cellsOf(sites.id, freshSite)).status).toBe("generating");

    const message = await cellsOf(messaging.ids.messages, stuckMessage);
    expect(message).toMatchObject({
      status: "failed",
      error: "Stopped by Autopilot: queued without being sent for over 2 hours",
    });
    expect(message.note).toMatch(/cycle cyc_test_cleanup/);
    expect((await cellsOf(messaging.ids.messages, freshMessage)).status).toBe("queued");

    const items = await db
      .select()
      .from(autopilotItem)
      .where(and(eq(autopilotItem.workspaceId, ws.id), eq(autopilotItem.itemId, "row_x")));
    expect(Object.fromEntries(items.map((i) => [i.cycleId, [i.state, i.detail]]))).toEqual({
      cyc_test_dead: ["failed", "Stopped by Autopilot: its cycle ended before this item was finished"],
      cyc_test_live: ["claimed", null],
    });

    // The same cycle again (a retried step): the same counts, no row written twice.
    const note = (await cellsOf(sites.id, stuckSite)).note;
    expect(await cleanupPhase(ctx)).toEqual(result);
    expect((await cellsOf(sites.id, stuckSite)).note).toBe(note);
  }, 60_000);
});

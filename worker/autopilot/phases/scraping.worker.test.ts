import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import { getDb } from "../../db";
import { allRuns, startScrape } from "../../hunting/runs";
import { readHuntingSettings, saveHuntingSettings } from "../../hunting/settings";
import { ensureHunting, type Hunting, QUALIFIED_RULE_ID } from "../../hunting/tables";
import { allTerritories, createTerritory } from "../../hunting/territories";
import { byKey, reader, tableHandle } from "../../kinds/tables";
import { allRows } from "../../projects/store";
import { call, ownerWithWorkspace } from "../../test/http";
import { claimItem } from "../ledger";
import { recordSpend } from "../spend";
import { cycleContextFor } from "../test/cycles";
import { scrapingPhase } from "./scraping";

const DAY_MS = 86_400_000;
const test = { kind: "automation" as const, job: "test" };

/** A workspace with hunting tables whose built-in "qualified lead" rule is off, so the phase's step is what qualifies. */
async function huntingWorkspace() {
  const { owner, ws, base } = await ownerWithWorkspace();
  const db = getDb(env.DB);
  const h = await ensureHunting(env, db, ws.id, owner.id);
  const rule = (await h.businesses.room.listRules()).find((r) => r.id === QUALIFIED_RULE_ID)!;
  const { version: _, ...rest } = rule;
  await h.businesses.room.saveRule({ ...rest, enabled: false });
  const cycle = cycleContextFor(ws.id, owner.id);
  return { owner, ws, base, db, h, cycle };
}

async function territory(h: Hunting, query: string, priority: number, cells: Record<string, unknown> = {}) {
  const id = await createTerritory(h, { query, location: { zip: "78701" }, radiusMiles: 3, priority });
  if (Object.keys(cells).length) await h.territories.room.patchRow(id, byKey(h.territories, cells as never), test);
  return id;
}

/** Businesses (fresh handle: the phase added the Autopilot column) by lead status. */
async function leads(h: Hunting) {
  const businesses = await tableHandle(env, h.ids.businesses);
  const rows = await allRows(businesses, []);
  const read = (row: (typeof rows)[number]) => reader(businesses, row.cells);
  return {
    qualifiedLeads: rows.filter((r) => read(r).text("leadStatus") === "qualified"),
    waiting: rows.filter((r) => read(r).get("qualified") === true && read(r).text("leadStatus") !== "qualified"),
    note: (r: (typeof rows)[number]) => read(r).text(AUTOPILOT_NOTE_COLUMN.key),
  };
}

describe("the scraping phase", () => {
  it("resets ended cooldowns, scrapes the capped due territories in order, qualifies up to its cap, and resumes without repeating", async () => {
    const { h, cycle } = await huntingWorkspace();
    const ago = new Date(Date.now() - DAY_MS).toISOString();
    const ahead = new Date(Date.now() + DAY_MS).toISOString();
    const first = await territory(h, "plumber", 9);
    const second = await territory(h, "electrician", 8);
    const cooled = await territory(h, "roofer", 7, { status: "cooldown", cooldownUntil: ago, lastScraped: ago });
    const fourth = await territory(h, "bakery", 6);
    const resting = await territory(h, "florist", 9, { status: "cooldown", cooldownUntil: ahead, lastScraped: ago });
    const settings = { caps: { territories: 2, qualify: 3 } };

    const a = cycle("cyc_test_scrape_a", settings);
    const result = await scrapingPhase(a);
    expect(result.counts).toMatchObject({ cooldownsReset: 1, scraped: 2, qualified: 3 });
    expect(result.counts?.found).toBeGreaterThan(0);
    expect(result).toMatchObject({ done: 5, failed: 0, error: null });
    const byId = async () => new Map((await allTerritories(h)).map((t) => [t.id, t]));
    let now = await byId();
    // The two of highest priority, by Autopilot; the ended cooldown is due again, the resting one untouched.
    expect(now.get(first)?.status).toBe("cooldown");
    expect(now.get(second)?.status).toBe("cooldown");
    expect(now.get(cooled)?.status).toBe("pending");
    expect(now.get(fourth)?.status).toBe("pending");
    expect(now.get(resting)?.status).toBe("cooldown");
    expect(now.get(resting)?.cooldownUntil).toBe(ahead);
    const runs = await allRuns(h);
    expect(runs.map((r) => [r.territoryId, r.trigger, r.status]).sort()).toEqual(
      [
        [first, "autopilot", "succeeded"],
        [second, "autopilot", "succeeded"],
      ].sort(),
    );
    expect(result.counts?.found).toBe(runs.reduce((n, r) => n + r.found, 0));
    expect(result.counts?.foundQualified).toBe(runs.reduce((n, r) => n + r.qualified, 0));
    const territories = await tableHandle(env, h.ids.territories);
    const notes = new Map(
      (await allRows(territories, [])).map((r) => [r.id, reader(territories, r.cells).text(AUTOPILOT_NOTE_COLUMN.key)]),
    );
    expect(notes.get(first)).toMatch(/^Scraped: \d+ found, \d+ new, \d+ qualified · cycle cyc_test_scrape_a · /);
    expect(notes.get(cooled)).toMatch(/^Cooldown over: pending again · cycle cyc_test_scrape_a/);
    expect(notes.get(resting)).toBe("");
    let seen = await leads(h);
    expect(seen.qualifiedLeads).toHaveLength(3);
    for (const row of seen.qualifiedLeads) expect(seen.note(row)).toMatch(/^Qualified · cycle cyc_test_scrape_a/);
    expect(seen.waiting.length).toBeGreaterThan(0);

    // The same cycle again (a retried step): the same counts, nothing scraped or qualified twice.
    const again = await scrapingPhase(a);
    expect(again).toEqual(result);
    expect(await allRuns(h)).toHaveLength(2);
    expect((await leads(h)).qualifiedLeads).toHaveLength(3);

    // The next cycle takes the next due territories (the cooled one before the fourth) and more leads.
    const b = await scrapingPhase(cycle("cyc_test_scrape_b", settings));
    expect(b.counts).toMatchObject({ cooldownsReset: 0, scraped: 2, qualified: 3 });
    now = await byId();
    expect(now.get(cooled)?.status).toBe("cooldown");
    expect(now.get(fourth)?.status).toBe("cooldown");
    expect((await allRuns(h)).filter((r) => r.territoryId === first)).toHaveLength(1);
    seen = await leads(h);
    expect(seen.qualifiedLeads).toHaveLength(6);
  }, 60_000);

  it("settles what a cycle whose Worker died had claimed: a started scrape is waited for, an unstarted one started, neither twice", async () => {
    const { h, cycle, db, ws } = await huntingWorkspace();
    const started = await territory(h, "plumber", 9);
    const unstarted = await territory(h, "electrician", 8);
    await territory(h, "roofer", 7);
    const ctx = cycle("cyc_test_resume", { caps: { territories: 2, qualify: 0 } });
    // The first attempt claimed both, started one scrape and died.
    expect(await claimItem(ctx, "scrape", started)).toBe("new");
    const settings = await readHuntingSettings(db, ws.id);
    await startScrape(env, h, started, { source: "sample", force: false, trigger: "autopilot", settings });
    expect(await claimItem(ctx, "scrape", unstarted)).toBe("new");

    const result = await scrapingPhase(ctx);
    expect(result).toMatchObject({ done: 2, failed: 0, skipped: 0, counts: { scraped: 2 } });
    const runs = await allRuns(h);
    expect(runs.map((r) => [r.territoryId, r.status]).sort()).toEqual(
      [
        [started, "succeeded"],
        [unstarted, "succeeded"],
      ].sort(),
    );
  }, 60_000);

  it("scrapes nothing from a paid source whose budget is reached, and says why", async () => {
    const { h, cycle, db, ws, owner, base } = await huntingWorkspace();
    await call(owner, "PATCH", `${base}/settings`, { secrets: { outscraperApiKey: "outscraper-123456" } });
    const hunting = await readHuntingSettings(db, ws.id);
    await saveHuntingSettings(db, ws.id, { ...hunting, defaultSource: "outscraper" }, owner.id);
    await territory(h, "plumber", 9);
    await territory(h, "electrician", 8);
    await territory(h, "roofer", 7);
    const ctx = cycle("cyc_test_budget", { caps: { territories: 2 }, budgets: { outscraper: 1 } });
    await recordSpend(ctx, "outscraper", 1.25, 100);

    const result = await scrapingPhase(ctx);
    expect(result).toMatchObject({ done: 0, failed: 0, skipped: 2, causes: { "budget reached": 2 } });
    expect(result.error).toMatch(/outscraper budget is reached/);
    expect(await allRuns(h)).toHaveLength(0);
    for (const t of await allTerritories(h)) expect(t.status).toBe("pending");
  }, 60_000);
});

/**
 * The hunting report (`GET /api/hunting/report`) from plain rows: totals, qualification rates by
 * category and by city, the best territories, cost per qualified lead and qualified leads per
 * week. The Worker reads the tables; this only counts, so the numbers are tested by hand.
 */
import type { BusinessListRow, HuntingReport, ScrapeRun, TerritoryRecord } from "../../schema/hunting-api";
import { websiteKind } from "./social";

export type ReportTerritory = Pick<TerritoryRecord, "id" | "name" | "status" | "found" | "qualified" | "costUsd">;
export type ReportBusiness = Pick<BusinessListRow, "category" | "city" | "state" | "qualified" | "email" | "website">;
export type ReportRun = Pick<
  ScrapeRun,
  "territoryId" | "status" | "startedAt" | "qualified" | "tiles" | "found" | "costUsd"
>;

export type HuntingReportInput = {
  territories: readonly ReportTerritory[];
  businesses: readonly ReportBusiness[];
  runs: readonly ReportRun[];
  now: Date;
};

/** Rows of the category and city tables: a screen's worth, the rest are the long tail. */
export const MAX_REPORT_GROUPS = 20;
/** Territories the report ranks. */
export const MAX_BEST_TERRITORIES = 10;
/** Weeks the chart shows: a quarter. */
export const REPORT_WEEKS = 12;
/** Where a business with no category or no place is counted. */
export const NO_CATEGORY = "No category";
export const NO_CITY = "No city";

const DAY_MS = 86_400_000;

/** `part / whole`, or null when there is no whole to divide by. */
const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Computes the report.
 * @example huntingReport({ territories, businesses, runs, now: new Date() }).totals.qualificationRate // 0.25
 */
export function huntingReport({ territories, businesses, runs, now }: HuntingReportInput): HuntingReport {
  const qualified = businesses.filter((b) => b.qualified).length;
  // A run that failed wrote nothing and one still running has no final counts yet.
  const finished = runs.filter((run) => run.status === "succeeded");
  const scrapedIds = new Set(finished.map((run) => run.territoryId));
  const costs = runs.flatMap((run) => (run.costUsd === null ? [] : [run.costUsd]));
  const costUsd = costs.reduce((sum, cost) => sum + cost, 0);
  return {
    totals: {
      territories: territories.length,
      // Cooldown only follows a scrape, even when its run has left the log.
      scraped: territories.filter((t) => scrapedIds.has(t.id) || t.status === "cooldown").length,
      businesses: businesses.length,
      qualified,
      qualificationRate: rate(qualified, businesses.length),
      withEmail: businesses.filter((b) => b.email.trim() !== "").length,
      noWebsite: businesses.filter((b) => websiteKind(b.website).kind !== "own").length,
      costUsd,
      costPerQualified: costs.length > 0 && qualified > 0 ? costUsd / qualified : null,
      // Every run's searches, failed ones too: they were made (and may have been paid for).
      tilesSearched: runs.reduce((sum, run) => sum + run.tiles, 0),
      placesFound: runs.reduce((sum, run) => sum + run.found, 0),
    },
    byCategory: groupRates(businesses, (b) => b.category.trim() || NO_CATEGORY),
    byCity: groupRates(businesses, cityKey),
    bestTerritories: territories
      .filter((t) => t.qualified > 0)
      .map((t) => ({
        territoryId: t.id,
        name: t.name,
        found: t.found,
        qualified: t.qualified,
        rate: rate(t.qualified, t.found),
      }))
      .sort((a, b) => b.qualified - a.qualified || (b.rate ?? 0) - (a.rate ?? 0) || a.name.localeCompare(b.name))
      .slice(0, MAX_BEST_TERRITORIES),
    weekly: weeklyQualified(finished, now),
  };
}

/** "Austin, TX"; the city or the state alone when only one is known. */
function cityKey(b: ReportBusiness): string {
  const city = b.city.trim();
  const state = b.state.trim().toUpperCase();
  return [city, state].filter(Boolean).join(", ") || NO_CITY;
}

type Group = HuntingReport["byCategory"][number];

/**
 * Businesses and qualified leads per key, best first (qualified, then businesses, then name).
 * Keys differing only in case are one group, shown as first written ("plumber" joins "Plumber").
 */
function groupRates(businesses: readonly ReportBusiness[], keyOf: (b: ReportBusiness) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const b of businesses) {
    const key = keyOf(b);
    const id = key.toLowerCase();
    const group = groups.get(id) ?? { key, businesses: 0, qualified: 0, rate: null };
    group.businesses++;
    if (b.qualified) group.qualified++;
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, rate: rate(g.qualified, g.businesses) }))
    .sort((a, b) => b.qualified - a.qualified || b.businesses - a.businesses || a.key.localeCompare(b.key))
    .slice(0, MAX_REPORT_GROUPS);
}

/** The Monday (UTC) that starts the ISO week of `time`, as milliseconds. */
function weekStart(time: number): number {
  const day = new Date(time);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight - ((day.getUTCDay() + 6) % 7) * DAY_MS;
}

/** Qualified leads by the week their run started, the last `REPORT_WEEKS` weeks up to `now`'s, each one present. */
function weeklyQualified(runs: readonly ReportRun[], now: Date): HuntingReport["weekly"] {
  const last = weekStart(now.getTime());
  const weeks = Array.from({ length: REPORT_WEEKS }, (_, i) => ({
    start: last - (REPORT_WEEKS - 1 - i) * 7 * DAY_MS,
    qualified: 0,
  }));
  const byStart = new Map(weeks.map((week) => [week.start, week]));
  for (const run of runs) {
    const started = Date.parse(run.startedAt);
    if (Number.isNaN(started)) continue;
    const week = byStart.get(weekStart(started));
    if (week) week.qualified += run.qualified;
  }
  return weeks.map((week) => ({ week: new Date(week.start).toISOString().slice(0, 10), qualified: week.qualified }));
}

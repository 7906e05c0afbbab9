import { describe, expect, it } from "vitest";
import { huntingReport, type ReportBusiness, type ReportRun, type ReportTerritory } from "./report";

/** Sunday 6 December 2026: its ISO week starts on Monday 30 November. */
const NOW = new Date("2026-12-06T11:00:00Z");

const territory = (id: string, name: string, status: ReportTerritory["status"], found: number, qualified: number) =>
  ({ id, name, status, found, qualified, costUsd: null }) satisfies ReportTerritory;

const run = (
  territoryId: string,
  status: ReportRun["status"],
  startedAt: string,
  counts: { qualified: number; tiles: number; found: number; costUsd: number | null },
): ReportRun => ({ territoryId, status, startedAt, ...counts });

const business = (
  category: string,
  city: string,
  state: string,
  qualified: boolean,
  email: string,
  website: string,
): ReportBusiness => ({ category, city, state, qualified, email, website });

const territories = [
  territory("t1", "Plumbers, Austin", "cooldown", 50, 5),
  territory("t2", "Bakeries, Dallas", "failed", 0, 0),
  territory("t3", "Salons, Austin", "pending", 12, 5),
  territory("t4", "Roofers, Waco", "pending", 0, 0),
  territory("t5", "Cafes, Dallas", "cooldown", 8, 2),
];

const runs = [
  run("t1", "succeeded", "2026-11-30T00:00:00Z", { qualified: 3, tiles: 1, found: 10, costUsd: 1.5 }),
  run("t1", "succeeded", "2026-11-29T23:59:59Z", { qualified: 2, tiles: 4, found: 40, costUsd: 0.5 }),
  run("t2", "failed", "2026-12-01T09:00:00Z", { qualified: 0, tiles: 1, found: 0, costUsd: 0.25 }),
  run("t2", "running", "2026-12-02T09:00:00Z", { qualified: 5, tiles: 2, found: 20, costUsd: null }),
  run("t3", "succeeded", "2026-09-13T12:00:00Z", { qualified: 7, tiles: 1, found: 7, costUsd: null }),
  run("t3", "succeeded", "2026-09-14T00:00:00Z", { qualified: 1, tiles: 1, found: 5, costUsd: null }),
  run("t3", "succeeded", "not a date", { qualified: 9, tiles: 0, found: 0, costUsd: null }),
];

const businesses = [
  business("Plumber", "Austin", "TX", true, "joe@plumb.com", ""),
  business("plumber", "austin", "tx", true, "", "https://facebook.com/joesplumbing"),
  business("Plumber", "Austin", "TX", false, " ", "https://joes.example/"),
  business("Bakery", "Dallas", "TX", true, "bake@wren.com", "instagram.com/wrenbakes"),
  business("Bakery", "Dallas", "TX", false, "", "bakery.example"),
  business("Bakery", "Dallas", "TX", false, "", "n/a"),
  business("", "", "", false, "", ""),
  business("Salon", "Austin", "TX", true, "hi@salon.com", "salon.example"),
  business("Salon", "", "TX", false, "", "salon-two.example"),
  business("Cafe", "Dallas", "TX", false, "", "cafe.example"),
];

const report = huntingReport({ territories, businesses, runs, now: NOW });

describe("huntingReport — what the hunting report shows", () => {
  it("totals businesses, leads, emails, sites, cost and searches", () => {
    expect(report.totals).toEqual({
      territories: 5,
      // t1 and t3 have finished runs, t5 is in cooldown; t2 only failed, t4 never ran.
      scraped: 3,
      businesses: 10,
      qualified: 4,
      qualificationRate: 0.4,
      withEmail: 3,
      // Empty, "n/a" and nothing at all, plus the Facebook and Instagram profiles.
      noWebsite: 5,
      costUsd: 2.25,
      costPerQualified: 2.25 / 4,
      tilesSearched: 10,
      placesFound: 82,
    });
  });

  it("rates each category, one group whatever the case, best first", () => {
    expect(report.byCategory).toEqual([
      { key: "Plumber", businesses: 3, qualified: 2, rate: 2 / 3 },
      { key: "Bakery", businesses: 3, qualified: 1, rate: 1 / 3 },
      { key: "Salon", businesses: 2, qualified: 1, rate: 0.5 },
      { key: "Cafe", businesses: 1, qualified: 0, rate: 0 },
      { key: "No category", businesses: 1, qualified: 0, rate: 0 },
    ]);
  });

  it("rates each city as 'City, ST'", () => {
    expect(report.byCity).toEqual([
      { key: "Austin, TX", businesses: 4, qualified: 3, rate: 0.75 },
      { key: "Dallas, TX", businesses: 4, qualified: 1, rate: 0.25 },
      { key: "No city", businesses: 1, qualified: 0, rate: 0 },
      { key: "TX", businesses: 1, qualified: 0, rate: 0 },
    ]);
  });

  it("ranks territories with qualified leads, the better rate first on a tie", () => {
    expect(report.bestTerritories).toEqual([
      { territoryId: "t3", name: "Salons, Austin", found: 12, qualified: 5, rate: 5 / 12 },
      { territoryId: "t1", name: "Plumbers, Austin", found: 50, qualified: 5, rate: 0.1 },
      { territoryId: "t5", name: "Cafes, Dallas", found: 8, qualified: 2, rate: 0.25 },
    ]);
  });

  it("charts the last 12 ISO weeks, Mondays in UTC, from finished runs only", () => {
    const weeks = [
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ];
    const qualified: Record<string, number> = { "2026-09-14": 1, "2026-11-23": 2, "2026-11-30": 3 };
    expect(report.weekly).toEqual(weeks.map((week) => ({ week, qualified: qualified[week] ?? 0 })));
  });

  it("counts a week across the new year from its Monday", () => {
    const weekly = huntingReport({
      territories: [],
      businesses: [],
      runs: [run("t1", "succeeded", "2027-01-03T23:00:00Z", { qualified: 4, tiles: 1, found: 4, costUsd: null })],
      now: new Date("2027-01-01T08:00:00Z"),
    }).weekly;
    expect(weekly).toHaveLength(12);
    expect(weekly[0]!.week).toBe("2026-10-12");
    expect(weekly[11]).toEqual({ week: "2026-12-28", qualified: 4 });
  });

  it("has no rates and no cost per lead when there is nothing to divide by", () => {
    const empty = huntingReport({ territories: [], businesses: [], runs: [], now: NOW });
    expect(empty.totals).toMatchObject({ qualificationRate: null, costUsd: 0, costPerQualified: null, scraped: 0 });
    expect(empty.byCategory).toEqual([]);
    expect(empty.bestTerritories).toEqual([]);
    expect(empty.weekly.map((w) => w.qualified)).toEqual(Array(12).fill(0));
    const noCost = huntingReport({
      territories,
      businesses,
      runs: runs.map((r) => ({ ...r, costUsd: null })),
      now: NOW,
    });
    expect(noCost.totals).toMatchObject({ costUsd: 0, costPerQualified: null });
    const noneQualified = huntingReport({
      territories,
      businesses: businesses.map((b) => ({ ...b, qualified: false })),
      runs,
      now: NOW,
    });
    expect(noneQualified.totals).toMatchObject({ qualificationRate: 0, costUsd: 2.25, costPerQualified: null });
  });

  it("keeps the 20 best categories and cities and the 10 best territories", () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      business(`Category ${String(i).padStart(2, "0")}`, `City ${i}`, "TX", i % 2 === 0, "", ""),
    );
    const lots = huntingReport({
      territories: Array.from({ length: 15 }, (_, i) => territory(`t${i}`, `Territory ${i}`, "cooldown", 20, i + 1)),
      businesses: many,
      runs: [],
      now: NOW,
    });
    expect(lots.byCategory).toHaveLength(20);
    expect(lots.byCategory.slice(0, 15).every((g) => g.qualified === 1)).toBe(true);
    expect(lots.byCategory[0]!.key).toBe("Category 00");
    expect(lots.byCity).toHaveLength(20);
    expect(lots.bestTerritories.map((t) => t.qualified)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
  });
});

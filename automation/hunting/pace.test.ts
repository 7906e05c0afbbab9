import { describe, expect, it } from "vitest";
import { type AutoScrape, coolingUntil, dueOrder, isDue, scheduleDue } from "./pace";

const auto = (change: Partial<AutoScrape>): AutoScrape => ({ enabled: true, everyMinutes: 60, dailyCap: 2, ...change });
const at = (iso: string) => new Date(iso);

const NOW = new Date("2026-12-06T12:00:00Z");
const territory = (name: string, change: Record<string, unknown>) => ({
  name,
  status: "pending",
  cooldownUntil: null as string | null,
  priority: 5,
  lastScraped: null as string | null,
  ...change,
});

describe("cooldown and the order of Scrape next", () => {
  it("rests a scraped territory until its cooldown ends, to the millisecond", () => {
    const resting = territory("a", { status: "cooldown", cooldownUntil: "2026-12-06T12:00:00.001Z" });
    expect(coolingUntil(resting, NOW)).toBe("2026-12-06T12:00:00.001Z");
    expect(isDue(resting, NOW)).toBe(false);
    const over = { ...resting, cooldownUntil: "2026-12-06T12:00:00.000Z" };
    expect(coolingUntil(over, NOW)).toBeNull();
    expect(isDue(over, NOW)).toBe(true);
    expect(isDue(territory("f", { status: "failed" }), NOW)).toBe(false);
    expect(isDue(territory("e", { status: "exhausted" }), NOW)).toBe(false);
    expect(isDue(territory("s", { status: "scraping" }), NOW)).toBe(false);
  });

  it("takes the highest priority first, then the one scraped longest ago, never scraped first of all", () => {
    const rested = (lastScraped: string) => ({
      status: "cooldown",
      cooldownUntil: "2026-12-01T00:00:00Z",
      lastScraped,
    });
    const list = [
      territory("low", { priority: 2 }),
      territory("high-recent", { priority: 9, ...rested("2026-11-24T00:00:00Z") }),
      territory("high-old", { priority: 9, ...rested("2026-11-13T00:00:00Z") }),
      territory("high-never", { priority: 9 }),
      territory("high-resting", { priority: 10, status: "cooldown", cooldownUntil: "2026-12-10T00:00:00Z" }),
    ];
    expect(dueOrder(list, NOW).map((t) => t.name)).toEqual(["high-never", "high-old", "high-recent", "low"]);
  });
});

describe("scheduled scraping", () => {
  it("is due when on, at its interval, until the day's cap", () => {
    expect(scheduleDue(auto({}), [], at("2026-12-06T10:00:00Z"))).toBe(true);
    expect(scheduleDue(auto({ enabled: false }), [], at("2026-12-06T10:00:00Z"))).toBe(false);
    const once = ["2026-12-06T10:00:00Z"];
    expect(scheduleDue(auto({}), once, at("2026-12-06T10:59:00Z"))).toBe(false);
    expect(scheduleDue(auto({}), once, at("2026-12-06T11:00:00Z"))).toBe(true);
    const twice = [...once, "2026-12-06T11:00:00Z"];
    expect(scheduleDue(auto({}), twice, at("2026-12-06T23:00:00Z"))).toBe(false);
    // A new UTC day starts a new count.
    expect(scheduleDue(auto({}), twice, at("2026-12-07T00:00:00Z"))).toBe(true);
    expect(scheduleDue(auto({ dailyCap: 3 }), twice, at("2026-12-06T12:00:00Z"))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { greatCircleMiles } from "../../discovery/geo";
import { websiteKind } from "../social";
import { sampleBusinesses, sampleCategoriesFor, sampleSource } from "./sample";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

describe("sample business directory", () => {
  const directory = sampleBusinesses(20_000, 1);

  it("is the same for the same seed, and every business is fictional and its own", () => {
    expect(sampleBusinesses(50, 1)).toEqual(directory.slice(0, 50));
    expect(new Set(directory.map((b) => b.placeId)).size).toBe(directory.length);
    expect(new Set(directory.map((b) => b.phone)).size).toBe(directory.length);
    for (const b of directory) {
      expect(b.phone).toMatch(/^\(\d{3}\) 555-01\d\d$/);
      if (b.website) expect(new URL(b.website).hostname.endsWith(".example")).toBe(true);
      if (b.email) expect(b.email.endsWith(".example")).toBe(true);
    }
  });

  it("holds leads worth hunting: many without a website, some with an email, a few chains", () => {
    const share = (test: (b: (typeof directory)[number]) => boolean) =>
      directory.filter(test).length / directory.length;
    expect(share((b) => websiteKind(b.website).kind === "none")).toBeGreaterThan(0.3);
    expect(share((b) => b.email !== "")).toBeGreaterThan(0.35);
    expect(share((b) => b.providerChain === true)).toBeGreaterThan(0.04);
    expect(share((b) => (b.reviews ?? 0) >= 100)).toBeGreaterThan(0.1);
  });

  it("reads a territory's query as categories, and knows when a search came back full", async () => {
    expect(sampleCategoriesFor("Plumbers in Austin")).toEqual(["Plumber"]);
    expect(sampleCategoriesFor("bakery and cafe")).toEqual(["Bakery", "Cafe"]);
    expect(sampleCategoriesFor("quantum physicist")).toEqual([]);
    const source = sampleSource(directory);
    const all = await source.search({
      query: "hair salon",
      center: AUSTIN,
      radiusMiles: 300,
      limit: 10_000,
      enrich: true,
    });
    expect(all.full).toBe(false);
    expect(all.records.length).toBeGreaterThan(5);
    for (const b of all.records) {
      expect(b.category).toBe("Hair salon");
      expect(greatCircleMiles(AUSTIN, { lat: b.latitude!, lng: b.longitude! })).toBeLessThanOrEqual(300);
    }
    const capped = await source.search({
      query: "hair salon",
      center: AUSTIN,
      radiusMiles: 300,
      limit: 3,
      enrich: true,
    });
    expect(capped).toMatchObject({ full: true, costUsd: 0 });
    expect(capped.records).toEqual(all.records.slice(0, 3));
  });
});

import { describe, expect, it } from "vitest";
import { greatCircleMiles } from "../../discovery/geo";
import { placeZip } from "../../discovery/zip";
import { websiteKind } from "../social";
import { sampleBusinesses, sampleCategoriesFor, sampleSource } from "./sample";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

describe("sample business directory", () => {
  const directory = sampleBusinesses(20_000, 1);

  it("is the same for the same seed, and every business is fictional and its own", () => {
    expect(sampleBusinesses(50, 1)).toEqual(directory.slice(0, 50));
    expect(sampleBusinesses(50, 2)).not.toEqual(directory.slice(0, 50));
    expect(new Set(directory.map((b) => b.placeId)).size).toBe(directory.length);
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

  it("has as many businesses as a city has ZIP codes, and finds the same ones from overlapping territories", async () => {
    const source = sampleSource();
    const downtown = await source.search({
      query: "plumber",
      center: AUSTIN,
      radiusMiles: 10,
      limit: 500,
      enrich: true,
    });
    expect(downtown.records.length).toBeGreaterThan(30);
    const wider = await source.search({ query: "plumbing", center: AUSTIN, radiusMiles: 20, limit: 500, enrich: true });
    const ids = new Set(wider.records.map((b) => b.placeId));
    expect(downtown.records.every((b) => ids.has(b.placeId))).toBe(true);
    const loop = await source.search({
      query: "bakery",
      center: placeZip("60601"),
      radiusMiles: 5,
      limit: 500,
      enrich: true,
    });
    expect(loop.records.length).toBeGreaterThan(20);
  });

  it("reads a territory's query as categories, and knows when a search came back full", async () => {
    expect(sampleCategoriesFor("Plumbers in Austin")).toEqual(["Plumber"]);
    expect(sampleCategoriesFor("bakery and cafe")).toEqual(["Bakery", "Cafe"]);
    expect(sampleCategoriesFor("quantum physicist")).toEqual([]);
    const source = sampleSource();
    const all = await source.search({
      query: "hair salon",
      center: AUSTIN,
      radiusMiles: 40,
      limit: 10_000,
      enrich: true,
    });
    expect(all.full).toBe(false);
    expect(all.records.length).toBeGreaterThan(120);
    for (const b of all.records) {
      expect(b.category).toBe("Hair salon");
      expect(greatCircleMiles(AUSTIN, { lat: b.latitude!, lng: b.longitude! })).toBeLessThanOrEqual(40);
    }
    const capped = await source.search({
      query: "hair salon",
      center: AUSTIN,
      radiusMiles: 40,
      limit: 120,
      enrich: true,
    });
    expect(capped).toMatchObject({ full: true, costUsd: 0 });
    expect(capped.records).toEqual(all.records.slice(0, 120));
    const none = await source.search({
      query: "quantum physicist",
      center: AUSTIN,
      radiusMiles: 40,
      limit: 120,
      enrich: true,
    });
    expect(none).toMatchObject({ records: [], full: false });
  });
});

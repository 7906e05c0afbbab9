import { describe, expect, it } from "vitest";
import { BusinessRecord } from "../../schema/hunting";
import { greatCircleMiles, offsetMiles } from "../discovery/geo";
import type { BusinessSource } from "./sources/types";
import { MAX_TILES, searchTiled, tilesOf } from "./tiles";

const AUSTIN = { lat: 30.2672, lng: -97.7431 };

/** A point `miles` from the centre at `bearing` radians. */
const pointAt = (miles: number, bearing: number) =>
  offsetMiles(AUSTIN, miles * Math.cos(bearing), miles * Math.sin(bearing));

/** Places spread over a 10-mile circle, deterministically. */
function places(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const at = pointAt(10 * Math.sqrt(((i * 7919) % count) / count), i * 2.399963);
    return BusinessRecord.parse({
      name: `Business ${i}`,
      latitude: at.lat,
      longitude: at.lng,
      placeId: `place-${i}`,
      source: "sample",
    });
  });
}

/** A map search as providers answer it: the nearest places in the circle, at most `cap`. */
function mapSearch(all: BusinessRecord[], cap: number): BusinessSource & { calls: number } {
  return {
    source: "sample",
    calls: 0,
    async search({ center, radiusMiles }) {
      this.calls += 1;
      const inside = all
        .map((r) => ({ r, d: greatCircleMiles(center, { lat: r.latitude!, lng: r.longitude! }) }))
        .filter((x) => x.d <= radiusMiles)
        .sort((a, b) => a.d - b.d);
      return { records: inside.slice(0, cap).map((x) => x.r), costUsd: 0.5, full: inside.length >= cap };
    },
  };
}

describe("territory tiles", () => {
  it("cover the whole circle with seven circles of half its radius", () => {
    const tiles = tilesOf(AUSTIN, 10);
    expect(tiles).toHaveLength(7);
    for (let i = 0; i < 2_000; i++) {
      const p = pointAt(10 * Math.sqrt(i / 2_000), i * 0.7);
      const nearest = Math.min(...tiles.map((t) => greatCircleMiles(t.center, p) - t.radiusMiles));
      expect(nearest, `point ${i}`).toBeLessThanOrEqual(0.01);
    }
  });

  it("searches once when the answer is not full", async () => {
    const source = mapSearch(places(80), 120);
    const result = await searchTiled(source, {
      query: "plumber",
      center: AUSTIN,
      radiusMiles: 10,
      limit: 120,
      enrich: false,
    });
    expect(result).toMatchObject({ tilesSearched: 1, fullTiles: 0, costUsd: 0.5 });
    expect(result.records).toHaveLength(80);
  });

  it("splits a full answer into tiles until it finds every place, each once", async () => {
    const all = places(600);
    const source = mapSearch(all, 120);
    const result = await searchTiled(source, {
      query: "plumber",
      center: AUSTIN,
      radiusMiles: 10,
      limit: 120,
      enrich: false,
    });
    expect(result.tilesSearched).toBeGreaterThan(1);
    expect(result.fullTiles).toBe(0);
    expect(new Set(result.records.map((r) => r.placeId)).size).toBe(result.records.length);
    expect(result.records).toHaveLength(600);
    expect(result.costUsd).toBe(0.5 * result.tilesSearched);
  });

  it("stops at the tile budget and says how many tiles may still hold more", async () => {
    const source = mapSearch(places(20_000), 120);
    const result = await searchTiled(source, {
      query: "plumber",
      center: AUSTIN,
      radiusMiles: 10,
      limit: 120,
      enrich: false,
    });
    expect(result.tilesSearched).toBe(MAX_TILES);
    expect(result.fullTiles).toBeGreaterThan(0);
  });
});

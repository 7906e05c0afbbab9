import { afterEach, describe, expect, it } from "vitest";
import { type FakeServer, fakeServer } from "../../discovery/sources/test-server";
import { overpassSource } from "./overpass";
import { OSM_CATEGORIES, osmTagsFor } from "./overpass-categories";
import type { BusinessSearch } from "./types";

const SEARCH: BusinessSearch = {
  query: "Plumbers",
  center: { lat: 44.9778, lng: -93.265 },
  radiusMiles: 2,
  limit: 50,
  enrich: true,
};
const QUICK = { timeoutMs: 2000, retry: { attempts: 1, backoffMs: 20 } };

let server: FakeServer | undefined;
afterEach(() => server?.close());

const node = (id: number, tags: Record<string, string>) => ({ type: "node", id, lat: 44.98, lon: -93.27, tags });

describe("osmTagsFor — categories to OpenStreetMap tags", () => {
  it("maps common categories, plurals and other names to their tags", () => {
    expect(osmTagsFor("plumber").filters).toEqual([{ craft: "plumber" }]);
    expect(osmTagsFor("Bakeries")).toEqual({ category: "bakery", filters: [{ shop: "bakery" }] });
    expect(osmTagsFor("restaurants").filters).toEqual([{ amenity: "restaurant" }]);
    expect(osmTagsFor("  Coffee   Shop ").category).toBe("cafe");
    expect(osmTagsFor("barbers").filters).toEqual([{ shop: "hairdresser", hairdresser: "barber" }]);
    expect(Object.keys(OSM_CATEGORIES).length).toBeGreaterThanOrEqual(40);
  });

  it("names the categories it knows when it does not know one", () => {
    expect(() => osmTagsFor("quantum consultant")).toThrow(
      expect.objectContaining({
        code: "unknown_category",
        message: expect.stringMatching(
          /^OpenStreetMap search does not know the category "quantum consultant": use one of plumber, electrician, .*bakery/,
        ),
      }),
    );
  });
});

describe("overpassSource — OpenStreetMap businesses around a point", () => {
  it("asks for the category's tags around the centre and maps the tags to records", async () => {
    server = await fakeServer(() => ({
      json: {
        elements: [
          node(1, {
            name: "Nordby Plumbing",
            craft: "plumber",
            "addr:housenumber": "12",
            "addr:street": "Lake St",
            "addr:city": "Minneapolis",
            "addr:state": "MN",
            "addr:postcode": "55408",
            "contact:email": "Hello@Nordby.example",
            "contact:website": "nordby.example",
            phone: "+1 612 555 0101;+1 612 555 0102",
          }),
          {
            type: "way",
            id: 22,
            center: { lat: 44.97, lon: -93.26 },
            tags: { name: "Pipe & Sons", email: "pipes@sons.example", website: "https://facebook.com/pipesons" },
          },
          node(3, { craft: "plumber" }),
          { type: "way", id: 4, tags: { name: "No position" } },
        ],
      },
    }));
    const result = await overpassSource({ baseUrl: server.url, ...QUICK }).search(SEARCH);

    const data = new URLSearchParams(server.requests[0]!.body).get("data");
    expect(data).toBe(
      '[out:json][timeout:90];(nwr["craft"="plumber"](around:3219,44.9778,-93.265););out center tags 51;',
    );
    expect(result.records).toEqual([
      {
        name: "Nordby Plumbing",
        category: "plumber",
        address: "12 Lake St",
        city: "Minneapolis",
        state: "MN",
        zip: "55408",
        latitude: 44.98,
        longitude: -93.27,
        phone: "+1 612 555 0101",
        website: "https://nordby.example/",
        email: "hello@nordby.example",
        emailSource: "provider",
        rating: null,
        reviews: null,
        placeId: "osm:node/1",
        mapsUrl: "https://www.openstreetmap.org/node/1",
        status: "operational",
        providerChain: null,
        source: "overpass",
        reviewTexts: [],
      },
      expect.objectContaining({
        name: "Pipe & Sons",
        email: "pipes@sons.example",
        website: "https://facebook.com/pipesons",
        placeId: "osm:way/22",
        latitude: 44.97,
      }),
    ]);
    expect(result).toMatchObject({ costUsd: 0, full: false });
  });

  it("unions the alternatives of a category with several tags", async () => {
    server = await fakeServer(() => ({ json: { elements: [] } }));
    await overpassSource({ baseUrl: server.url, ...QUICK }).search({ ...SEARCH, query: "dentist" });
    const data = new URLSearchParams(server.requests[0]!.body).get("data") ?? "";
    expect(data).toContain('(nwr["amenity"="dentist"](around:3219,44.9778,-93.265);nwr["healthcare"="dentist"]');
  });

  it("keeps the limit and says the answer is full when more came", async () => {
    const many = Array.from({ length: 6 }, (_, i) => node(i + 1, { name: `Plumber ${i}` }));
    server = await fakeServer(() => ({ json: { elements: many } }));
    const result = await overpassSource({ baseUrl: server.url, ...QUICK }).search({ ...SEARCH, limit: 5 });
    expect(result.records).toHaveLength(5);
    expect(result.full).toBe(true);
  });

  it("refuses an unknown category before calling Overpass", async () => {
    server = await fakeServer(() => ({ json: { elements: [] } }));
    await expect(
      overpassSource({ baseUrl: server.url, ...QUICK }).search({ ...SEARCH, query: "quantum consultant" }),
    ).rejects.toMatchObject({ code: "unknown_category" });
    expect(server.requests).toHaveLength(0);
  });

  it("waits out a 429 with Retry-After, then reports a server error that persists", async () => {
    let calls = 0;
    server = await fakeServer(() => {
      calls++;
      return calls === 1
        ? { status: 429, headers: { "Retry-After": "1" }, text: "rate_limited" }
        : { status: 504, text: "Gateway Timeout" };
    });
    const started = Date.now();
    await expect(overpassSource({ baseUrl: server.url, ...QUICK }).search(SEARCH)).rejects.toMatchObject({
      code: "upstream_error",
      message: "Overpass answered HTTP 504 after 2 tries: Gateway Timeout",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("reports a query Overpass had to stop", async () => {
    server = await fakeServer(() => ({
      json: { elements: [], remark: 'runtime error: Query timed out in "query" at line 1 after 90 seconds.' },
    }));
    await expect(overpassSource({ baseUrl: server.url, ...QUICK }).search(SEARCH)).rejects.toMatchObject({
      code: "upstream_error",
      message: /^Overpass stopped the search \(runtime error/,
    });
  });
});

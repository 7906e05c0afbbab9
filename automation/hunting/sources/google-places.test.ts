import { afterEach, describe, expect, it } from "vitest";
import { type FakeServer, fakeServer, type SeenRequest } from "../../discovery/sources/test-server";
import { GOOGLE_FIELD_MASK, googlePlacesSource } from "./google-places";
import type { BusinessSearch } from "./types";

const SEARCH: BusinessSearch = {
  query: "bakery",
  center: { lat: 30.2672, lng: -97.7431 },
  radiusMiles: 5,
  limit: 100,
  enrich: false,
};

let server: FakeServer | undefined;
afterEach(() => server?.close());

const place = (id: string, name: string, overrides: Record<string, unknown> = {}) => ({
  id,
  displayName: { text: name, languageCode: "en" },
  primaryTypeDisplayName: { text: "Bakery", languageCode: "en" },
  formattedAddress: "9 Main St, Austin, TX 78701, USA",
  addressComponents: [
    { longText: "9", shortText: "9", types: ["street_number"] },
    { longText: "Main Street", shortText: "Main St", types: ["route"] },
    { longText: "Austin", shortText: "Austin", types: ["locality", "political"] },
    { longText: "Texas", shortText: "TX", types: ["administrative_area_level_1", "political"] },
    { longText: "78701", shortText: "78701", types: ["postal_code"] },
  ],
  nationalPhoneNumber: "(512) 555-0100",
  websiteUri: "https://juniper-bakes.example/",
  location: { latitude: 30.27, longitude: -97.74 },
  rating: 4.5,
  userRatingCount: 100,
  businessStatus: "OPERATIONAL",
  googleMapsUri: "https://maps.google.com/?cid=123",
  ...overrides,
});
const pageOf = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => place(`p${from + i}`, `Bakery ${from + i}`));

const source = (url: string) =>
  googlePlacesSource({ apiKey: "g-key", baseUrl: url, timeoutMs: 1000, retry: { attempts: 1, backoffMs: 20 } });

describe("googlePlacesSource — Places API (New) Text Search for businesses", () => {
  it("POSTs a biased text search with the key and field mask and maps each place to a record", async () => {
    server = await fakeServer(() => ({
      json: {
        places: [place("p1", "Juniper Bakes"), place("p2", "Gone Bakes", { businessStatus: "CLOSED_PERMANENTLY" })],
      },
    }));
    const result = await source(server.url).search(SEARCH);

    const request = server.requests[0]!;
    expect([request.method, request.path]).toEqual(["POST", "/v1/places:searchText"]);
    expect(request.headers["x-goog-api-key"]).toBe("g-key");
    expect(request.headers["x-goog-fieldmask"]).toBe(GOOGLE_FIELD_MASK);
    expect(JSON.parse(request.body)).toEqual({
      textQuery: "bakery",
      pageSize: 20,
      locationBias: { circle: { center: { latitude: 30.2672, longitude: -97.7431 }, radius: 5 * 1609.344 } },
    });
    expect(result.records[0]).toEqual({
      name: "Juniper Bakes",
      category: "Bakery",
      address: "9 Main Street",
      city: "Austin",
      state: "TX",
      zip: "78701",
      latitude: 30.27,
      longitude: -97.74,
      phone: "(512) 555-0100",
      website: "https://juniper-bakes.example/",
      email: "",
      emailSource: null,
      rating: 4.5,
      reviews: 100,
      placeId: "p1",
      mapsUrl: "https://maps.google.com/?cid=123",
      status: "operational",
      providerChain: null,
      source: "google",
      reviewTexts: [],
    });
    expect(result.records[1]!.status).toBe("closed");
    expect(result).toMatchObject({ costUsd: null, full: false });
  });

  it("follows nextPageToken to Google's 60 places and says the answer is full", async () => {
    server = await fakeServer((request: SeenRequest) => {
      const token = (JSON.parse(request.body) as { pageToken?: string }).pageToken;
      const page = token ? Number(token) : 0;
      return { json: { places: pageOf(20, page * 20), nextPageToken: String(page + 1) } };
    });
    const result = await source(server.url).search(SEARCH);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { pageToken?: string }).pageToken)).toEqual([
      undefined,
      "1",
      "2",
    ]);
    expect(result.records).toHaveLength(60);
    expect(result.full).toBe(true);
  });

  it("stops at the caller's limit", async () => {
    server = await fakeServer(() => ({ json: { places: pageOf(20, 0), nextPageToken: "more" } }));
    const result = await source(server.url).search({ ...SEARCH, limit: 15 });
    expect(server.requests).toHaveLength(1);
    expect(result.records).toHaveLength(15);
    expect(result.full).toBe(true);
  });

  it("caps the bias circle at the API's 50 km", async () => {
    server = await fakeServer(() => ({ json: {} }));
    const result = await source(server.url).search({ ...SEARCH, radiusMiles: 100 });
    expect(JSON.parse(server.requests[0]!.body).locationBias.circle.radius).toBe(50_000);
    expect(result).toEqual({ records: [], costUsd: null, full: false });
  });

  it("waits out a 429 with Retry-After and carries on", async () => {
    let calls = 0;
    server = await fakeServer(() => {
      calls++;
      return calls === 1
        ? { status: 429, headers: { "Retry-After": "1" }, json: { error: { status: "RESOURCE_EXHAUSTED" } } }
        : { json: { places: [place("p1", "Juniper Bakes")] } };
    });
    const started = Date.now();
    const result = await source(server.url).search(SEARCH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.records.map((r) => r.name)).toEqual(["Juniper Bakes"]);
  });

  it("says to check the key when Google refuses it", async () => {
    server = await fakeServer(() => ({
      status: 400,
      json: {
        error: { code: 400, message: "API key not valid. Please pass a valid API key.", status: "INVALID_ARGUMENT" },
      },
    }));
    await expect(source(server.url).search(SEARCH)).rejects.toMatchObject({
      code: "key_refused",
      message: /^The Google Places key was refused \(HTTP 400\): check it/,
    });
  });

  it("reports a server error that persists after its retries", async () => {
    server = await fakeServer(() => ({ status: 500, json: { error: { message: "Internal error" } } }));
    await expect(source(server.url).search(SEARCH)).rejects.toMatchObject({
      code: "upstream_error",
      message: /^Google Places answered HTTP 500 after 2 tries/,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("needs a key before it searches", () => {
    expect(() => googlePlacesSource({})).toThrow("Google Places needs an API key: add it in Settings");
  });
});

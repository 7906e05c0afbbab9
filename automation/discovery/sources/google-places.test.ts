import { afterEach, describe, expect, it } from "vitest";
import { GOOGLE_FIELD_MASK, GOOGLE_MAX_PAGES, googlePlacesSource } from "./google-places";
import { type FakeServer, fakeServer, type SeenRequest } from "./test-server";

const QUERY = { center: { lat: 30.2672, lng: -97.7431 }, radiusMiles: 150, makes: ["Kia" as const] };

let server: FakeServer | undefined;
afterEach(() => server?.close());

const place = (id: string, name: string) => ({
  id,
  displayName: { text: name, languageCode: "en" },
  formattedAddress: "9 Main St, Austin, TX 78701, USA",
  addressComponents: [
    { longText: "9", shortText: "9", types: ["street_number"] },
    { longText: "Main Street", shortText: "Main St", types: ["route"] },
    { longText: "Austin", shortText: "Austin", types: ["locality", "political"] },
    { longText: "Texas", shortText: "TX", types: ["administrative_area_level_1", "political"] },
    { longText: "78701", shortText: "78701", types: ["postal_code"] },
  ],
  nationalPhoneNumber: "(512) 555-0100",
  websiteUri: "https://quillmoor-kia.example/",
  location: { latitude: 30.27, longitude: -97.74 },
});

describe("googlePlacesSource — Places API (New) Text Search", () => {
  it("POSTs a biased car_dealer search per make with the key and field mask, following pages", async () => {
    server = await fakeServer((request: SeenRequest) => {
      const body = JSON.parse(request.body) as { pageToken?: string };
      if (!body.pageToken) return { json: { places: [place("p1", "Quillmoor Kia")], nextPageToken: "page-2" } };
      if (body.pageToken === "page-2")
        return { json: { places: [place("p2", "Juniper Kia"), place("p1", "Quillmoor Kia")] } };
      return { status: 400, json: {} };
    });
    const source = googlePlacesSource({ apiKey: "g-key", baseUrl: server.url, timeoutMs: 1000 });
    const records = await source.search(QUERY);

    expect(server.requests).toHaveLength(2);
    const first = server.requests[0]!;
    expect([first.method, first.path]).toEqual(["POST", "/v1/places:searchText"]);
    expect(first.headers["x-goog-api-key"]).toBe("g-key");
    expect(first.headers["x-goog-fieldmask"]).toBe(GOOGLE_FIELD_MASK);
    expect(GOOGLE_FIELD_MASK).toContain("nextPageToken");
    expect(JSON.parse(first.body)).toEqual({
      textQuery: "Kia dealer",
      includedType: "car_dealer",
      pageSize: 20,
      // 150 miles is 241 km: the bias circle stops at the API's 50 km.
      locationBias: { circle: { center: { latitude: 30.2672, longitude: -97.7431 }, radius: 50_000 } },
    });
    expect(JSON.parse(server.requests[1]!.body).pageToken).toBe("page-2");

    expect(records).toEqual([
      {
        name: "Quillmoor Kia",
        makes: ["Kia"],
        address: "9 Main Street",
        city: "Austin",
        state: "TX",
        zip: "78701",
        phone: "(512) 555-0100",
        website: "https://quillmoor-kia.example/",
        latitude: 30.27,
        longitude: -97.74,
        source: "google",
        sourceId: "p1",
      },
      expect.objectContaining({ name: "Juniper Kia", sourceId: "p2" }),
    ]);
  });

  it("stops after the page cap", async () => {
    let page = 0;
    server = await fakeServer(() => ({
      json: { places: [place(`p${++page}`, `Dealer ${page} Kia`)], nextPageToken: `t${page}` },
    }));
    const source = googlePlacesSource({ apiKey: "g-key", baseUrl: server.url, timeoutMs: 1000 });
    expect(await source.search(QUERY)).toHaveLength(GOOGLE_MAX_PAGES);
    expect(server.requests).toHaveLength(GOOGLE_MAX_PAGES);
  });

  it("says the key was refused on 403 and on Google's 400 for an invalid key", async () => {
    server = await fakeServer(() => ({ status: 403, json: { error: { status: "PERMISSION_DENIED" } } }));
    let source = googlePlacesSource({ apiKey: "bad", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "key_refused",
      message: /^The Google Places key was refused/,
    });
    await server.close();
    server = await fakeServer(() => ({
      status: 400,
      json: {
        error: { code: 400, message: "API key not valid. Please pass a valid API key.", status: "INVALID_ARGUMENT" },
      },
    }));
    source = googlePlacesSource({ apiKey: "bad", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({ code: "key_refused" });
  });

  it("reports a server error", async () => {
    server = await fakeServer(() => ({ status: 500, json: { error: { message: "Internal" } } }));
    const source = googlePlacesSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "upstream_error",
      message: /Google Places answered HTTP 500/,
    });
  });

  it("gives up on a server that does not answer", async () => {
    server = await fakeServer(() => "hang");
    const source = googlePlacesSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 300 });
    await expect(source.search(QUERY)).rejects.toMatchObject({ code: "timeout" });
  });

  it("needs a key", () => {
    expect(() => googlePlacesSource({})).toThrow(/Google Places needs an API key/);
  });
});

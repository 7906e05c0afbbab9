import { afterEach, describe, expect, it } from "vitest";
import { type FakeServer, fakeServer, type Reply, type SeenRequest } from "../../discovery/sources/test-server";
import { outscraperSource } from "./outscraper";
import type { BusinessSearch } from "./types";

const SEARCH: BusinessSearch = {
  query: "plumber",
  center: { lat: 41.878113, lng: -87.629799 },
  radiusMiles: 10,
  limit: 100,
  enrich: true,
};
/** Fast polling and retries, so the tests wait milliseconds where production waits seconds. */
const QUICK = { timeoutMs: 2000, pollIntervalMs: 20, pollTimeoutMs: 2000, retry: { attempts: 2, backoffMs: 20 } };

let server: FakeServer | undefined;
afterEach(() => server?.close());

const place = (overrides: Record<string, unknown> = {}) => ({
  name: "Larkbrook Plumbing",
  type: "Plumber",
  full_address: "1200 Commerce Dr, Chicago, IL 60601",
  street: "1200 Commerce Dr",
  city: "Chicago",
  state: "Illinois",
  us_state: "IL",
  postal_code: "60601",
  phone: "+1 312-555-0100",
  site: "larkbrook.example",
  latitude: 41.88,
  longitude: -87.63,
  rating: 4.7,
  reviews: 212,
  place_id: "ChIJ-larkbrook",
  location_link: "https://www.google.com/maps/place/?q=place_id:ChIJ-larkbrook",
  business_status: "OPERATIONAL",
  email_1: "Office@Larkbrook.example",
  email_2: "sales@larkbrook.example",
  ai_chain_info: { chain: false },
  ...overrides,
});
const places = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    place({ name: `Plumber ${from + i}`, place_id: `p${from + i}`, email_1: null, email_2: null }),
  );

const source = (url: string, extra: Record<string, unknown> = {}) =>
  outscraperSource({ apiKey: "secret-key", baseUrl: url, ...QUICK, ...extra });

describe("outscraperSource — Google Maps search through Outscraper", () => {
  it("maps a place's facts, enrichment email, chain flag and status to a business record", async () => {
    server = await fakeServer(() => ({ json: { id: "r1", status: "Success", data: [[place()]] } }));
    const result = await source(server.url).search(SEARCH);

    const params = server.requests[0]!.url.searchParams;
    expect(server.requests[0]!.headers["x-api-key"]).toBe("secret-key");
    expect(params.get("query")).toBe("plumber near 41.87811,-87.62980");
    expect(params.get("enrichment")).toBe("domains_service");
    expect(params.get("skip")).toBe("0");
    expect(result.records).toEqual([
      {
        name: "Larkbrook Plumbing",
        category: "Plumber",
        address: "1200 Commerce Dr",
        city: "Chicago",
        state: "IL",
        zip: "60601",
        latitude: 41.88,
        longitude: -87.63,
        phone: "+1 312-555-0100",
        website: "https://larkbrook.example/",
        email: "office@larkbrook.example",
        emailSource: "provider",
        rating: 4.7,
        reviews: 212,
        placeId: "ChIJ-larkbrook",
        mapsUrl: "https://www.google.com/maps/place/?q=place_id:ChIJ-larkbrook",
        status: "operational",
        providerChain: false,
        source: "outscraper",
        reviewTexts: [],
      },
    ]);
    expect(result).toMatchObject({ costUsd: null, full: false });
  });

  it("reads emails_and_contacts, a closed status and a missing chain flag", async () => {
    const closed = place({
      email_1: null,
      email_2: null,
      emails_and_contacts: { emails: [{ value: "hello@quill.example" }] },
      business_status: "CLOSED_PERMANENTLY",
      ai_chain_info: undefined,
      rating: null,
    });
    server = await fakeServer(() => ({ json: { status: "Success", data: [[closed]] } }));
    const [record] = (await source(server.url).search(SEARCH)).records;
    expect(record).toMatchObject({
      email: "hello@quill.example",
      emailSource: "provider",
      status: "closed",
      providerChain: null,
      rating: null,
    });
  });

  it("waits for a queued search by polling results_location until it succeeds", async () => {
    let polls = 0;
    server = await fakeServer((request) => {
      if (request.path === "/maps/search-v3") {
        return { json: { id: "a-1", status: "Pending", results_location: `${server!.url}/requests/a-1` } };
      }
      polls++;
      return polls < 3
        ? { json: { id: "a-1", status: "Pending" } }
        : { json: { id: "a-1", status: "Success", data: [[place()]] } };
    });
    const result = await source(server.url).search(SEARCH);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/maps/search-v3",
      "/requests/a-1",
      "/requests/a-1",
      "/requests/a-1",
    ]);
    expect(result.records.map((r) => r.name)).toEqual(["Larkbrook Plumbing"]);
  });

  it("gives up on a queued search that never finishes, with a named error", async () => {
    server = await fakeServer((request) =>
      request.path === "/maps/search-v3"
        ? { json: { id: "a-9", status: "Pending", results_location: `${server!.url}/requests/a-9` } }
        : { json: { id: "a-9", status: "Pending" } },
    );
    await expect(source(server.url, { pollTimeoutMs: 200 }).search(SEARCH)).rejects.toMatchObject({
      code: "not_finished",
      message: /^Outscraper had not finished the "plumber" search \(request a-9\) after 0.2 s/,
    });
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it("pages with skip and limit until a page comes back short, and says a capped answer is full", async () => {
    server = await fakeServer((request) => {
      const skip = Number(request.url.searchParams.get("skip"));
      return { json: { status: "Success", data: [skip === 0 ? places(100) : places(30, 100)] } };
    });
    const result = await source(server.url).search({ ...SEARCH, limit: 500, enrich: false });
    expect(server.requests.map((r) => [r.url.searchParams.get("skip"), r.url.searchParams.get("limit")])).toEqual([
      ["0", "100"],
      ["100", "100"],
    ]);
    expect(server.requests[0]!.url.searchParams.has("enrichment")).toBe(false);
    expect(result.records).toHaveLength(130);
    expect(result.full).toBe(true);
  });

  it("waits the seconds a 429's Retry-After gives, then carries on", async () => {
    let calls = 0;
    server = await fakeServer((): Reply => {
      calls++;
      return calls === 1
        ? { status: 429, headers: { "Retry-After": "1" }, json: { error: "Too many requests" } }
        : { json: { status: "Success", data: [[place()]] } };
    });
    const started = Date.now();
    const result = await source(server.url).search(SEARCH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.requests).toHaveLength(2);
    expect(result.records).toHaveLength(1);
  });

  it("stops retrying a 429 after its limit and says when to try again", async () => {
    server = await fakeServer(() => ({ status: 429, headers: { "Retry-After": "0" }, json: {} }));
    const error = await source(server.url)
      .search(SEARCH)
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(error).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Outscraper is rate-limiting us \(HTTP 429 after 3 tries\): try again after 20/),
    });
    expect((error as { retryAt: Date }).retryAt).toBeInstanceOf(Date);
  });

  it("reports a Retry-After too long to wait out at once, with the time to come back", async () => {
    server = await fakeServer(() => ({ status: 503, headers: { "Retry-After": "3600" }, text: "Maintenance" }));
    const error = (await source(server.url)
      .search(SEARCH)
      .catch((e: unknown) => e)) as { code: string; message: string; retryAt: Date };
    expect(server.requests).toHaveLength(1);
    expect(error.code).toBe("upstream_error");
    expect(error.message).toMatch(/^Outscraper answered HTTP 503: Maintenance; try again after /);
    expect(error.retryAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
  });

  it("retries a server error with backoff and succeeds when the server recovers", async () => {
    let calls = 0;
    server = await fakeServer(() => {
      calls++;
      return calls < 3 ? { status: 502, text: "Bad gateway" } : { json: { status: "Success", data: [[place()]] } };
    });
    const result = await source(server.url).search(SEARCH);
    expect(server.requests).toHaveLength(3);
    expect(result.records).toHaveLength(1);
  });

  it("says to check the key on 401, without retrying", async () => {
    server = await fakeServer(() => ({ status: 401, json: { errorMessage: "Unauthorized" } }));
    await expect(source(server.url).search(SEARCH)).rejects.toMatchObject({
      code: "key_refused",
      message: "The Outscraper key was refused (HTTP 401): check it in Settings and that the API is enabled for it",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("reports a task Outscraper failed", async () => {
    server = await fakeServer(() => ({ json: { id: "a-3", status: "Error" } }));
    await expect(source(server.url).search(SEARCH)).rejects.toMatchObject({
      code: "upstream_error",
      message: 'Outscraper could not finish the "plumber" search (request a-3, status Error): try again later',
    });
  });

  it("needs a key before it searches", () => {
    expect(() => outscraperSource({ apiKey: "" })).toThrow("Outscraper needs an API key: add it in Settings");
  });

  it("does not send the key to a results_location on another host", async () => {
    const other = await fakeServer(() => ({ json: { status: "Success", data: [[place()]] } }));
    try {
      server = await fakeServer(() => ({
        json: {
          id: "a-2",
          status: "Pending",
          results_location: `${other.url.replace("127.0.0.1", "localhost")}/requests/a-2`,
        },
      }));
      await source(server.url).search(SEARCH);
      expect(other.requests[0]!.headers["x-api-key"]).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it("fetches reviews of places without an email when asked, and keeps their texts and owner answers", async () => {
    server = await fakeServer((request: SeenRequest) => {
      if (request.path === "/maps/reviews-v3") {
        return {
          json: {
            status: "Success",
            data: [
              {
                place_id: "p1",
                reviews_data: [
                  { review_text: "Great work", owner_answer: "Thanks! Write to us at jobs@p1.example" },
                  { review_text: null, owner_answer: null },
                ],
              },
            ],
          },
        };
      }
      return { json: { status: "Success", data: [[place({ place_id: "p0" }), ...places(1, 1)]] } };
    });
    const result = await source(server.url, { reviewsForEmailless: true }).search(SEARCH);
    const reviews = server.requests.find((r) => r.path === "/maps/reviews-v3")!;
    expect(reviews.url.searchParams.getAll("query")).toEqual(["p1"]);
    expect(result.records.find((r) => r.placeId === "p1")!.reviewTexts).toEqual([
      "Great work",
      "Thanks! Write to us at jobs@p1.example",
    ]);
    expect(result.records.find((r) => r.placeId === "p0")!.reviewTexts).toEqual([]);
  });
});

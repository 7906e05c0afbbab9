import { afterEach, describe, expect, it } from "vitest";
import { outscraperSource } from "./outscraper";
import { type FakeServer, fakeServer, type SeenRequest } from "./test-server";

const QUERY = {
  center: { lat: 41.878113, lng: -87.629799 },
  radiusMiles: 30,
  makes: ["Toyota" as const, "Honda" as const],
};

let server: FakeServer | undefined;
afterEach(() => server?.close());

const place = (overrides: Record<string, unknown>) => ({
  name: "Larkbrook Toyota",
  full_address: "1200 Commerce Dr, Chicago, IL 60601",
  street: "1200 Commerce Dr",
  city: "Chicago",
  state: "Illinois",
  postal_code: "60601",
  phone: "+1 312-555-0100",
  site: "https://larkbrook.example/",
  latitude: 41.88,
  longitude: -87.63,
  place_id: "ChIJ-larkbrook",
  category: "Toyota dealer",
  subtypes: "Toyota dealer, Car dealer",
  ...overrides,
});

describe("outscraperSource — Google Maps through Outscraper", () => {
  it("searches each make near the center with the key and reads the places", async () => {
    server = await fakeServer((request: SeenRequest) => {
      const query = request.url.searchParams.get("query") ?? "";
      return query.startsWith("Toyota")
        ? { json: { id: "r1", status: "Success", data: [[place({}), place({ name: "", place_id: "nameless" })]] } }
        : {
            json: {
              id: "r2",
              status: "Success",
              data: [
                [
                  place({ name: "Quillmoor Motors", subtypes: "Honda dealer", place_id: "ChIJ-quill", site: null }),
                  place({}),
                  place({ name: "No coordinates", latitude: null, place_id: "nowhere" }),
                ],
              ],
            },
          };
    });
    const source = outscraperSource({ apiKey: "secret-key", baseUrl: server.url, timeoutMs: 1000 });
    const records = await source.search(QUERY);

    expect(server.requests.map((r) => [r.method, r.path, r.headers["x-api-key"]])).toEqual([
      ["GET", "/maps/search-v3", "secret-key"],
      ["GET", "/maps/search-v3", "secret-key"],
    ]);
    const params = server.requests[0]!.url.searchParams;
    expect(params.get("query")).toBe("Toyota dealer near 41.87811,-87.62980");
    expect(params.get("limit")).toBe("100");
    expect(params.get("async")).toBe("false");
    expect(server.requests[1]!.url.searchParams.get("query")).toBe("Honda dealer near 41.87811,-87.62980");

    expect(records).toEqual([
      {
        name: "Larkbrook Toyota",
        makes: ["Toyota"],
        address: "1200 Commerce Dr",
        city: "Chicago",
        state: "Illinois",
        zip: "60601",
        phone: "+1 312-555-0100",
        website: "https://larkbrook.example/",
        latitude: 41.88,
        longitude: -87.63,
        source: "outscraper",
        sourceId: "ChIJ-larkbrook",
      },
      expect.objectContaining({ name: "Quillmoor Motors", makes: ["Honda"], website: "", sourceId: "ChIJ-quill" }),
    ]);
  });

  it("needs a key before it searches", () => {
    expect(() => outscraperSource({ apiKey: " " })).toThrow("Outscraper needs an API key: add it in Settings");
  });

  it("says the key was refused on 401", async () => {
    server = await fakeServer(() => ({ status: 401, json: { errorMessage: "Unauthorized" } }));
    const source = outscraperSource({ apiKey: "wrong", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "key_refused",
      message: /^The Outscraper key was refused/,
    });
  });

  it("reports a server error", async () => {
    server = await fakeServer(() => ({ status: 500, json: { error: "boom" } }));
    const source = outscraperSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "upstream_error",
      message: /Outscraper answered HTTP 500/,
    });
  });

  it("reports an answer without data", async () => {
    server = await fakeServer(() => ({ json: { id: "r", status: "Success" } }));
    const source = outscraperSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({ code: "bad_response" });
  });

  it("reports a search Outscraper queued instead of answering", async () => {
    server = await fakeServer(() => ({ json: { id: "req-7", status: "Pending" } }));
    const source = outscraperSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 1000 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "upstream_error",
      message:
        'Outscraper queued the "Toyota dealer" search (request req-7) instead of answering: try again in a few minutes',
    });
  });

  it("gives up on a server that does not answer", async () => {
    server = await fakeServer(() => "hang");
    const source = outscraperSource({ apiKey: "k", baseUrl: server.url, timeoutMs: 300 });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "timeout",
      message: /Outscraper did not answer within 0.3 s/,
    });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { overpassSource } from "./overpass";
import { type FakeServer, fakeServer, type Reply } from "./test-server";

const QUERY = { center: { lat: 39.8, lng: -89.65 }, radiusMiles: 25, makes: ["Chevrolet" as const] };

let server: FakeServer | undefined;
afterEach(() => server?.close());

async function serve(reply: Reply) {
  server = await fakeServer(() => reply);
  return {
    server,
    source: overpassSource({ baseUrl: `${server.url}/api/interpreter`, timeoutMs: 500, userAgent: "rowpilot-test" }),
  };
}

const ELEMENTS = [
  {
    type: "node",
    id: 1,
    lat: 39.81,
    lon: -89.64,
    tags: {
      shop: "car",
      name: "Crescent Chevrolet",
      brand: "Chevrolet;Buick;GMC",
      website: "https://crescent.example",
      phone: "+1 217 555 0101",
      "addr:housenumber": "1200",
      "addr:street": "Commerce Drive",
      "addr:city": "Springfield",
      "addr:state": "IL",
      "addr:postcode": "62701",
    },
  },
  {
    type: "way",
    id: 2,
    center: { lat: 39.7, lon: -89.6 },
    tags: {
      shop: "car",
      name: "Sunrise Chrysler Dodge Jeep Ram",
      "contact:website": "sunrise.example",
      "contact:phone": "217-555-0102",
    },
  },
  { type: "node", id: 3, lat: 39.9, lon: -89.7, tags: { shop: "car", brand: "Kia" } },
  { type: "relation", id: 4, tags: { shop: "car", name: "No center Motors" } },
];

describe("overpassSource — OpenStreetMap car dealers", () => {
  it("POSTs an around: query for shop=car and reads names, brands, addresses and contacts", async () => {
    const { server, source } = await serve({ json: { elements: ELEMENTS } });
    const records = await source.search(QUERY);

    const request = server.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/interpreter");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers["user-agent"]).toBe("rowpilot-test");
    const query = new URLSearchParams(request.body).get("data");
    expect(query).toBe('[out:json][timeout:90];nwr["shop"="car"](around:40234,39.8,-89.65);out center tags;');

    expect(records).toEqual([
      {
        name: "Crescent Chevrolet",
        makes: ["Buick", "Chevrolet", "GMC"],
        address: "1200 Commerce Drive",
        city: "Springfield",
        state: "IL",
        zip: "62701",
        phone: "+1 217 555 0101",
        website: "https://crescent.example/",
        latitude: 39.81,
        longitude: -89.64,
        source: "overpass",
        sourceId: "node/1",
      },
      {
        name: "Sunrise Chrysler Dodge Jeep Ram",
        makes: ["Chrysler", "Dodge", "Jeep", "Ram"],
        address: "",
        city: "",
        state: "",
        zip: "",
        phone: "217-555-0102",
        website: "https://sunrise.example/",
        latitude: 39.7,
        longitude: -89.6,
        source: "overpass",
        sourceId: "way/2",
      },
    ]);
  });

  it("reports a query Overpass had to stop", async () => {
    const { source } = await serve({ json: { elements: [], remark: 'runtime error: Query timed out in "query"' } });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "upstream_error",
      message: /Overpass stopped the search/,
    });
  });

  it("reports a server error with its status", async () => {
    const { source } = await serve({ status: 500, text: "Internal error" });
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "upstream_error",
      message: "Overpass answered HTTP 500: Internal error",
    });
  });

  it("reports rate limiting", async () => {
    const { source } = await serve({ status: 429, text: "Too many requests" });
    await expect(source.search(QUERY)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("reports an answer that is not JSON", async () => {
    const { source } = await serve({ text: "<html>oops</html>" });
    await expect(source.search(QUERY)).rejects.toMatchObject({ code: "bad_response", message: /not JSON/ });
  });

  it("gives up on a server that does not answer", async () => {
    const { source } = await serve("hang");
    await expect(source.search(QUERY)).rejects.toMatchObject({
      code: "timeout",
      message: "Overpass did not answer within 0.5 s: try again, or a smaller radius",
    });
  });
});

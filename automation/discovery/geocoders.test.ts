import { afterEach, describe, expect, it } from "vitest";
import { googleGeocoder, nominatimGeocoder } from "./geocoders";
import { type FakeServer, fakeServer } from "./sources/test-server";
import { geocodeAddress } from "./zip";

let server: FakeServer | undefined;
afterEach(() => server?.close());

describe("nominatimGeocoder", () => {
  it("asks /search for one US result with the app's User-Agent", async () => {
    server = await fakeServer(() => ({
      json: [
        { lat: "41.8788", lon: "-87.6359", display_name: "Willis Tower, 233 South Wacker Drive, Chicago, Illinois" },
      ],
    }));
    const geocoder = nominatimGeocoder({ baseUrl: server.url, userAgent: "Rowpilot/1 (ops@rowpilot.example)" });
    expect(await geocodeAddress("233 S Wacker Dr, Chicago", geocoder)).toEqual({
      lat: 41.8788,
      lng: -87.6359,
      label: "Willis Tower, 233 South Wacker Drive, Chicago, Illinois",
    });
    const request = server.requests[0]!;
    expect([request.method, request.path]).toEqual(["GET", "/search"]);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      q: "233 S Wacker Dr, Chicago",
      format: "jsonv2",
      limit: "1",
      countrycodes: "us",
    });
    expect(request.headers["user-agent"]).toBe("Rowpilot/1 (ops@rowpilot.example)");
  });

  it("answers null for no match, so the address is reported as unplaceable", async () => {
    server = await fakeServer(() => ({ json: [] }));
    const geocoder = nominatimGeocoder({ baseUrl: server.url, userAgent: "t" });
    await expect(geocodeAddress("xyz", geocoder)).rejects.toMatchObject({ code: "unplaceable_address" });
  });

  it("reports a server that is down", async () => {
    server = await fakeServer(() => ({ status: 503, text: "Service Unavailable" }));
    const geocoder = nominatimGeocoder({ baseUrl: server.url, userAgent: "t" });
    await expect(geocoder.geocode("xyz")).rejects.toMatchObject({
      code: "upstream_error",
      message: /Nominatim answered HTTP 503/,
    });
  });

  it("reports a server it cannot reach", async () => {
    server = await fakeServer(() => ({ json: [] }));
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(nominatimGeocoder({ baseUrl: url, userAgent: "t" }).geocode("xyz")).rejects.toMatchObject({
      code: "network",
      message: /Could not reach Nominatim/,
    });
  });
});

describe("googleGeocoder", () => {
  it("asks the Geocoding API with the key and reads the first result", async () => {
    server = await fakeServer(() => ({
      json: {
        status: "OK",
        results: [
          {
            formatted_address: "233 S Wacker Dr, Chicago, IL 60606, USA",
            geometry: { location: { lat: 41.8789, lng: -87.6359 } },
          },
        ],
      },
    }));
    const geocoder = googleGeocoder({ apiKey: "g-key", baseUrl: server.url });
    expect(await geocoder.geocode("233 S Wacker Dr, Chicago")).toEqual({
      lat: 41.8789,
      lng: -87.6359,
      label: "233 S Wacker Dr, Chicago, IL 60606, USA",
    });
    const request = server.requests[0]!;
    expect(request.path).toBe("/maps/api/geocode/json");
    expect(request.url.searchParams.get("key")).toBe("g-key");
    expect(request.url.searchParams.get("address")).toBe("233 S Wacker Dr, Chicago");
  });

  it("answers null for ZERO_RESULTS and says the key was refused for REQUEST_DENIED", async () => {
    let status = "ZERO_RESULTS";
    server = await fakeServer(() => ({
      json: { status, results: [], error_message: "The provided API key is invalid." },
    }));
    const geocoder = googleGeocoder({ apiKey: "g-key", baseUrl: server.url });
    expect(await geocoder.geocode("xyz")).toBeNull();
    status = "REQUEST_DENIED";
    await expect(geocoder.geocode("xyz")).rejects.toMatchObject({
      code: "key_refused",
      message: "The Google Geocoding key was refused: The provided API key is invalid.",
    });
  });

  it("gives up on a server that does not answer", async () => {
    server = await fakeServer(() => "hang");
    const geocoder = googleGeocoder({ apiKey: "g-key", baseUrl: server.url, timeoutMs: 200 });
    await expect(geocoder.geocode("xyz")).rejects.toMatchObject({ code: "timeout" });
  });
});

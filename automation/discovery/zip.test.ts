import { describe, expect, it } from "vitest";
import { DiscoveryError } from "./errors";
import { greatCircleMiles } from "./geo";
import { type Geocoder, geocodeAddress, geocodeZip, locate, placeZip, zipCentroids } from "./zip";

const geocoderAt = (lat: number, lng: number, label: string): Geocoder & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    geocode: async (address) => {
      asked.push(address);
      return { lat, lng, label };
    },
  };
};

describe("geocodeZip — bundled ZIP centroids", () => {
  it("places 10001 in Manhattan and 90210 in Beverly Hills", () => {
    const manhattan = geocodeZip("10001")!;
    expect(manhattan.label).toBe("New York, NY 10001");
    expect(greatCircleMiles(manhattan, { lat: 40.7506, lng: -73.9972 })).toBeLessThan(2);
    const beverlyHills = geocodeZip(" 90210 ")!;
    expect(beverlyHills.label).toBe("Beverly Hills, CA 90210");
    expect(greatCircleMiles(beverlyHills, { lat: 34.103, lng: -118.4105 })).toBeLessThan(2);
  });

  it("labels Springfield, IL 62701 as people write it", () => {
    expect(geocodeZip("62701")?.label).toBe("Springfield, IL 62701");
  });

  it("answers null for unknown, malformed and military ZIP codes", () => {
    expect(geocodeZip("00000")).toBeNull();
    expect(geocodeZip("1234")).toBeNull();
    expect(geocodeZip("abcde")).toBeNull();
    expect(geocodeZip("34001")).toBeNull();
    expect(geocodeZip("toString")).toBeNull();
    // Listed with its minus sign dropped, which would put it in China.
    expect(geocodeZip("10200")).toBeNull();
  });

  it("says which ZIP it does not know", () => {
    expect(() => placeZip("00000")).toThrow(
      new DiscoveryError("unknown_zip", "ZIP code 00000 is not a US ZIP code we know"),
    );
  });

  it("lists tens of thousands of centroids inside the 50 states and DC", () => {
    const all = zipCentroids();
    expect(all.length).toBeGreaterThan(30_000);
    expect(new Set(all.map((z) => z.state)).size).toBe(51);
    for (const z of all) {
      expect(z.lat).toBeGreaterThan(18);
      expect(z.lng < -66 || z.lng > 172).toBe(true);
    }
  });
});

describe("geocodeAddress — by ZIP, else by the geocoder", () => {
  it("uses the address's ZIP centroid without asking the geocoder", async () => {
    const geocoder = geocoderAt(0, 0, "nowhere");
    const center = await geocodeAddress("12345 Main St, Springfield, IL 62701-1234", geocoder);
    expect(center.label).toBe("Springfield, IL 62701");
    expect(geocoder.asked).toEqual([]);
  });

  it("asks the geocoder when the address has no ZIP", async () => {
    const geocoder = geocoderAt(41.88, -87.63, "Chicago, IL");
    expect(await geocodeAddress("  233 S Wacker Dr, Chicago ", geocoder)).toEqual({
      lat: 41.88,
      lng: -87.63,
      label: "Chicago, IL",
    });
    expect(geocoder.asked).toEqual(["233 S Wacker Dr, Chicago"]);
  });

  it("says what to do when nothing can place the address", async () => {
    await expect(geocodeAddress("xyz")).rejects.toThrow(
      'Could not place "xyz": add a ZIP code or set up a geocoding provider',
    );
    await expect(geocodeAddress("1 Main St 00000")).rejects.toMatchObject({ code: "unknown_zip" });
    const nothing: Geocoder = { geocode: async () => null };
    await expect(geocodeAddress("xyz", nothing)).rejects.toMatchObject({ code: "unplaceable_address" });
  });

  it("locates a project's ZIP or address", async () => {
    expect((await locate({ zip: "90210" })).label).toBe("Beverly Hills, CA 90210");
    await expect(locate({ zip: "00000" })).rejects.toMatchObject({ code: "unknown_zip" });
    expect((await locate({ address: "Springfield 62701" })).label).toBe("Springfield, IL 62701");
  });
});

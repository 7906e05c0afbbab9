import { describe, expect, it } from "vitest";
import { DealerDirectory, greatCircleMiles } from "./geo";
import { dealer } from "./test-data";

const NEW_YORK = { lat: 40.7484, lng: -73.9967 };
const BEVERLY_HILLS = { lat: 34.0901, lng: -118.4065 };
const SPRINGFIELD = { lat: 39.8, lng: -89.6495 };

/** The point `miles` due north of `from` on the sphere greatCircleMiles measures. */
const north = (from: { lat: number; lng: number }, miles: number) => ({
  lat: from.lat + (miles / 3958.8) * (180 / Math.PI),
  lng: from.lng,
});

describe("greatCircleMiles", () => {
  it("measures New York to Beverly Hills at about 2,450 miles", () => {
    const miles = greatCircleMiles(NEW_YORK, BEVERLY_HILLS);
    expect(miles).toBeGreaterThan(2440);
    expect(miles).toBeLessThan(2460);
  });

  it("is zero from a point to itself and the same both ways", () => {
    expect(greatCircleMiles(NEW_YORK, NEW_YORK)).toBe(0);
    expect(greatCircleMiles(NEW_YORK, SPRINGFIELD)).toBe(greatCircleMiles(SPRINGFIELD, NEW_YORK));
  });

  it("measures a degree of latitude as 69.1 miles", () => {
    expect(greatCircleMiles({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(69.09, 2);
  });
});

describe("DealerDirectory — who is within the radius", () => {
  const at = (name: string, point: { lat: number; lng: number }) =>
    dealer({ name, latitude: point.lat, longitude: point.lng });

  it("keeps a dealer exactly on the radius and drops one a tenth of a mile beyond", () => {
    const onEdge = at("On the edge", north(SPRINGFIELD, 150));
    const beyond = at("Beyond", north(SPRINGFIELD, 150.1));
    const radius = greatCircleMiles(SPRINGFIELD, { lat: onEdge.latitude, lng: onEdge.longitude });
    const found = new DealerDirectory([beyond, onEdge]).within(SPRINGFIELD, radius);
    expect(found.map((f) => f.dealer.name)).toEqual(["On the edge"]);
    expect(found[0]!.distanceMiles).toBe(radius);
  });

  it("answers nearest first with great-circle distances, across state lines", () => {
    // Springfield, IL to St. Louis, MO (about 85 miles) and to Chicago (about 185).
    const directory = new DealerDirectory([
      at("Chicago", { lat: 41.8781, lng: -87.6298 }),
      at("St. Louis", { lat: 38.627, lng: -90.1994 }),
      at("Downtown", SPRINGFIELD),
    ]);
    const found = directory.within(SPRINGFIELD, 100);
    expect(found.map((f) => f.dealer.name)).toEqual(["Downtown", "St. Louis"]);
    expect(found[1]!.distanceMiles).toBeGreaterThan(80);
    expect(found[1]!.distanceMiles).toBeLessThan(90);
    expect(directory.within(SPRINGFIELD, 200).map((f) => f.dealer.name)).toEqual(["Downtown", "St. Louis", "Chicago"]);
  });

  it("finds the same dealers as measuring each one", () => {
    const dealers = Array.from({ length: 2000 }, (_, i) =>
      at(`d${i}`, { lat: 25 + ((i * 37) % 2300) / 100, lng: -124 + ((i * 91) % 5700) / 100 }),
    );
    const directory = new DealerDirectory(dealers);
    for (const radius of [0, 25, 150, 500]) {
      const expected = dealers
        .filter((d) => greatCircleMiles(SPRINGFIELD, { lat: d.latitude, lng: d.longitude }) <= radius)
        .map((d) => d.name)
        .sort();
      expect(
        directory
          .within(SPRINGFIELD, radius)
          .map((f) => f.dealer.name)
          .sort(),
      ).toEqual(expected);
    }
  });

  it("answers [] when empty or asked for a negative radius", () => {
    expect(new DealerDirectory([]).within(SPRINGFIELD, 100)).toEqual([]);
    expect(new DealerDirectory([at("Here", SPRINGFIELD)]).within(SPRINGFIELD, -1)).toEqual([]);
  });
});

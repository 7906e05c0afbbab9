import { describe, expect, it } from "vitest";
import { code, run } from "../testing";

describe("DISTANCE_MILES", () => {
  it("gives great-circle miles between two points", () => {
    // JFK to LAX, checked against the spherical law of cosines on the same sphere: about 2,470 miles
    // (2,475 on the ellipsoid, which a sphere of mean radius does not model).
    const rad = (d: number) => (d * Math.PI) / 180;
    const [lat1, lon1, lat2, lon2] = [40.6413, -73.7781, 33.9416, -118.4085].map(rad) as [
      number,
      number,
      number,
      number,
    ];
    const cosines =
      3958.8 * Math.acos(Math.sin(lat1) * Math.sin(lat2) + Math.cos(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1));
    const miles = run("DISTANCE_MILES(40.6413, -73.7781, 33.9416, -118.4085)") as number;
    expect(miles).toBeCloseTo(cosines, 6);
    expect(Math.round(miles)).toBe(2470);
    expect(run("DISTANCE_MILES(10, 20, 10, 20)")).toBe(0);
    // A quarter of the way round the earth: π/2 × 3958.8.
    expect(run("DISTANCE_MILES(0, 0, 0, 90)") as number).toBeCloseTo((Math.PI / 2) * 3958.8, 6);
    expect(run("DISTANCE_MILES(0, 0, 0, 180)") as number).toBeCloseTo(Math.PI * 3958.8, 6);
    expect(run("DISTANCE_MILES('40.6413', {Lon}, 40.6413, -73.7781)", { Lon: -73.7781 })).toBe(0);
  });

  it("gives blank when a coordinate is blank, rather than a distance from 0°, 0°", () => {
    expect(run("DISTANCE_MILES({Lat}, {Lon}, 33.9, -118.4)", { Lat: null, Lon: -73.7 })).toBeNull();
  });

  it("is #VALUE! outside the earth's coordinates or for text, and propagates errors", () => {
    expect(run("DISTANCE_MILES(91, 0, 0, 0)")).toEqual({
      error: "#VALUE!",
      message: "Latitude must be from -90 to 90",
    });
    expect(code(run("DISTANCE_MILES(0, 181, 0, 0)"))).toBe("#VALUE!");
    expect(code(run("DISTANCE_MILES('north', 0, 0, 0)"))).toBe("#VALUE!");
    expect(code(run("DISTANCE_MILES({Missing}, 0, 0, 0)"))).toBe("#REF!");
  });
});

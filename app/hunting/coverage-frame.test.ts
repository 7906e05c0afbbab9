import { describe, expect, it } from "vitest";
import { MILES_PER_DEGREE } from "../projects/map-projection";
import { coverageFrame, MIN_EXTENT_MILES } from "./coverage-frame";

describe("coverage map — what the map frames", () => {
  it("has nothing to frame with no territories and no businesses", () => {
    expect(coverageFrame([])).toBeNull();
    expect(coverageFrame([{ lat: Number.NaN, lng: -97, radiusMiles: 5 }])).toBeNull();
  });

  it("centres one territory and reaches exactly its radius", () => {
    expect(coverageFrame([{ lat: 30.27, lng: -97.74, radiusMiles: 10 }])).toEqual({
      center: { lat: 30.27, lng: -97.74 },
      extentMiles: 10,
    });
  });

  it("never zooms in closer than the least extent, for a lone business", () => {
    expect(coverageFrame([{ lat: 30, lng: -97, radiusMiles: 0 }])?.extentMiles).toBe(MIN_EXTENT_MILES);
  });

  it("takes two territories a degree of latitude apart whole, circles included", () => {
    const frame = coverageFrame([
      { lat: 30, lng: -97, radiusMiles: 10 },
      { lat: 31, lng: -97, radiusMiles: 25 },
    ]);
    expect(frame?.center).toEqual({ lat: 30.5, lng: -97 });
    expect(frame?.extentMiles).toBeCloseTo(MILES_PER_DEGREE / 2 + 25, 6);
  });

  it("reaches a business outside every territory", () => {
    const frame = coverageFrame([
      { lat: 40, lng: -75, radiusMiles: 5 },
      { lat: 40, lng: -73, radiusMiles: 0 },
    ]);
    const halfWidth = MILES_PER_DEGREE * Math.cos((40 * Math.PI) / 180);
    expect(frame?.extentMiles).toBeCloseTo(halfWidth + 5, 6);
  });
});

import { describe, expect, it } from "vitest";
import { MILES_PER_DEGREE, mapFrame, niceMiles, toMiles } from "./map-projection";

describe("map projection — miles from the centre", () => {
  it("puts the centre at the origin", () => {
    expect(toMiles({ lat: 40.75, lng: -73.99 }, { lat: 40.75, lng: -73.99 })).toEqual({ x: 0, y: 0 });
  });

  it("measures a degree of latitude as about 69 miles north", () => {
    const { x, y } = toMiles({ lat: 40, lng: -75 }, { lat: 41, lng: -75 });
    expect(x).toBeCloseTo(0);
    expect(y).toBeCloseTo(69.09, 1);
  });

  it("shrinks a degree of longitude by the cosine of the latitude", () => {
    expect(toMiles({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }).x).toBeCloseTo(MILES_PER_DEGREE);
    expect(toMiles({ lat: 60, lng: 0 }, { lat: 60, lng: 1 }).x).toBeCloseTo(MILES_PER_DEGREE / 2);
    expect(toMiles({ lat: 41.88, lng: -87.63 }, { lat: 41.88, lng: -88.63 }).x).toBeLessThan(0);
  });

  it("agrees with the great-circle distance within 1% over 150 miles (New York to Philadelphia, ~80 mi)", () => {
    const { x, y } = toMiles({ lat: 40.7128, lng: -74.006 }, { lat: 39.9526, lng: -75.1652 });
    expect(Math.hypot(x, y)).toBeGreaterThan(79.5);
    expect(Math.hypot(x, y)).toBeLessThan(81);
  });
});

describe("map projection — the SVG frame", () => {
  it("fits the radius circle inside the padding and puts north up", () => {
    const frame = mapFrame(150, 400, 20);
    expect(frame.pxPerMile * 150).toBeCloseTo(180);
    const center = { lat: 40, lng: -75 };
    expect(frame.toSvg(center, center)).toEqual({ x: 200, y: 200 });
    const north = frame.toSvg(center, { lat: 41, lng: -75 });
    expect(north.y).toBeLessThan(200);
    const east = frame.toSvg(center, { lat: 40, lng: -74 });
    expect(east.x).toBeGreaterThan(200);
  });

  it("picks a round scale bar length", () => {
    expect(niceMiles(70)).toBe(50);
    expect(niceMiles(150)).toBe(100);
    expect(niceMiles(9)).toBe(5);
    expect(niceMiles(0.3)).toBe(1);
    expect(niceMiles(20)).toBe(20);
  });
});

/**
 * Where the coverage map looks: the middle of everything it draws and how far out it must reach,
 * in miles, for the project map's local projection (`../projects/map-projection`).
 */
import { type LatLng, toMiles } from "../projects/map-projection";

/** A place on the map with the miles it covers around it (0 for a business's dot). */
export type Reach = LatLng & { radiusMiles: number };

/** The least half-width the map shows, so one business or a tiny radius is not a blur of zoom. */
export const MIN_EXTENT_MILES = 2;

/**
 * The centre of the bounding box of `places` and the half-width, in miles, of the square around
 * it that holds every place with its radius; `null` when there is nothing to draw.
 * @example coverageFrame([{ lat: 30, lng: -97, radiusMiles: 10 }]) // { center: { lat: 30, lng: -97 }, extentMiles: 10 }
 */
export function coverageFrame(places: Reach[]): { center: LatLng; extentMiles: number } | null {
  const valid = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
  if (valid.length === 0) return null;
  let [south, north, west, east] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of valid) {
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lng);
    east = Math.max(east, p.lng);
  }
  const center = { lat: (south + north) / 2, lng: (west + east) / 2 };
  let extentMiles = MIN_EXTENT_MILES;
  for (const p of valid) {
    const { x, y } = toMiles(center, p);
    extentMiles = Math.max(extentMiles, Math.max(Math.abs(x), Math.abs(y)) + Math.max(p.radiusMiles, 0));
  }
  return { center, extentMiles };
}

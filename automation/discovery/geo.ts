/**
 * Distances on the Earth and a spatial index of dealers. The index is mourner's kdbush (a static
 * k-d tree over flat typed arrays) searched with geokdbush (nearest-first great-circle search):
 * both are small ESM packages with no Node APIs, so they run in the Worker as they run here.
 * geokdbush only narrows the search; our own haversine decides who is inside the radius.
 */
import { around } from "geokdbush";
import KDBush from "kdbush";
import type { GeoPoint } from "../../schema/discovery";

export type { GeoPoint } from "../../schema/discovery";

/** The mean Earth radius (IUGG), in statute miles: the figure the project measures radii with. */
export const EARTH_RADIUS_MILES = 3958.8;
/** The Earth radius geokdbush measures with (its `earthRadius`, in km). */
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;
/**
 * How much wider than the radius geokdbush searches, so that a dealer our formula puts exactly on
 * the radius is never lost to its slightly different rounding; the exact check follows.
 */
const SEARCH_SLACK = 1e-6;

const RADIANS = Math.PI / 180;

/**
 * Great-circle distance in miles by the haversine formula.
 * @example greatCircleMiles({ lat: 40.7484, lng: -73.9967 }, { lat: 34.0901, lng: -118.4065 }) // ≈ 2448
 */
export function greatCircleMiles(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The point `north` and `east` miles from `from`, on a flat map around it: close enough for the
 * few miles of a town or a search tile.
 */
export function offsetMiles(from: GeoPoint, north: number, east: number): GeoPoint {
  return {
    lat: from.lat + north / EARTH_RADIUS_MILES / RADIANS,
    lng: from.lng + east / (EARTH_RADIUS_MILES * Math.cos(from.lat * RADIANS)) / RADIANS,
  };
}

/** Anything with a position, as dealer records carry one. */
export type Located = { latitude: number; longitude: number };

export type Nearby<T> = { dealer: T; distanceMiles: number };

/** A static index of dealers, built once, answering "who is within N miles of here". */
export class DealerDirectory<T extends Located> {
  readonly dealers: readonly T[];
  readonly #index: KDBush;

  constructor(dealers: readonly T[]) {
    this.dealers = dealers;
    this.#index = new KDBush(dealers.length);
    for (const dealer of dealers) this.#index.add(dealer.longitude, dealer.latitude);
    this.#index.finish();
  }

  get size(): number {
    return this.dealers.length;
  }

  /**
   * Dealers at most `radiusMiles` from `center` by great-circle distance, nearest first; only
   * those `accept` takes, tested during the tree walk so rejected dealers cost no distance.
   */
  within(center: GeoPoint, radiusMiles: number, accept?: (dealer: T) => boolean): Nearby<T>[] {
    if (!this.dealers.length || !(radiusMiles >= 0)) return [];
    const searchKm = (radiusMiles / EARTH_RADIUS_MILES) * GEOKDBUSH_EARTH_RADIUS_KM * (1 + SEARCH_SLACK);
    const found: Nearby<T>[] = [];
    const predicate = accept && ((id: number) => accept(this.dealers[id]!));
    for (const id of around(this.#index, center.lng, center.lat, Number.POSITIVE_INFINITY, searchKm, predicate)) {
      const dealer = this.dealers[id]!;
      const distanceMiles = greatCircleMiles(center, { lat: dealer.latitude, lng: dealer.longitude });
      if (distanceMiles <= radiusMiles) found.push({ dealer, distanceMiles });
    }
    return found.sort((a, b) => a.distanceMiles - b.distanceMiles);
  }
}

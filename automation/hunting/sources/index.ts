/**
 * Where hunted businesses come from: Outscraper's Google Maps search, Google Places Text Search
 * and OpenStreetMap through Overpass, each behind `BusinessSource` and reporting `BusinessRecord`s,
 * and the user's own CSV upload.
 */
export { csvBusinessSource, type ParsedBusinessCsv, parseBusinessCsv } from "./csv";
export { GOOGLE_MAX_PLACES, GOOGLE_PLACES_URL, googlePlace, googlePlacesSource } from "./google-places";
export { MAPS_PLACES_PER_QUERY, OUTSCRAPER_URL, type OutscraperOptions, outscraperSource } from "./outscraper";
export { chainFlag, outscraperPlace, providerEmail } from "./outscraper-place";
export { OUTSCRAPER_POLL_MAX_MS, type OutscraperTaskOptions, runOutscraperTask } from "./outscraper-task";
export { OVERPASS_URL, osmBusiness, overpassQuery, overpassSource } from "./overpass";
export { OSM_CATEGORIES, osmTagsFor, type TagFilter } from "./overpass-categories";
export {
  businessesIn,
  MAX_PER_ZIP,
  SAMPLE_CATEGORIES,
  sampleBusinesses,
  sampleCategoriesFor,
  sampleSource,
} from "./sample";
export type { BusinessSearch, BusinessSearchResult, BusinessSource, HttpSourceOptions } from "./types";

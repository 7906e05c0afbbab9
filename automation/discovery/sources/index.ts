/** Where dealers come from: the fictional sample, OpenStreetMap, Outscraper, Google Places, a CSV. */
export { type CsvRowError, csvSource, type ParsedDealerCsv, parseDealerCsv } from "./csv";
export { googlePlacesSource } from "./google-places";
export { outscraperSource } from "./outscraper";
export { overpassQuery, overpassSource } from "./overpass";
export {
  MAX_SAMPLE_DEALERS,
  mulberry32,
  SAMPLE_DEALERS,
  sampleDirectory,
  sampleDirectoryIndex,
  sampleSource,
} from "./sample";
export type { DealerSource, HttpSourceOptions } from "./types";

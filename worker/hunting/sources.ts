/**
 * Which source a scrape asks, built with the workspace's keys and the Worker's provider URLs: the
 * sample directory (no key, no network), Outscraper and Google Places (the workspace's keys),
 * OpenStreetMap's Overpass (keyless) and an uploaded CSV.
 */
import {
  type BusinessSource,
  csvBusinessSource,
  googlePlacesSource,
  osmTagsFor,
  outscraperSource,
  overpassSource,
  SAMPLE_CATEGORIES,
  sampleCategoriesFor,
  sampleSource,
} from "../../automation/hunting";
import type { HuntingSource } from "../../schema/hunting";
import type { ProviderKeys } from "../projects/discover";
import { HuntingInputError } from "./errors";

/** A source's lines it could not read (a CSV's), reported with the run. */
export type ScrapeSource = BusinessSource & { errors?: { line: number; message: string }[] };

const userAgent = (env: Env) => `Rowpilot/0.1 (+${env.APP_URL})`;

export function huntingSource(
  env: Env,
  source: HuntingSource,
  keys: ProviderKeys,
  options: { csv?: string; fetchReviews: boolean },
): ScrapeSource {
  switch (source) {
    case "sample":
      return sampleSource();
    case "overpass":
      return overpassSource({ baseUrl: env.OVERPASS_URL || undefined, userAgent: userAgent(env) });
    case "outscraper":
      if (!keys.outscraper) throw new HuntingInputError("source: add an Outscraper API key in Settings first");
      return outscraperSource({
        apiKey: keys.outscraper,
        baseUrl: env.OUTSCRAPER_URL || undefined,
        reviewsForEmailless: options.fetchReviews,
      });
    case "google":
      if (!keys.google) throw new HuntingInputError("source: add a Google Places API key in Settings first");
      return googlePlacesSource({ apiKey: keys.google, baseUrl: env.GOOGLE_PLACES_URL || undefined });
    case "csv":
      if (!options.csv?.trim()) throw new HuntingInputError("csv: upload a CSV file of businesses");
      return csvBusinessSource(options.csv);
  }
}

/** Refuses a scrape the source cannot run (no key, no file) before anything is claimed. */
export function checkSource(source: HuntingSource, keys: ProviderKeys, csv: string | undefined): void {
  if (source === "outscraper" && !keys.outscraper)
    throw new HuntingInputError("source: add an Outscraper API key in Settings first");
  if (source === "google" && !keys.google)
    throw new HuntingInputError("source: add a Google Places API key in Settings first");
  if (source === "csv" && !csv?.trim()) throw new HuntingInputError("csv: upload a CSV file of businesses");
}

/**
 * Refuses a territory's category a keyless source cannot search: OpenStreetMap's tags are a fixed
 * list, and the sample directory has 20 categories. Providers take any text.
 */
export function checkCategory(source: HuntingSource, query: string): void {
  if (source === "overpass") {
    try {
      osmTagsFor(query);
    } catch (error) {
      throw new HuntingInputError((error as Error).message);
    }
  }
  if (source === "sample" && !sampleCategoriesFor(query).length)
    throw new HuntingInputError(
      `The sample directory has no "${query.trim()}" businesses: use one of ${Object.keys(SAMPLE_CATEGORIES)
        .map((c) => c.toLowerCase())
        .join(", ")}, or another source`,
    );
}

/**
 * Local businesses from Outscraper's Google Maps search (`/maps/search-v3`, key in `X-API-KEY`),
 * page by page with `skip`/`limit`, each page an asynchronous task waited out by
 * `runOutscraperTask`. With `enrich` it asks for `domains_service` (emails from each place's
 * site) and, when `reviewsForEmailless` is on, fetches the reviews of places still without an
 * email (`/maps/reviews-v3`) so email finding can read them. https://app.outscraper.com/api-docs
 */
import type { BusinessRecord } from "../../../schema/hunting";
import { DiscoveryError } from "../../discovery/errors";
import { joinUrl, type RetryPolicy } from "../../discovery/http";
import { outscraperPlace } from "./outscraper-place";
import { type OutscraperTaskOptions, runOutscraperTask } from "./outscraper-task";
import type { BusinessSearch, BusinessSource, HttpSourceOptions } from "./types";

export const OUTSCRAPER_URL = "https://api.app.outscraper.com";
/** Places a page: one task of a hundred places finishes in a minute or two. */
export const OUTSCRAPER_PAGE_SIZE = 100;
/** Google Maps stops listing at about 120 places a query; reaching it means the area holds more. */
export const MAPS_PLACES_PER_QUERY = 120;
/** One request (submit or poll) answers in seconds; a minute is a provider that is not answering. */
export const OUTSCRAPER_TIMEOUT_MS = 60_000;
/** Outscraper's own SDKs wait up to 12 minutes for a queued task before giving up on it. */
export const OUTSCRAPER_POLL_TIMEOUT_MS = 12 * 60_000;
/** The first pause before asking about a queued task; its SDKs pause 5 s, a small task is done by then. */
export const OUTSCRAPER_POLL_INTERVAL_MS = 3_000;
/** Retries on 429/5xx: three, starting at 2 s, ride out a short rate limit without hammering it. */
export const OUTSCRAPER_RETRY: RetryPolicy = { attempts: 3, backoffMs: 2_000 };
/** Reviews read per place: the newest twenty hold the owner's answers that carry an address, if any do. */
export const OUTSCRAPER_REVIEWS_PER_PLACE = 20;
/** Places per reviews task: one request carries several `query` values; twenty keep a task short. */
export const OUTSCRAPER_REVIEW_BATCH = 20;

export type OutscraperOptions = HttpSourceOptions &
  Partial<Pick<OutscraperTaskOptions, "pollTimeoutMs" | "pollIntervalMs" | "retry">> & {
    /** Fetch reviews of places without an email when enriching (costs credits). */
    reviewsForEmailless?: boolean;
  };

export function outscraperSource(options: OutscraperOptions): BusinessSource {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) throw new DiscoveryError("missing_key", "Outscraper needs an API key: add it in Settings");
  const baseUrl = options.baseUrl ?? OUTSCRAPER_URL;
  const task: OutscraperTaskOptions = {
    baseUrl,
    apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? OUTSCRAPER_TIMEOUT_MS,
    pollTimeoutMs: options.pollTimeoutMs ?? OUTSCRAPER_POLL_TIMEOUT_MS,
    pollIntervalMs: options.pollIntervalMs ?? OUTSCRAPER_POLL_INTERVAL_MS,
    retry: options.retry ?? OUTSCRAPER_RETRY,
  };
  return {
    source: "outscraper",
    async search(search) {
      const records = await searchPages(search, task);
      if (search.enrich && options.reviewsForEmailless) await addReviews(records, task);
      return {
        records,
        // Outscraper bills by the month from its dashboard; its answers carry no cost.
        costUsd: null,
        full: records.length >= Math.min(search.limit, MAPS_PLACES_PER_QUERY),
      };
    },
  };
}

async function searchPages(search: BusinessSearch, task: OutscraperTaskOptions): Promise<BusinessRecord[]> {
  const byPlace = new Map<string, BusinessRecord>();
  let skip = 0;
  while (skip < search.limit) {
    const pageSize = Math.min(OUTSCRAPER_PAGE_SIZE, search.limit - skip);
    const params = new URLSearchParams({
      query: `${search.query} near ${search.center.lat.toFixed(5)},${search.center.lng.toFixed(5)}`,
      limit: String(pageSize),
      skip: String(skip),
      language: "en",
      region: "US",
    });
    if (search.enrich) params.append("enrichment", "domains_service");
    const data = await runOutscraperTask(
      joinUrl(task.baseUrl, `/maps/search-v3?${params}`),
      `"${search.query}" search`,
      task,
    );
    // One query in, one list of places out: `data` is `[[place, …]]`.
    const places = data.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]));
    for (const raw of places) {
      const record = outscraperPlace(raw);
      if (record) byPlace.set(record.placeId ?? `${record.name}|${record.address}`, record);
    }
    if (places.length < pageSize) break;
    skip += pageSize;
  }
  return [...byPlace.values()];
}

/** Adds review texts and owner answers to each record with a place id and no email. */
async function addReviews(records: BusinessRecord[], task: OutscraperTaskOptions): Promise<void> {
  const wanting = records.filter((record) => !record.email && record.placeId);
  for (let start = 0; start < wanting.length; start += OUTSCRAPER_REVIEW_BATCH) {
    const batch = wanting.slice(start, start + OUTSCRAPER_REVIEW_BATCH);
    const params = new URLSearchParams({ reviewsLimit: String(OUTSCRAPER_REVIEWS_PER_PLACE), limit: "1" });
    for (const record of batch) params.append("query", record.placeId ?? "");
    const data = await runOutscraperTask(joinUrl(task.baseUrl, `/maps/reviews-v3?${params}`), "reviews fetch", task);
    const byPlace = new Map(batch.map((record) => [record.placeId, record]));
    for (const entry of data.flatMap((item) => (Array.isArray(item) ? item : [item]))) {
      const place = entry as { place_id?: unknown; reviews_data?: unknown };
      const record = typeof place.place_id === "string" ? byPlace.get(place.place_id) : undefined;
      if (!record || !Array.isArray(place.reviews_data)) continue;
      record.reviewTexts = place.reviews_data.flatMap((review: { review_text?: unknown; owner_answer?: unknown }) =>
        [review.review_text, review.owner_answer].filter((part): part is string => typeof part === "string" && !!part),
      );
    }
  }
}

/**
 * Local businesses from Google's Places API (New) Text Search: the territory's category as the
 * text, biased to a circle around its centre, following `nextPageToken` up to the caller's limit
 * or Google's 60 places. Key in `X-Goog-Api-Key`, fields in `X-Goog-FieldMask`.
 * https://developers.google.com/maps/documentation/places/web-service/text-search
 */
import { z } from "zod";
import { BusinessRecord } from "../../../schema/hunting";
import { DiscoveryError } from "../../discovery/errors";
import { cleanWebsite, joinUrl, type RetryPolicy, requestJson } from "../../discovery/http";
import { GooglePlace } from "../../discovery/sources/google-places";
import { METRES_PER_MILE } from "../../discovery/sources/types";
import type { BusinessSearch, BusinessSource, HttpSourceOptions } from "./types";

export const GOOGLE_PLACES_URL = "https://places.googleapis.com";
/** The largest `locationBias.circle.radius` Text Search accepts, in metres (the API's limit). */
export const GOOGLE_MAX_BIAS_METRES = 50_000;
/** Text Search returns at most 60 places over all pages: more pages never come. */
export const GOOGLE_MAX_PLACES = 60;
/** Places a page: Text Search's largest `pageSize`. */
export const GOOGLE_PAGE_SIZE = 20;
/** One page answers in a second or two; fifteen is a provider that is not answering. */
export const GOOGLE_TIMEOUT_MS = 15_000;
/** Google's per-minute quota frees up within seconds: two retries from 1 s ride out a burst. */
export const GOOGLE_RETRY: RetryPolicy = { attempts: 2, backoffMs: 1_000 };

/** Only what we read: Google bills Text Search by the fields asked for. */
export const GOOGLE_FIELD_MASK = [
  "places.id",
  "places.displayName",
  "places.primaryTypeDisplayName",
  "places.formattedAddress",
  "places.addressComponents",
  "places.nationalPhoneNumber",
  "places.websiteUri",
  "places.location",
  "places.rating",
  "places.userRatingCount",
  "places.businessStatus",
  "places.googleMapsUri",
  "nextPageToken",
].join(",");

/** The dealer discovery's place, with the facts a lead's score reads. */
const Place = GooglePlace.extend({
  primaryTypeDisplayName: z.object({ text: z.string() }).optional(),
  rating: z.number().optional(),
  userRatingCount: z.number().optional(),
  businessStatus: z.string().optional(),
  googleMapsUri: z.string().optional(),
});
const SearchTextResponse = z.object({ places: z.array(z.unknown()).default([]), nextPageToken: z.string().optional() });

export function googlePlacesSource(options: HttpSourceOptions & { retry?: RetryPolicy }): BusinessSource {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) throw new DiscoveryError("missing_key", "Google Places needs an API key: add it in Settings");
  const url = joinUrl(options.baseUrl ?? GOOGLE_PLACES_URL, "/v1/places:searchText");
  return {
    source: "google",
    async search(search) {
      const wanted = Math.min(search.limit, GOOGLE_MAX_PLACES);
      const byId = new Map<string, BusinessRecord>();
      let pageToken: string | undefined;
      do {
        const json = await requestJson({
          provider: "Google Places",
          url,
          init: {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "X-Goog-Api-Key": apiKey,
              "X-Goog-FieldMask": GOOGLE_FIELD_MASK,
            },
            body: JSON.stringify(searchBody(search, pageToken)),
          },
          fetch: options.fetch,
          timeoutMs: options.timeoutMs ?? GOOGLE_TIMEOUT_MS,
          keyed: true,
          retry: options.retry ?? GOOGLE_RETRY,
        });
        const parsed = SearchTextResponse.safeParse(json);
        if (!parsed.success) throw new DiscoveryError("bad_response", "Google Places sent an answer with no places");
        for (const raw of parsed.data.places) {
          const record = googlePlace(raw);
          if (record && byId.size < wanted) byId.set(record.placeId ?? `${record.name}|${record.address}`, record);
        }
        pageToken = parsed.data.nextPageToken;
      } while (pageToken && byId.size < wanted);
      // Google reports no cost in its answers; it bills by field mask from the Cloud console.
      return { records: [...byId.values()], costUsd: null, full: byId.size >= wanted };
    },
  };
}

/** The request body; the bias circle is capped at the API's 50 km (beyond it Google only ranks). */
export function searchBody(search: BusinessSearch, pageToken?: string) {
  return {
    textQuery: search.query,
    pageSize: GOOGLE_PAGE_SIZE,
    locationBias: {
      circle: {
        center: { latitude: search.center.lat, longitude: search.center.lng },
        radius: Math.min(search.radiusMiles * METRES_PER_MILE, GOOGLE_MAX_BIAS_METRES),
      },
    },
    ...(pageToken ? { pageToken } : {}),
  };
}

/** One Text Search place as a record, or null for one without a name. */
export function googlePlace(raw: unknown): BusinessRecord | null {
  const parsed = Place.safeParse(raw);
  const place = parsed.success ? parsed.data : null;
  const name = place?.displayName?.text.trim();
  if (!place || !name) return null;
  const part = (type: string, short = false) => {
    const component = place.addressComponents?.find((c) => c.types.includes(type));
    return (short ? component?.shortText : component?.longText) ?? "";
  };
  const street = [part("street_number"), part("route")].filter(Boolean).join(" ");
  const record = BusinessRecord.safeParse({
    name,
    category: place.primaryTypeDisplayName?.text ?? "",
    address: street || (place.formattedAddress?.split(",")[0] ?? ""),
    city: part("locality"),
    state: part("administrative_area_level_1", true),
    zip: part("postal_code"),
    latitude: place.location?.latitude ?? null,
    longitude: place.location?.longitude ?? null,
    phone: place.nationalPhoneNumber ?? "",
    website: cleanWebsite(place.websiteUri),
    rating: place.rating ?? null,
    reviews: place.userRatingCount ?? null,
    placeId: place.id ?? null,
    mapsUrl: place.googleMapsUri ?? "",
    status: place.businessStatus?.startsWith("CLOSED") ? "closed" : "operational",
    source: "google",
  });
  return record.success ? record.data : null;
}

/**
 * Dealers from Google's Places API (New) Text Search, one search per make ("Toyota dealer",
 * `includedType: car_dealer`) biased to a circle around the project's center, following
 * `nextPageToken` for up to three pages.
 * https://developers.google.com/maps/documentation/places/web-service/text-search
 */
import { z } from "zod";
import type { DealerQuery, DealerRecord } from "../../../schema/discovery";
import { DiscoveryError } from "../errors";
import { cleanWebsite, joinUrl, requestJson } from "../http";
import { makesFromName } from "../makes";
import { type DealerSource, type HttpSourceOptions, METRES_PER_MILE } from "./types";

export const GOOGLE_PLACES_URL = "https://places.googleapis.com";
/** The largest `locationBias.circle.radius` Text Search accepts, in metres (the API's limit). */
export const GOOGLE_MAX_BIAS_METRES = 50_000;
/** Text Search returns at most 60 places over all pages, 20 a page: more pages never come. */
export const GOOGLE_MAX_PAGES = 3;
/** Places a page: Text Search's largest `pageSize`. */
export const GOOGLE_PAGE_SIZE = 20;
/** One page of Text Search answers in a second or two; ten is a provider that is not answering. */
export const GOOGLE_TIMEOUT_MS = 15_000;

/** Only what we read: Google bills Text Search by the fields asked for. */
export const GOOGLE_FIELD_MASK = [
  "places.id",
  "places.displayName",
  "places.formattedAddress",
  "places.addressComponents",
  "places.nationalPhoneNumber",
  "places.websiteUri",
  "places.location",
  "nextPageToken",
].join(",");

/** A place as Text Search (New) answers it, with the fields both discoveries ask for. */
export const GooglePlace = z.object({
  id: z.string().optional(),
  displayName: z.object({ text: z.string() }).optional(),
  formattedAddress: z.string().optional(),
  addressComponents: z
    .array(z.object({ longText: z.string().optional(), shortText: z.string().optional(), types: z.array(z.string()) }))
    .optional(),
  nationalPhoneNumber: z.string().optional(),
  websiteUri: z.string().optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});
const SearchTextResponse = z.object({ places: z.array(z.unknown()).default([]), nextPageToken: z.string().optional() });

export function googlePlacesSource(options: HttpSourceOptions): DealerSource {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) throw new DiscoveryError("missing_key", "Google Places needs an API key: add it in Settings");
  const url = joinUrl(options.baseUrl ?? GOOGLE_PLACES_URL, "/v1/places:searchText");
  return {
    source: "google",
    async search(query) {
      const byId = new Map<string, DealerRecord>();
      const subjects = query.makes.length ? query.makes.map((make) => `${make} dealer`) : ["car dealer"];
      for (const subject of subjects) {
        let pageToken: string | undefined;
        for (let page = 0; page < GOOGLE_MAX_PAGES; page++) {
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
              body: JSON.stringify(searchBody(subject, query, pageToken)),
            },
            fetch: options.fetch,
            timeoutMs: options.timeoutMs ?? GOOGLE_TIMEOUT_MS,
            keyed: true,
          });
          const parsed = SearchTextResponse.safeParse(json);
          if (!parsed.success) throw new DiscoveryError("bad_response", "Google Places sent an answer with no places");
          for (const raw of parsed.data.places) {
            const place = GooglePlace.safeParse(raw);
            const record = place.success ? toRecord(place.data) : null;
            if (record) byId.set(record.sourceId ?? `${record.name}|${record.address}`, record);
          }
          pageToken = parsed.data.nextPageToken;
          if (!pageToken) break;
        }
      }
      return [...byId.values()];
    },
  };
}

/**
 * The request body. The bias circle is capped at the API's 50 km: beyond ~31 miles it only ranks
 * nearer places first, and `selectDealers` applies the project's real radius.
 */
export function searchBody(subject: string, query: DealerQuery, pageToken?: string) {
  return {
    textQuery: subject,
    includedType: "car_dealer",
    pageSize: GOOGLE_PAGE_SIZE,
    locationBias: {
      circle: {
        center: { latitude: query.center.lat, longitude: query.center.lng },
        radius: Math.min(query.radiusMiles * METRES_PER_MILE, GOOGLE_MAX_BIAS_METRES),
      },
    },
    ...(pageToken ? { pageToken } : {}),
  };
}

function toRecord(place: z.infer<typeof GooglePlace>): DealerRecord | null {
  const name = place.displayName?.text.trim();
  if (!name || !place.location) return null;
  const part = (type: string, short = false) => {
    const component = place.addressComponents?.find((c) => c.types.includes(type));
    return (short ? component?.shortText : component?.longText) ?? "";
  };
  const street = [part("street_number"), part("route")].filter(Boolean).join(" ");
  return {
    name,
    makes: makesFromName(name),
    address: street || (place.formattedAddress?.split(",")[0] ?? ""),
    city: part("locality"),
    state: part("administrative_area_level_1", true),
    zip: part("postal_code"),
    phone: place.nationalPhoneNumber ?? "",
    website: cleanWebsite(place.websiteUri),
    latitude: place.location.latitude,
    longitude: place.location.longitude,
    source: "google",
    ...(place.id ? { sourceId: place.id } : {}),
  };
}

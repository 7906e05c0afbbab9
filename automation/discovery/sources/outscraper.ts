/**
 * Dealers from Outscraper's Google Maps search (https://app.outscraper.com/api-docs), one search
 * per make ("Toyota dealer near 41.88,-87.63"), synchronously (`async=false`). Needs the user's
 * key, sent as `X-API-KEY`. Makes come from each place's name and its Google categories, not from
 * the query: a "Toyota dealer" search also returns the Honda store next door.
 */
import { z } from "zod";
import type { DealerQuery, DealerRecord } from "../../../schema/discovery";
import { DiscoveryError } from "../errors";
import { cleanWebsite, joinUrl, requestJson } from "../http";
import { makesFromName } from "../makes";
import type { DealerSource, HttpSourceOptions } from "./types";

export const OUTSCRAPER_URL = "https://api.app.outscraper.com";
/** Places per make: Outscraper bills per place returned, and 100 covers one make in a metro area. */
export const OUTSCRAPER_PLACES_PER_MAKE = 100;
/** A synchronous search scrapes Google Maps while we wait; a hundred places take up to a minute or two. */
export const OUTSCRAPER_TIMEOUT_MS = 150_000;

const text = z.string().nullish().catch(null);
const Place = z.object({
  name: text,
  full_address: text,
  street: text,
  city: text,
  state: text,
  postal_code: text,
  phone: text,
  site: text,
  latitude: z.number().nullish().catch(null),
  longitude: z.number().nullish().catch(null),
  place_id: text,
  category: text,
  subtypes: text,
});
const OutscraperResponse = z.object({ data: z.array(z.array(z.unknown())) });
/** A search that outlives Outscraper's synchronous window comes back queued instead of done. */
const PendingResponse = z.object({ id: z.string(), status: z.literal("Pending") });

export function outscraperSource(options: HttpSourceOptions): DealerSource {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) throw new DiscoveryError("missing_key", "Outscraper needs an API key: add it in Settings");
  const baseUrl = options.baseUrl ?? OUTSCRAPER_URL;
  return {
    source: "outscraper",
    async search(query) {
      const byPlace = new Map<string, DealerRecord>();
      const subjects = query.makes.length ? query.makes.map((make) => `${make} dealer`) : ["car dealer"];
      // One make at a time: Outscraper runs a synchronous search per request, and a burst of them
      // counts against the account's concurrency.
      for (const subject of subjects) {
        for (const record of await searchOne(subject, query, { ...options, apiKey, baseUrl })) {
          byPlace.set(record.sourceId ?? `${record.name}|${record.address}`, record);
        }
      }
      return [...byPlace.values()];
    },
  };
}

async function searchOne(
  subject: string,
  query: DealerQuery,
  options: HttpSourceOptions & { apiKey: string; baseUrl: string },
): Promise<DealerRecord[]> {
  const params = new URLSearchParams({
    query: `${subject} near ${query.center.lat.toFixed(5)},${query.center.lng.toFixed(5)}`,
    limit: String(OUTSCRAPER_PLACES_PER_MAKE),
    language: "en",
    async: "false",
  });
  const json = await requestJson({
    provider: "Outscraper",
    url: joinUrl(options.baseUrl, `/maps/search-v3?${params}`),
    init: { headers: { "X-API-KEY": options.apiKey, Accept: "application/json" } },
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? OUTSCRAPER_TIMEOUT_MS,
    keyed: true,
  });
  const parsed = OutscraperResponse.safeParse(json);
  if (!parsed.success) {
    const pending = PendingResponse.safeParse(json);
    throw pending.success
      ? new DiscoveryError(
          "upstream_error",
          `Outscraper queued the "${subject}" search (request ${pending.data.id}) instead of answering: try again in a few minutes`,
        )
      : new DiscoveryError("bad_response", "Outscraper sent an answer with no data");
  }
  return parsed.data.data.flat().flatMap((raw) => {
    const place = Place.safeParse(raw);
    const record = place.success ? toRecord(place.data) : null;
    return record ? [record] : [];
  });
}

function toRecord(place: z.infer<typeof Place>): DealerRecord | null {
  const name = place.name?.trim();
  if (!name || place.latitude == null || place.longitude == null) return null;
  const makes = new Set([...makesFromName(name), ...makesFromName(place.subtypes ?? place.category ?? "")]);
  return {
    name,
    makes: [...makes],
    address: place.street ?? place.full_address ?? "",
    city: place.city ?? "",
    state: place.state ?? "",
    zip: place.postal_code ?? "",
    phone: place.phone ?? "",
    website: cleanWebsite(place.site),
    latitude: place.latitude,
    longitude: place.longitude,
    source: "outscraper",
    ...(place.place_id ? { sourceId: place.place_id } : {}),
  };
}

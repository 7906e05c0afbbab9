/**
 * Local businesses from OpenStreetMap through the Overpass API: keyless, so hunting works with no
 * provider account. The category becomes OSM tags (`overpass-categories.ts`), searched with
 * `around:` the territory's centre; emails come from `contact:email`/`email` when mappers added them.
 * https://wiki.openstreetmap.org/wiki/Overpass_API/Overpass_QL
 */
import { z } from "zod";
import { BusinessRecord } from "../../../schema/hunting";
import { DiscoveryError } from "../../discovery/errors";
import { cleanWebsite, type RetryPolicy, requestJson } from "../../discovery/http";
import { METRES_PER_MILE } from "../../discovery/sources/types";
import { osmTagsFor, type TagFilter } from "./overpass-categories";
import type { BusinessSearch, BusinessSource, HttpSourceOptions } from "./types";

export const OVERPASS_URL = "https://overpass-api.de/api/interpreter";
/** Seconds the Overpass server may spend on the query (`[timeout:…]`); its own default is 180. */
export const OVERPASS_QUERY_TIMEOUT_S = 90;
/** Our wait: the server's allowance plus time for the answer to travel. */
export const OVERPASS_TIMEOUT_MS = (OVERPASS_QUERY_TIMEOUT_S + 15) * 1000;
/** The public server answers 429 while our slot is taken and frees it within seconds. */
export const OVERPASS_RETRY: RetryPolicy = { attempts: 2, backoffMs: 5_000 };

const Element = z.object({
  type: z.string(),
  id: z.number(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  center: z.object({ lat: z.number(), lon: z.number() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
const OverpassResponse = z.object({ elements: z.array(z.unknown()), remark: z.string().optional() });

/** Overpass QL string literal: quotes and backslashes escaped. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

/**
 * The query: every node, way and relation matching any of the category's tag filters within the
 * radius, ways at their centre, one more than the limit so a full answer shows.
 */
export function overpassQuery(filters: readonly TagFilter[], search: Omit<BusinessSearch, "query" | "enrich">): string {
  const metres = Math.round(search.radiusMiles * METRES_PER_MILE);
  const around = `(around:${metres},${search.center.lat},${search.center.lng})`;
  const statements = filters.map((filter) => {
    const tags = Object.entries(filter)
      .map(([key, value]) => `[${quoted(key)}=${quoted(value)}]`)
      .join("");
    return `nwr${tags}${around};`;
  });
  return `[out:json][timeout:${OVERPASS_QUERY_TIMEOUT_S}];(${statements.join("")});out center tags ${search.limit + 1};`;
}

export function overpassSource(
  options: HttpSourceOptions & { userAgent?: string; retry?: RetryPolicy } = {},
): BusinessSource {
  const url = options.baseUrl ?? OVERPASS_URL;
  return {
    source: "overpass",
    async search(search) {
      const { category, filters } = osmTagsFor(search.query);
      const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
      if (options.userAgent) headers["User-Agent"] = options.userAgent;
      const json = await requestJson({
        provider: "Overpass",
        url,
        init: {
          method: "POST",
          headers,
          body: new URLSearchParams({ data: overpassQuery(filters, search) }).toString(),
        },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? OVERPASS_TIMEOUT_MS,
        keyed: false,
        retry: options.retry ?? OVERPASS_RETRY,
      });
      const parsed = OverpassResponse.safeParse(json);
      if (!parsed.success) throw new DiscoveryError("bad_response", "Overpass sent an answer with no elements");
      // Overpass reports a query it had to stop (time, memory) with 200 and a remark.
      if (parsed.data.remark?.includes("error")) {
        throw new DiscoveryError(
          "upstream_error",
          `Overpass stopped the search (${parsed.data.remark}): try a smaller radius`,
        );
      }
      const records = parsed.data.elements.flatMap((raw) => {
        const record = osmBusiness(raw, category);
        return record ? [record] : [];
      });
      // OpenStreetMap is free: there is no cost to report.
      return { records: records.slice(0, search.limit), costUsd: 0, full: records.length > search.limit };
    },
  };
}

/** One OSM element as a record, or null for one without a name or a position. */
export function osmBusiness(raw: unknown, category: string): BusinessRecord | null {
  const parsed = Element.safeParse(raw);
  if (!parsed.success) return null;
  const element = parsed.data;
  const tags = element.tags ?? {};
  const name = (tags.name ?? "").trim();
  const lat = element.lat ?? element.center?.lat;
  const lng = element.lon ?? element.center?.lon;
  if (!name || lat === undefined || lng === undefined) return null;
  // A tag may hold several values separated by ";" (OSM's convention); the first is the main one.
  const first = (...keys: string[]) => (keys.map((key) => tags[key]).find(Boolean) ?? "").split(";")[0]!.trim();
  const email = first("contact:email", "email").toLowerCase();
  const record = BusinessRecord.safeParse({
    name,
    category,
    address: [tags["addr:housenumber"], tags["addr:street"]].filter(Boolean).join(" "),
    city: tags["addr:city"] ?? "",
    state: tags["addr:state"] ?? "",
    zip: tags["addr:postcode"] ?? "",
    latitude: lat,
    longitude: lng,
    phone: first("phone", "contact:phone"),
    website: cleanWebsite(first("website", "contact:website")),
    email,
    emailSource: email ? "provider" : null,
    placeId: `osm:${element.type}/${element.id}`,
    mapsUrl: `https://www.openstreetmap.org/${element.type}/${element.id}`,
    source: "overpass",
  });
  return record.success ? record.data : null;
}

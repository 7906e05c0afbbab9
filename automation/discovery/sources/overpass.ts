/**
 * OpenStreetMap's car dealers (`shop=car`) around a point, from the Overpass API: keyless, so it
 * is the real source a project can use with no setup. Makes come from the `brand` tag
 * ("Chevrolet;Buick;GMC") or, failing that, from the dealer's name.
 * https://wiki.openstreetmap.org/wiki/Overpass_API/Overpass_QL
 */
import { z } from "zod";
import type { DealerQuery, DealerRecord } from "../../../schema/discovery";
import { DiscoveryError } from "../errors";
import { cleanWebsite, requestJson } from "../http";
import { makesFromName, normalizeMakes } from "../makes";
import { type DealerSource, type HttpSourceOptions, METRES_PER_MILE } from "./types";

export const OVERPASS_URL = "https://overpass-api.de/api/interpreter";
/** Seconds the Overpass server may spend on the query (`[timeout:…]`); its own default is 180. */
export const OVERPASS_QUERY_TIMEOUT_S = 90;
/** Our wait: the server's allowance plus time for the answer to travel. */
export const OVERPASS_TIMEOUT_MS = (OVERPASS_QUERY_TIMEOUT_S + 15) * 1000;

const Tags = z.record(z.string(), z.string());
const Element = z.object({
  type: z.string(),
  id: z.number(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  center: z.object({ lat: z.number(), lon: z.number() }).optional(),
  tags: Tags.optional(),
});
const OverpassResponse = z.object({ elements: z.array(z.unknown()), remark: z.string().optional() });

/** The Overpass QL for `shop=car` nodes, ways and relations within the radius, ways at their centre. */
export function overpassQuery(query: Pick<DealerQuery, "center" | "radiusMiles">): string {
  const metres = Math.round(query.radiusMiles * METRES_PER_MILE);
  return (
    `[out:json][timeout:${OVERPASS_QUERY_TIMEOUT_S}];` +
    `nwr["shop"="car"](around:${metres},${query.center.lat},${query.center.lng});` +
    "out center tags;"
  );
}

export function overpassSource(options: HttpSourceOptions & { userAgent?: string } = {}): DealerSource {
  const url = options.baseUrl ?? OVERPASS_URL;
  return {
    source: "overpass",
    async search(query) {
      const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
      if (options.userAgent) headers["User-Agent"] = options.userAgent;
      const json = await requestJson({
        provider: "Overpass",
        url,
        init: { method: "POST", headers, body: new URLSearchParams({ data: overpassQuery(query) }).toString() },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? OVERPASS_TIMEOUT_MS,
        keyed: false,
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
      return parsed.data.elements.flatMap((raw) => {
        const element = Element.safeParse(raw);
        const record = element.success ? toRecord(element.data) : null;
        return record ? [record] : [];
      });
    },
  };
}

function toRecord(element: z.infer<typeof Element>): DealerRecord | null {
  const tags = element.tags ?? {};
  const name = (tags.name ?? "").trim();
  const lat = element.lat ?? element.center?.lat;
  const lng = element.lon ?? element.center?.lon;
  if (!name || lat === undefined || lng === undefined) return null;
  const fromBrand = normalizeMakes(tags.brand);
  const street = [tags["addr:housenumber"], tags["addr:street"]].filter(Boolean).join(" ");
  return {
    name,
    makes: fromBrand.length ? fromBrand : makesFromName(name),
    address: street,
    city: tags["addr:city"] ?? "",
    state: tags["addr:state"] ?? "",
    zip: tags["addr:postcode"] ?? "",
    phone: tags.phone ?? tags["contact:phone"] ?? "",
    website: cleanWebsite(tags.website ?? tags["contact:website"] ?? tags.url),
    latitude: lat,
    longitude: lng,
    source: "overpass",
    sourceId: `${element.type}/${element.id}`,
  };
}

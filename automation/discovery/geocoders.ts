/**
 * The two real `Geocoder`s an address without a ZIP code can go to: OpenStreetMap's Nominatim
 * (keyless, one request a second, a User-Agent that names the app required by its usage policy:
 * https://operations.osmfoundation.org/policies/nominatim/) and Google's Geocoding API (a key).
 */
import { z } from "zod";
import type { ProjectCenter } from "../../schema/projects";
import { DiscoveryError } from "./errors";
import { type HttpOptions, joinUrl, requestJson } from "./http";
import type { Geocoder } from "./zip";

/** One address lookup is a single small request; a provider that takes longer is not answering. */
export const GEOCODE_TIMEOUT_MS = 10_000;

const NominatimResults = z.array(
  z.object({ lat: z.coerce.number(), lon: z.coerce.number(), display_name: z.string() }),
);

/** Nominatim search, limited to the US; `userAgent` must identify the app and a contact. */
export function nominatimGeocoder(options: HttpOptions & { userAgent: string }): Geocoder {
  const baseUrl = options.baseUrl ?? "https://nominatim.openstreetmap.org";
  return {
    async geocode(address) {
      const params = new URLSearchParams({ q: address, format: "jsonv2", limit: "1", countrycodes: "us" });
      const json = await requestJson({
        provider: "Nominatim",
        url: joinUrl(baseUrl, `/search?${params}`),
        init: { headers: { "User-Agent": options.userAgent, Accept: "application/json" } },
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? GEOCODE_TIMEOUT_MS,
        keyed: false,
      });
      const parsed = NominatimResults.safeParse(json);
      if (!parsed.success) throw badShape("Nominatim");
      const first = parsed.data[0];
      return first ? { lat: first.lat, lng: first.lon, label: first.display_name } : null;
    },
  };
}

const GoogleGeocodeResponse = z.object({
  status: z.string(),
  error_message: z.string().optional(),
  results: z
    .array(
      z.object({
        formatted_address: z.string(),
        geometry: z.object({ location: z.object({ lat: z.number(), lng: z.number() }) }),
      }),
    )
    .default([]),
});

/** Google Geocoding API (https://developers.google.com/maps/documentation/geocoding), US-biased. */
export function googleGeocoder(options: HttpOptions & { apiKey: string }): Geocoder {
  if (!options.apiKey?.trim()) {
    throw new DiscoveryError("missing_key", "Google geocoding needs an API key: add it in Settings");
  }
  const baseUrl = options.baseUrl ?? "https://maps.googleapis.com";
  return {
    async geocode(address) {
      const params = new URLSearchParams({ address, region: "us", key: options.apiKey });
      const json = await requestJson({
        provider: "Google Geocoding",
        url: joinUrl(baseUrl, `/maps/api/geocode/json?${params}`),
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? GEOCODE_TIMEOUT_MS,
        keyed: true,
      });
      const parsed = GoogleGeocodeResponse.safeParse(json);
      if (!parsed.success) throw badShape("Google Geocoding");
      return googleResult(parsed.data);
    },
  };
}

/** Google answers errors with HTTP 200 and a `status`; only OK and ZERO_RESULTS are answers. */
function googleResult(response: z.infer<typeof GoogleGeocodeResponse>): ProjectCenter | null {
  const { status, results } = response;
  if (status === "ZERO_RESULTS") return null;
  if (status === "REQUEST_DENIED") {
    throw new DiscoveryError(
      "key_refused",
      `The Google Geocoding key was refused: ${response.error_message ?? "check it in Settings"}`,
    );
  }
  if (status === "OVER_QUERY_LIMIT" || status === "OVER_DAILY_LIMIT") {
    throw new DiscoveryError("rate_limited", "Google Geocoding is over its quota: try again later");
  }
  const first = results[0];
  if (status !== "OK" || !first) {
    throw new DiscoveryError("upstream_error", `Google Geocoding answered ${status}: ${response.error_message ?? ""}`);
  }
  return { lat: first.geometry.location.lat, lng: first.geometry.location.lng, label: first.formatted_address };
}

const badShape = (provider: string) =>
  new DiscoveryError("bad_response", `${provider} sent an answer in a shape we do not know`);

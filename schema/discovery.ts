/**
 * Dealership discovery's shapes: a point on the map, what a search asks for, and one dealer as
 * any source (sample directory, Overpass, Outscraper, Google Places, an uploaded CSV) reports it.
 */
import { z } from "zod";
import { DiscoverySource, Make } from "./projects";

/** A point in WGS84 degrees. */
export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** What discovery looks for: dealers of any of `makes` within `radiusMiles` of `center`. */
export const DealerQuery = z.object({
  center: GeoPoint,
  radiusMiles: z.number().positive(),
  makes: z.array(Make),
});
export type DealerQuery = z.infer<typeof DealerQuery>;

/** One dealership as a source reports it; text fields are "" when the source does not know them. */
export const DealerRecord = z.object({
  name: z.string().trim().min(1).max(300),
  makes: z.array(Make),
  /** The street line: "1200 Commerce Dr". */
  address: z.string().max(500),
  city: z.string().max(200),
  state: z.string().max(100),
  zip: z.string().max(20),
  phone: z.string().max(50),
  /** An http(s) URL, or "" when the dealer has no known website. */
  website: z.string().max(2000),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  source: DiscoverySource,
  /** The source's own id (OSM element, Google place id, sample number), when it has one. */
  sourceId: z.string().optional(),
});
export type DealerRecord = z.infer<typeof DealerRecord>;

/** A dealer selected for a project: its record and how far it is from the project's center. */
export type DealerCandidate = DealerRecord & { distanceMiles: number };

/**
 * What every business source is: one `search` for a category around a point, to records in the
 * shape of `schema/hunting.ts`, with what the provider charged when it says and whether the
 * answer hit the provider's or the caller's limit (a full answer means more places were left
 * out: the caller splits the territory into tiles and searches again).
 */
import type { BusinessRecord, HuntingSource } from "../../../schema/hunting";
import type { HttpOptions } from "../../discovery/http";

export type BusinessSearch = {
  /** The category or free search text, as the territory has it: "plumber", "vegan bakery". */
  query: string;
  center: { lat: number; lng: number };
  radiusMiles: number;
  /** Most places wanted; a source may cap it lower (its own limit). */
  limit: number;
  /** Ask the provider for emails (and, where the source can, reviews of places without one). */
  enrich: boolean;
};

export type BusinessSearchResult = {
  records: BusinessRecord[];
  /** US dollars, when the provider reports the cost of the call; null when it does not. */
  costUsd: number | null;
  /** The answer reached the limit (the caller's or the provider's), so there may be more places. */
  full: boolean;
};

export interface BusinessSource {
  readonly source: HuntingSource;
  search(search: BusinessSearch): Promise<BusinessSearchResult>;
}

/** What the HTTP sources take: where the provider is, how to fetch, the user's key if it needs one. */
export type HttpSourceOptions = HttpOptions & { apiKey?: string };

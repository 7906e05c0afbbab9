/**
 * What every dealer source is: one `search` from a point, a radius and makes to dealer records.
 * A source may return dealers a little outside the radius or of other makes (providers bias
 * rather than filter); `selectDealers` decides what a project gets.
 */
import type { DealerQuery, DealerRecord } from "../../../schema/discovery";
import type { DiscoverySource } from "../../../schema/projects";
import type { HttpOptions } from "../http";

export interface DealerSource {
  readonly source: DiscoverySource;
  search(query: DealerQuery): Promise<DealerRecord[]>;
}

/** What the HTTP sources take: where the provider is, how to fetch, the user's key if it needs one. */
export type HttpSourceOptions = HttpOptions & { apiKey?: string };

/** Metres in a statute mile, for the providers that take radii in metres. */
export const METRES_PER_MILE = 1609.344;

/**
 * Business hunting: what a source finds for a territory (a category in a place), normalised the
 * same way whichever provider found it, so de-duplication, scoring and the Businesses table see
 * one shape. Shared by `automation/hunting/`, the Worker and the tests.
 */
import { z } from "zod";

/** Where a business record came from. */
export const HUNTING_SOURCES = ["sample", "outscraper", "google", "overpass", "csv"] as const;
export const HuntingSource = z.enum(HUNTING_SOURCES);
export type HuntingSource = z.infer<typeof HuntingSource>;

/** How an email address was found. */
export const EMAIL_SOURCES = ["provider", "review", "website", "manual"] as const;
export const EmailSource = z.enum(EMAIL_SOURCES);
export type EmailSource = z.infer<typeof EmailSource>;

/** One business as a source reports it, before de-duplication and scoring. */
export const BusinessRecord = z.object({
  name: z.string().min(1),
  category: z.string().default(""),
  address: z.string().default(""),
  city: z.string().default(""),
  state: z.string().default(""),
  zip: z.string().default(""),
  latitude: z.number().nullable().default(null),
  longitude: z.number().nullable().default(null),
  phone: z.string().default(""),
  /** As the provider gave it; may be a social profile (facebook.com/…) rather than a site. */
  website: z.string().default(""),
  email: z.string().default(""),
  emailSource: EmailSource.nullable().default(null),
  rating: z.number().min(0).max(5).nullable().default(null),
  reviews: z.number().int().min(0).nullable().default(null),
  /** The provider's stable id (Google place id); absent for CSV rows and some OSM nodes. */
  placeId: z.string().nullable().default(null),
  mapsUrl: z.string().default(""),
  status: z.enum(["operational", "closed"]).default("operational"),
  /** The provider says it is a chain (Outscraper's `ai_chain_info`), when it says anything. */
  providerChain: z.boolean().nullable().default(null),
  source: HuntingSource,
  /** Review texts and owner answers, when the source fetched them (email finding reads them). */
  reviewTexts: z.array(z.string()).default([]),
});
export type BusinessRecord = z.infer<typeof BusinessRecord>;

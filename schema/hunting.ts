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

/** The most a lead score can be: the five default parts add up to exactly this. */
export const MAX_LEAD_SCORE = 100;

/** Points for each part of a lead's score; the defaults add up to 100. */
export const ScoringWeights = z.object({
  /** No website of its own (none, or only a social profile): the best lead for a site. */
  noWebsite: z.number().int().min(0).max(MAX_LEAD_SCORE).default(30),
  hasEmail: z.number().int().min(0).max(MAX_LEAD_SCORE).default(25),
  highRating: z.number().int().min(0).max(MAX_LEAD_SCORE).default(20),
  manyReviews: z.number().int().min(0).max(MAX_LEAD_SCORE).default(15),
  notChain: z.number().int().min(0).max(MAX_LEAD_SCORE).default(10),
});
export type ScoringWeights = z.infer<typeof ScoringWeights>;

/**
 * A workspace's lead scoring (its "Lead scoring" settings page): weights, the thresholds of the
 * rating and review parts, the minimum score of a qualified lead and its requirements. Thresholds
 * are above zero so a business without a rating or reviews never earns those parts.
 */
export const ScoringSettings = z
  .object({
    weights: ScoringWeights.prefault({}),
    /** A rating at or above this earns `highRating` (default 4.5). */
    minRating: z.number().gt(0).max(5).default(4.5),
    /** This many reviews or more earn `manyReviews` (default 100). */
    minReviews: z.number().int().min(1).default(100),
    /** A lead scoring at least this is qualified, when it meets the requirements too. */
    minScore: z.number().int().min(0).max(MAX_LEAD_SCORE).default(50),
    /** Qualified only without a website of its own. */
    requireNoWebsite: z.boolean().default(false),
    /** Qualified only with an email address. */
    requireEmail: z.boolean().default(false),
  })
  .refine((s) => Object.values(s.weights).reduce((a, b) => a + b, 0) <= MAX_LEAD_SCORE, {
    message: `The weights add up to more than ${MAX_LEAD_SCORE}, the most a score can be`,
    path: ["weights"],
  });
export type ScoringSettings = z.infer<typeof ScoringSettings>;
export type ScoringSettingsInput = z.input<typeof ScoringSettings>;

/** The facts a site is made from: a Businesses row and its top reviews. */
import { z } from "zod";

export const SiteReview = z.object({
  author: z.string().max(120).default(""),
  rating: z.number().min(0).max(5).nullable().default(null),
  text: z.string().max(5_000),
});
export type SiteReview = z.infer<typeof SiteReview>;

export const SiteFacts = z.object({
  name: z.string().min(1).max(200),
  category: z.string().max(120).default(""),
  address: z.string().max(300).default(""),
  city: z.string().max(120).default(""),
  state: z.string().max(60).default(""),
  zip: z.string().max(20).default(""),
  phone: z.string().max(40).default(""),
  website: z.string().max(500).default(""),
  email: z.string().max(254).default(""),
  rating: z.number().min(0).max(5).nullable().default(null),
  reviewCount: z.number().int().min(0).nullable().default(null),
  /** Opening hours as the provider gave them, one line a day ("Mon 8–5"); empty when unknown. */
  hours: z.array(z.string().max(80)).max(14).default([]),
  mapsUrl: z.string().max(1000).default(""),
  reviews: z.array(SiteReview).max(20).default([]),
  /** Where the claim bar's button goes. */
  claimUrl: z.string().max(1000).default(""),
});
export type SiteFacts = z.infer<typeof SiteFacts>;

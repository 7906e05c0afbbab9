/**
 * What a browser saw of a site version (`quality.json` beside its `index.html` in R2): axe-core's
 * serious and critical findings, the claim bar, console errors, weight, images without alt, the
 * document's language, largest contentful paint at phone size and broken links. The Quality cell
 * is its one-line summary; the repair pass and the publish check read the findings from here.
 */
import { z } from "zod";

/** An accessibility finding of axe-core: its rule, impact, how many elements, and where. */
export const AxeFinding = z.object({
  id: z.string(),
  impact: z.string(),
  nodes: z.number().int().min(0),
  /** axe's one-line description of the rule, e.g. "Buttons must have discernible text". */
  help: z.string().default(""),
  /** CSS selectors of the first elements found. */
  targets: z.array(z.string()).default([]),
});
export type AxeFinding = z.infer<typeof AxeFinding>;

export const BROKEN_LINK_PROBLEMS = {
  "missing-target": "points to an id the page does not have",
  empty: "has an empty or bare # address",
  scheme: "uses an address that is not http(s), mailto, tel or relative",
} as const;

/** A link a visitor could follow that goes nowhere useful. */
export const BrokenLink = z.object({
  href: z.string(),
  /** The link's visible text, shortened. */
  text: z.string(),
  problem: z.enum(Object.keys(BROKEN_LINK_PROBLEMS) as [keyof typeof BROKEN_LINK_PROBLEMS]),
});
export type BrokenLink = z.infer<typeof BrokenLink>;

export const SiteQualityReport = z.object({
  checkedAt: z.string(),
  /** axe-core's serious and critical findings (WCAG 2 A and AA rules), at either size. */
  accessibility: z.array(AxeFinding),
  claimBar: z.boolean(),
  consoleErrors: z.array(z.string()),
  bytes: z.number().int().min(0),
  imagesWithoutAlt: z.number().int().min(0),
  lang: z.string(),
  /** Largest contentful paint at phone size, ms after navigation; null when nothing contentful painted. */
  lcpMs: z.number().min(0).nullable(),
  brokenLinks: z.array(BrokenLink),
});
export type SiteQualityReport = z.infer<typeof SiteQualityReport>;

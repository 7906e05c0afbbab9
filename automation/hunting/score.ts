/**
 * A business's lead score, by default: no website of its own +30, an email +25, a
 * rating of 4.5 or more +20, 100 reviews or more +15, not a chain +10 (0–100), with the weights,
 * thresholds, minimum score and requirements of the workspace's `ScoringSettings`. The grid's
 * Score and Qualified formula columns (`formulas.ts`) compute the same answer.
 */
import { type BusinessRecord, ScoringSettings, type ScoringWeights } from "../../schema/hunting";
import { JS_SPACE, RE2_SPACE, websiteKind } from "./social";

/** What a score is computed from: the Businesses row's cells. A chain of unknown kind counts as local. */
export type ScoringFacts = Pick<BusinessRecord, "website" | "email" | "rating" | "reviews"> & {
  chain: boolean | null;
};

/** The points each part earned (0 or its weight), by the weight's name. */
export type ScoreParts = Record<keyof ScoringWeights, number>;

export type LeadScore = {
  score: number;
  qualified: boolean;
  parts: ScoreParts;
  /** The website was only a social or listing profile. */
  socialOnly: boolean;
};

/**
 * An email address: something, an @, something. A cell holding "n/a" or "none" has no email.
 * RE2 syntax, for the Score formula; the JavaScript twin spells RE2's white space out.
 */
export const EMAIL_PATTERN = `[^${RE2_SPACE}@]@[^${RE2_SPACE}@]`;
const EMAIL = new RegExp(`[^${JS_SPACE}@]@[^${JS_SPACE}@]`, "u");

/** The default settings, for callers that have no workspace settings yet. */
export const DEFAULT_SCORING: ScoringSettings = ScoringSettings.parse({});

/**
 * @example scoreBusiness({ website: "", email: "joe@joes.com", rating: 4.5, reviews: 12, chain: false }, DEFAULT_SCORING)
 * // { score: 85, qualified: true, parts: { noWebsite: 30, hasEmail: 25, highRating: 20, manyReviews: 0, notChain: 10 }, socialOnly: false }
 */
export function scoreBusiness(facts: ScoringFacts, settings: ScoringSettings = DEFAULT_SCORING): LeadScore {
  const { weights } = settings;
  const kind = websiteKind(facts.website).kind;
  const noWebsite = kind !== "own";
  const hasEmail = EMAIL.test(facts.email ?? "");
  const parts: ScoreParts = {
    noWebsite: noWebsite ? weights.noWebsite : 0,
    hasEmail: hasEmail ? weights.hasEmail : 0,
    highRating: facts.rating !== null && facts.rating >= settings.minRating ? weights.highRating : 0,
    manyReviews: facts.reviews !== null && facts.reviews >= settings.minReviews ? weights.manyReviews : 0,
    notChain: facts.chain === true ? 0 : weights.notChain,
  };
  const score = parts.noWebsite + parts.hasEmail + parts.highRating + parts.manyReviews + parts.notChain;
  const qualified =
    score >= settings.minScore && (!settings.requireNoWebsite || noWebsite) && (!settings.requireEmail || hasEmail);
  return { score, qualified, parts, socialOnly: kind === "social" };
}

/**
 * The Businesses table's Score, Qualified and Social only columns as formula text in Rowpilot's
 * formula language, written from a workspace's `ScoringSettings` (its "Lead scoring" page rewrites
 * them). The grid, the rules, the API and exports then all read one computed answer, the same one
 * `scoreBusiness` gives. Social-only detection is a REGEX_MATCH on the Website column rather than a
 * stored "Website kind" column, so a website someone corrects by hand rescores at once, with no
 * second cell that could go stale. (A Website or Email cell longer than REGEX_MATCH's 10,000
 * characters makes the Score #VALUE!, saying why, where `scoreBusiness` would still score it.)
 */

import { formatReference } from "../../schema/formula";
import type { ScoringSettings } from "../../schema/hunting";
import { EMAIL_PATTERN } from "./score";
import { HOST_PATTERN, SOCIAL_PATTERN } from "./social";

/** The names the scoring formulas refer to; people may rename columns, so the template passes the current ones. */
export type ScoringColumns = {
  website: string;
  email: string;
  rating: string;
  reviews: string;
  chain: string;
  score: string;
};

export const DEFAULT_SCORING_COLUMNS: ScoringColumns = {
  website: "Website",
  email: "Email",
  rating: "Rating",
  reviews: "Reviews",
  chain: "Chain",
  score: "Score",
};

/**
 * A formula text literal. The lexer reads `\n`, `\t`, `\r`, `\\`, `\"` and `\'` as escapes and keeps
 * any other backslash as it is, so a pattern's `\s` and `\.` are written as they are, readably.
 */
const literal = (text: string) => `"${text.replace(/\\(?=[ntr\\"'])|"/g, "\\$&")}"`;
/** RE2's inline flag: the JavaScript side passes `i` instead. */
const caseless = (pattern: string) => literal(`(?i)${pattern}`);

/** TRUE when the website is none or only a social profile. */
function noWebsiteCondition(columns: ScoringColumns): string {
  const website = formatReference(columns.website);
  return `OR(NOT(REGEX_MATCH(${website}, ${caseless(HOST_PATTERN)})), REGEX_MATCH(${website}, ${caseless(SOCIAL_PATTERN)}))`;
}

function hasEmailCondition(columns: ScoringColumns): string {
  return `REGEX_MATCH(${formatReference(columns.email)}, ${literal(EMAIL_PATTERN)})`;
}

/**
 * The Score column: one IF per part with a weight above zero, added up.
 * @example scoreFormula(DEFAULT_SCORING)
 * // 'IF(OR(NOT(REGEX_MATCH({Website}, "…")), …), 30, 0) + … + IF({Chain}, 0, 10)'
 */
export function scoreFormula(settings: ScoringSettings, columns: ScoringColumns = DEFAULT_SCORING_COLUMNS): string {
  const { weights } = settings;
  const parts: string[] = [];
  if (weights.noWebsite) parts.push(`IF(${noWebsiteCondition(columns)}, ${weights.noWebsite}, 0)`);
  if (weights.hasEmail) parts.push(`IF(${hasEmailCondition(columns)}, ${weights.hasEmail}, 0)`);
  if (weights.highRating)
    parts.push(`IF(${formatReference(columns.rating)} >= ${settings.minRating}, ${weights.highRating}, 0)`);
  if (weights.manyReviews)
    parts.push(`IF(${formatReference(columns.reviews)} >= ${settings.minReviews}, ${weights.manyReviews}, 0)`);
  if (weights.notChain) parts.push(`IF(${formatReference(columns.chain)}, 0, ${weights.notChain})`);
  return parts.length ? parts.join(" + ") : "0";
}

/** The Qualified column: the Score column at or above the minimum, and the requirements met. */
export function qualifiedFormula(settings: ScoringSettings, columns: ScoringColumns = DEFAULT_SCORING_COLUMNS): string {
  const conditions = [`${formatReference(columns.score)} >= ${settings.minScore}`];
  if (settings.requireNoWebsite) conditions.push(noWebsiteCondition(columns));
  if (settings.requireEmail) conditions.push(hasEmailCondition(columns));
  return `AND(${conditions.join(", ")})`;
}

/** The Social only column: TRUE when the website is a social or listing profile. */
export function socialOnlyFormula(columns: ScoringColumns = DEFAULT_SCORING_COLUMNS): string {
  return `REGEX_MATCH(${formatReference(columns.website)}, ${caseless(SOCIAL_PATTERN)})`;
}

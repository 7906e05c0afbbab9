/** The Lead scoring page's fields as typed (numbers as text), and the settings they save. */

import type { ScoringWeights } from "../../../schema/hunting";
import type { HuntingSettings, HuntingSettingsInput } from "../../../schema/hunting-api";

export type WeightKey = keyof ScoringWeights;

/** The five parts of a score, in the order the brief gives them. */
export const WEIGHT_FIELDS: { key: WeightKey; label: string }[] = [
  { key: "noWebsite", label: "No website" },
  { key: "hasEmail", label: "Has email" },
  { key: "highRating", label: "Rating ≥ minimum" },
  { key: "manyReviews", label: "Reviews ≥ minimum" },
  { key: "notChain", label: "Not a chain" },
];

export type SettingsDraft = {
  weights: Record<WeightKey, string>;
  minRating: string;
  minReviews: string;
  minScore: string;
  requireNoWebsite: boolean;
  requireEmail: boolean;
  cooldownDays: string;
  fetchReviews: boolean;
  defaultSource: HuntingSettings["defaultSource"];
  autoEnabled: boolean;
  everyMinutes: string;
  dailyCap: string;
};

export function toDraft(settings: HuntingSettings): SettingsDraft {
  const { scoring, autoScrape } = settings;
  return {
    weights: Object.fromEntries(WEIGHT_FIELDS.map(({ key }) => [key, String(scoring.weights[key])])) as Record<
      WeightKey,
      string
    >,
    minRating: String(scoring.minRating),
    minReviews: String(scoring.minReviews),
    minScore: String(scoring.minScore),
    requireNoWebsite: scoring.requireNoWebsite,
    requireEmail: scoring.requireEmail,
    cooldownDays: String(settings.cooldownDays),
    fetchReviews: settings.fetchReviews,
    defaultSource: settings.defaultSource,
    autoEnabled: autoScrape.enabled,
    everyMinutes: String(autoScrape.everyMinutes),
    dailyCap: String(autoScrape.dailyCap),
  };
}

/** A field's number, or NaN when it is empty or not a number. */
export const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * The body of `PUT /api/hunting/settings`, or the first field left empty or not a number. Ranges
 * (a weight over 100, weights adding up past 100) are the API's to refuse, in its own words.
 */
export function fromDraft(
  draft: SettingsDraft,
): { ok: true; value: HuntingSettingsInput } | { ok: false; error: string } {
  const fields: [string, string][] = [
    ...WEIGHT_FIELDS.map(({ key, label }): [string, string] => [label, draft.weights[key]]),
    ["Minimum rating", draft.minRating],
    ["Minimum reviews", draft.minReviews],
    ["Minimum score", draft.minScore],
    ["Cooldown (days)", draft.cooldownDays],
    ["Every (minutes)", draft.everyMinutes],
    ["Daily cap", draft.dailyCap],
  ];
  const missing = fields.find(([, text]) => !Number.isFinite(numberOf(text)));
  if (missing) return { ok: false, error: `${missing[0]}: enter a number.` };
  const weights = Object.fromEntries(WEIGHT_FIELDS.map(({ key }) => [key, numberOf(draft.weights[key])])) as Record<
    WeightKey,
    number
  >;
  return {
    ok: true,
    value: {
      cooldownDays: numberOf(draft.cooldownDays),
      fetchReviews: draft.fetchReviews,
      defaultSource: draft.defaultSource,
      autoScrape: {
        enabled: draft.autoEnabled,
        everyMinutes: numberOf(draft.everyMinutes),
        dailyCap: numberOf(draft.dailyCap),
      },
      scoring: {
        weights,
        minRating: numberOf(draft.minRating),
        minReviews: numberOf(draft.minReviews),
        minScore: numberOf(draft.minScore),
        requireNoWebsite: draft.requireNoWebsite,
        requireEmail: draft.requireEmail,
      },
    },
  };
}

/**
 * What each of the four site agents (Analyst, Concept, Art Director, Architect) must answer, the
 * prompt sections they are built from, and the record each pipeline stage leaves. The refinements
 * are the checks a JSON schema cannot express (contrast, banned fonts, the business's facts in
 * the page): their messages go back to the model when an answer fails them, so they say what to fix.
 */
import { z } from "zod";
import { contrastRatio, HEX_COLOR, WCAG_AA_TEXT } from "./color-contrast";
import type { SiteFacts } from "./sites";

export const SITE_AGENTS = ["analyst", "concept", "artDirector", "architect"] as const;
export const SiteAgent = z.enum(SITE_AGENTS);
export type SiteAgent = z.infer<typeof SiteAgent>;

/** How people and prompts name each agent. */
export const SITE_AGENT_LABELS: Record<SiteAgent, string> = {
  analyst: "Analyst",
  concept: "Concept",
  artDirector: "Art Director",
  architect: "Architect",
};

export const PROMPT_SECTION_KINDS = ["system", "instructions", "output format", "examples"] as const;
export const PromptSection = z.object({
  agent: SiteAgent,
  section: z.enum(PROMPT_SECTION_KINDS),
  text: z.string().max(50_000),
});
export type PromptSection = z.infer<typeof PromptSection>;

const phrase = z.string().min(1).max(300);
const paragraph = z.string().min(1).max(2_000);

/** Jung's twelve brand archetypes, as branding practice names them. */
export const BRAND_ARCHETYPES = [
  "Innocent",
  "Everyman",
  "Hero",
  "Outlaw",
  "Explorer",
  "Creator",
  "Ruler",
  "Magician",
  "Lover",
  "Caregiver",
  "Jester",
  "Sage",
] as const;

export const AnalystOutput = z.object({
  reviewHighlight: paragraph.describe("The one thing customers praise most, in their words where possible"),
  brandArchetype: z.enum(BRAND_ARCHETYPES),
  emotionalTriggers: z.array(phrase).min(1).max(6),
  keyDifferentiators: z.array(phrase).min(1).max(6),
  sentiment: z.object({
    overall: z.enum(["positive", "mixed", "negative", "unknown"]),
    summary: paragraph,
  }),
});
export type AnalystOutput = z.infer<typeof AnalystOutput>;

const SiteConcept = z.object({
  name: phrase,
  personality: phrase,
  tone: phrase,
  angle: phrase.describe("What sets the business apart in this concept"),
});

export const ConceptOutput = z.object({
  concepts: z.array(SiteConcept).length(3),
  chosenIndex: z.number().int().min(0).max(2),
  whyChosen: paragraph,
  creativeDna: z.object({
    personalityTraits: z.array(phrase).min(3).max(6),
    communicationStyle: phrase,
    brandStory: paragraph,
    valueProposition: phrase,
  }),
});
export type ConceptOutput = z.infer<typeof ConceptOutput>;

/** The vibes the art director picks from; the fallback generator's templates use the same names. */
export const SITE_VIBES = [
  "swiss-modern",
  "warm-editorial",
  "neo-brutalist",
  "organic-natural",
  "luxury-minimal",
  "retro-americana",
  "playful-pop",
  "industrial-craft",
  "coastal-calm",
  "bold-athletic",
] as const;
export const SiteVibe = z.enum(SITE_VIBES);
export type SiteVibe = z.infer<typeof SiteVibe>;

/**
 * Families a page reads as "default" in: the CSS generic families, system UI aliases, and the
 * web's most common sans faces (the creative brief bans Arial, Helvetica, Inter, Roboto).
 */
export const GENERIC_FONTS = [
  "arial",
  "helvetica",
  "helvetica neue",
  "inter",
  "roboto",
  "open sans",
  "montserrat",
  "times new roman",
  "system-ui",
  "-apple-system",
  "blinkmacsystemfont",
  "segoe ui",
  "sans-serif",
  "serif",
  "monospace",
  "cursive",
  "ui-sans-serif",
  "ui-serif",
] as const;

const fontFamily = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^,;{}"']+$/, "one family name, without quotes or a fallback list")
  .refine((family) => !(GENERIC_FONTS as readonly string[]).includes(family.trim().toLowerCase()), {
    message: `a generic family; choose a distinctive one (not ${GENERIC_FONTS.slice(0, 6).join(", ")}…)`,
  });

const FontChoice = z.object({
  family: fontFamily,
  weights: z.array(z.number().int().min(100).max(900)).min(1).max(4),
  /** The stack after the family, e.g. "Georgia, serif"; generic names belong here. */
  fallback: z.string().min(1).max(120),
});

const hexColor = z.string().regex(HEX_COLOR, "a hex color such as #1a2b3c");

/** The text/background pairs a page draws, each of which must reach WCAG AA. */
export const PALETTE_PAIRS = [
  ["text", "background"],
  ["mutedText", "background"],
  ["text", "surface"],
  ["onPrimary", "primary"],
] as const;

const PALETTE_KEYS = ["background", "surface", "text", "mutedText", "primary", "onPrimary", "accent"] as const;
export const Palette = z
  .object(
    Object.fromEntries(PALETTE_KEYS.map((key) => [key, hexColor])) as Record<
      (typeof PALETTE_KEYS)[number],
      typeof hexColor
    >,
  )
  .superRefine((palette, ctx) => {
    for (const [fg, bg] of PALETTE_PAIRS) {
      const ratio = contrastRatio(palette[fg], palette[bg]);
      if (ratio !== null && ratio < WCAG_AA_TEXT) {
        ctx.addIssue({
          code: "custom",
          path: [fg],
          message: `${fg} ${palette[fg]} on ${bg} ${palette[bg]} has contrast ${ratio.toFixed(2)}:1; WCAG AA needs ${WCAG_AA_TEXT}:1`,
        });
      }
    }
  });
export type Palette = z.infer<typeof Palette>;

export const HERO_LAYOUTS = ["split", "centered", "full-bleed", "asymmetric", "stacked"] as const;

export const ArtDirectorOutput = z.object({
  vibe: SiteVibe,
  typography: z.object({ heading: FontChoice, body: FontChoice }),
  palettes: z.object({ light: Palette, dark: Palette }),
  hero: z.object({
    layout: z.enum(HERO_LAYOUTS),
    headline: phrase,
    subheadline: phrase,
    ctaLabel: z.string().min(1).max(40),
  }),
  interactions: z
    .array(z.object({ element: phrase, effect: phrase }))
    .max(6)
    .describe("Motion the page uses; every one must stop under prefers-reduced-motion"),
});
export type ArtDirectorOutput = z.infer<typeof ArtDirectorOutput>;

/** The page as three strings; `architectOutputFor` adds the checks that need the business's facts. */
export const ArchitectOutput = z.object({
  html: z.string().min(1).max(200_000),
  css: z.string().max(100_000),
  js: z.string().max(50_000),
});
export type ArchitectOutput = z.infer<typeof ArchitectOutput>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The page shows `text`, raw or HTML-escaped (an apostrophe may come as &#39; or &apos;). */
function showsText(html: string, text: string): boolean {
  const escaped = escapeHtml(text);
  return [text, escaped, escaped.replace(/'/g, "&#39;"), escaped.replace(/'/g, "&apos;")].some((form) =>
    html.includes(form),
  );
}

const digits = (text: string) => text.replace(/\D/g, "");

/** Head tags a search engine and a link preview read, each with a reason to fix when missing. */
const SEO_TAGS: [RegExp, string][] = [
  [/<title>[^<]*\S[^<]*<\/title>/i, "a non-empty <title>"],
  [/<meta\s[^>]*name=["']description["'][^>]*content=["'][^"']*\S/i, '<meta name="description" content="…">'],
  [/<meta\s[^>]*name=["']viewport["']/i, '<meta name="viewport" …> (the page must be responsive)'],
  [/<meta\s[^>]*property=["']og:title["']/i, '<meta property="og:title" …>'],
];

/** The Architect's schema for one business: its page must carry the real name and phone. */
export function architectOutputFor(facts: Pick<SiteFacts, "name" | "phone">) {
  return ArchitectOutput.superRefine(({ html }, ctx) => {
    const missing = (message: string) => ctx.addIssue({ code: "custom", path: ["html"], message });
    if (!showsText(html, facts.name)) missing(`the page must show the business's name, "${facts.name}"`);
    const phone = digits(facts.phone);
    const tel = [...html.matchAll(/href=["']tel:([^"']+)/gi)].some((m) => digits(m[1] ?? "").endsWith(phone));
    if (phone && !showsText(html, facts.phone) && !tel) {
      missing(`the page must show the business's phone, "${facts.phone}"`);
    }
    if (!/<[a-z][^>]*\sdata-claim-bar(?=[\s=>/])/i.test(html)) {
      missing("the page must have the claim bar: an element with the data-claim-bar attribute");
    }
    for (const [pattern, tag] of SEO_TAGS) if (!pattern.test(html)) missing(`the page's <head> needs ${tag}`);
  });
}

/** Each agent's answer, by agent. */
export const SITE_AGENT_OUTPUTS = {
  analyst: AnalystOutput,
  concept: ConceptOutput,
  artDirector: ArtDirectorOutput,
  architect: ArchitectOutput,
} as const;
export type SiteAgentOutputs = {
  analyst: AnalystOutput;
  concept: ConceptOutput;
  artDirector: ArtDirectorOutput;
  architect: ArchitectOutput;
};

export const StageUsage = z.object({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  cacheCreationInputTokens: z.number().int().min(0),
  cacheReadInputTokens: z.number().int().min(0),
});
export type StageUsage = z.infer<typeof StageUsage>;

/** What a stage leaves for the site's timeline; a reused stage keeps the earlier run's prompt and output, with no tokens, cost or time of its own. */
export const StageRecord = z.object({
  stage: SiteAgent,
  status: z.enum(["complete", "failed", "reused"]),
  input: z.object({ system: z.string(), user: z.string() }),
  output: z.unknown().nullable(),
  model: z.string(),
  usage: StageUsage,
  /** USD, from the price table; null for a model with no price on file. */
  costUsd: z.number().nullable(),
  durationMs: z.number().min(0),
  /** Requests made with a fresh answer asked for (the SDK's own retries of 429/5xx not counted). */
  attempts: z.number().int().min(0),
  error: z.string().nullable(),
  /** The Prompts rows the stage's prompt was built from, and their variant; absent on older records. */
  prompt: z.object({ variant: z.string(), version: z.number(), rowIds: z.array(z.string()) }).optional(),
  /** Its first request went through a Message Batch, at half price. */
  batch: z.boolean().optional(),
  /** The Architect's second try, fed the browser's findings about its first page (absent on other stages). */
  repair: z.boolean().optional(),
});
export type StageRecord = z.infer<typeof StageRecord>;

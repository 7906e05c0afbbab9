/**
 * Builds an agent's prompt from its active sections. The parts that are the same for every business
 * (system, output format, examples, in that order) make the system prompt, which the pipeline marks
 * for the prompt cache; the instructions, which carry the facts, make the first user message. Placeholders
 * such as `{{business.name}}` are filled from the facts and the earlier agents' outputs; a
 * placeholder the agent does not know is an error naming it, found before any model is called.
 */
import {
  GENERIC_FONTS,
  type PromptSection,
  SITE_AGENT_LABELS,
  SITE_AGENTS,
  SITE_VIBES,
  type SiteAgent,
  type SiteAgentOutputs,
} from "../../../../schema/site-agents";
import type { SiteFacts } from "../../../../schema/sites";

export class PromptError extends Error {
  override readonly name = "PromptError";
}

export type BuiltPrompt = { system: string; user: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const SYSTEM_SECTIONS = ["system", "output format", "examples"] as const;

/** What a placeholder reads when the fact is empty, so the model knows it is unknown rather than blank. */
const UNKNOWN = "(not known)";

const FACT_KEYS = [
  "name",
  "category",
  "address",
  "city",
  "state",
  "zip",
  "phone",
  "website",
  "email",
  "rating",
  "reviewCount",
  "hours",
  "mapsUrl",
  "reviews",
  "claimUrl",
] as const satisfies readonly (keyof SiteFacts)[];

const SHARED = ["business", ...FACT_KEYS.map((key) => `business.${key}`), "vibes", "genericFonts"];

/** The placeholders an agent may use: the facts, and the outputs of the agents before it. */
export function knownPlaceholders(agent: SiteAgent): string[] {
  return [...SHARED, ...SITE_AGENTS.slice(0, SITE_AGENTS.indexOf(agent))];
}

/** Throws a `PromptError` when the agent lacks a system or instructions section or uses a placeholder it does not know. */
export function checkPrompt(agent: SiteAgent, sections: readonly PromptSection[]): void {
  const own = sections.filter((s) => s.agent === agent);
  const label = SITE_AGENT_LABELS[agent];
  for (const required of ["system", "instructions"] as const) {
    if (!own.some((s) => s.section === required && s.text.trim())) {
      throw new PromptError(`The ${label} prompt has no active ${required} section: add one in Prompts`);
    }
  }
  const known = new Set(knownPlaceholders(agent));
  const unknown = own.flatMap((s) =>
    [...s.text.matchAll(PLACEHOLDER)]
      .map((m) => m[1] ?? "")
      .filter((name) => !known.has(name))
      .map((name) => `{{${name}}} (${s.section})`),
  );
  if (unknown.length) {
    throw new PromptError(
      `Unknown placeholder${unknown.length > 1 ? "s" : ""} in the ${label} prompt: ${[...new Set(unknown)].join(", ")}. ` +
        `It may use ${[...known].map((name) => `{{${name}}}`).join(", ")}`,
    );
  }
}

/**
 * The agent's system prompt and first user message, placeholders filled.
 * @example buildPrompt("concept", DEFAULT_PROMPT_SECTIONS, facts, { analyst }).user
 */
export function buildPrompt(
  agent: SiteAgent,
  sections: readonly PromptSection[],
  facts: SiteFacts,
  previous: Partial<SiteAgentOutputs>,
): BuiltPrompt {
  checkPrompt(agent, sections);
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = placeholderValue(name, facts, previous);
      if (value === undefined) {
        const needed = SITE_AGENT_LABELS[name as SiteAgent];
        throw new PromptError(`The ${SITE_AGENT_LABELS[agent]} prompt needs the ${needed} output, which is missing`);
      }
      return value;
    });
  const own = sections.filter((s) => s.agent === agent);
  const join = (kinds: readonly string[]) =>
    kinds
      .flatMap((kind) => own.filter((s) => s.section === kind))
      .map((s) => fill(s.text).trim())
      .filter(Boolean)
      .join("\n\n");
  return { system: join(SYSTEM_SECTIONS), user: join(["instructions"]) };
}

function placeholderValue(name: string, facts: SiteFacts, previous: Partial<SiteAgentOutputs>): string | undefined {
  if (name === "business") return JSON.stringify(facts, null, 2);
  if (name === "vibes") return SITE_VIBES.join(", ");
  if (name === "genericFonts") return GENERIC_FONTS.join(", ");
  if (name.startsWith("business.")) return factText(facts, name.slice("business.".length) as keyof SiteFacts);
  const output = previous[name as SiteAgent];
  return output === undefined ? undefined : JSON.stringify(output, null, 2);
}

function factText(facts: SiteFacts, key: keyof SiteFacts): string {
  const value = facts[key];
  if (key === "reviews") {
    return facts.reviews.length
      ? facts.reviews
          .map((r) => `- ${r.rating === null ? "" : `${r.rating}★ `}"${r.text}"${r.author ? ` (${r.author})` : ""}`)
          .join("\n")
      : "(no reviews)";
  }
  if (Array.isArray(value)) return value.length ? value.join("\n") : UNKNOWN;
  if (value === null || value === "") return UNKNOWN;
  return String(value);
}

/**
 * Which prompt variant each agent uses for one generation. An agent's active Prompts rows are
 * grouped by variant name; of each section a variant uses its newest version. When an agent has
 * several active variants, the least used goes next so each gets its share of generations and
 * their success rates can be compared; a tie is broken by a hash of the site's id, so the same
 * site and counts always give the same choice.
 */

import { type PromptSection, SITE_AGENT_LABELS, type SiteAgent } from "../../../../schema/site-agents";
import type { PromptRow } from "../../../../schema/site-prompts";

export type VariantChoice = {
  agent: SiteAgent;
  variant: string;
  /** The newest version among the sections used. */
  version: number;
  /** The rows the prompt is built from, in table order. */
  rows: PromptRow[];
};

/** 32-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/): small, stable, well spread for short ids. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The agent's active variants by name, each with the newest version of every section it has. */
export function activeVariants(rows: readonly PromptRow[], agent: SiteAgent): Map<string, PromptRow[]> {
  const variants = new Map<string, PromptRow[]>();
  for (const row of rows) {
    if (row.agent !== agent || !row.active) continue;
    variants.set(row.variant, [...(variants.get(row.variant) ?? []), row]);
  }
  for (const [name, own] of variants) {
    const newest = (section: string) => Math.max(...own.filter((r) => r.section === section).map((r) => r.version));
    variants.set(
      name,
      own.filter((r) => r.version === newest(r.section)),
    );
  }
  return variants;
}

/** A variant's uses: its most used section's, so a section added later does not make it look new. */
const usesOf = (rows: readonly PromptRow[]) => Math.max(0, ...rows.map((r) => r.uses));

/**
 * One variant for each agent that has an active one: `preferred` where the agent has it (a person
 * asked for it), else the least used, ties broken by the site's id.
 * @example chooseVariants(rows, "r8f2…", ["analyst", "concept"]).map((c) => c.variant) // ["default", "bold"]
 */
export function chooseVariants(
  rows: readonly PromptRow[],
  siteId: string,
  agents: readonly SiteAgent[],
  preferred?: string,
): VariantChoice[] {
  return agents.flatMap((agent) => {
    const variants = [...activeVariants(rows, agent)].sort(([a], [b]) => a.localeCompare(b));
    if (!variants.length) return [];
    const asked = variants.find(([name]) => name === preferred);
    if (asked)
      return [{ agent, variant: asked[0], version: Math.max(...asked[1].map((r) => r.version)), rows: asked[1] }];
    const fewest = Math.min(...variants.map(([, own]) => usesOf(own)));
    const tied = variants.filter(([, own]) => usesOf(own) === fewest);
    const [variant, chosen] = tied[fnv1a(`${siteId}:${agent}`) % tied.length]!;
    return [{ agent, variant, version: Math.max(...chosen.map((r) => r.version)), rows: chosen }];
  });
}

/** The prompt sections the chosen variants make, for `runPipeline`. */
export function sectionsOf(choices: readonly VariantChoice[]): PromptSection[] {
  return choices.flatMap((c) => c.rows.map(({ agent, section, text }) => ({ agent, section, text })));
}

/** The choice as the Sites row shows it: "Analyst: default · Concept: bold v2". */
export function variantsLine(choices: readonly VariantChoice[]): string {
  return choices
    .map((c) => `${SITE_AGENT_LABELS[c.agent]}: ${c.variant}${c.version > 1 ? ` v${c.version}` : ""}`)
    .join(" · ");
}

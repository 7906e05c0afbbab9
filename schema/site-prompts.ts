/**
 * The "Prompts" table: the site agents' prompt sections as rows people edit in the grid, one row
 * per agent, section, variant and version, with the counts that compare variants (uses, and
 * successes: versions of a site that a person published). Columns carry stable keys.
 */
import { z } from "zod";
import { PROMPT_SECTION_KINDS, SiteAgent } from "./site-agents";
import type { SiteColumn } from "./sites-tables";

/** The table's kind in D1 (one Prompts table per workspace), beside `SITES_KINDS`. */
export const PROMPTS_KIND = "sites.prompts";

/** The variant the default sections are seeded as. */
export const DEFAULT_VARIANT = "default";

export const PROMPTS_COLUMNS: SiteColumn[] = [
  /** An agent's key (analyst, concept, artDirector, architect); its label (Art Director) reads too. */
  { key: "agent", name: "Agent", type: "singleSelect" },
  { key: "section", name: "Section", type: "singleSelect" },
  { key: "text", name: "Text", type: "longText" },
  { key: "version", name: "Version", type: "number" },
  { key: "variant", name: "Variant", type: "text" },
  { key: "active", name: "Active", type: "checkbox" },
  { key: "uses", name: "Uses", type: "number" },
  { key: "successes", name: "Successes", type: "number" },
  {
    key: "successRate",
    name: "Success rate",
    type: "formula",
    options: { formula: "IF({Uses}, {Successes} / {Uses}, BLANK())", display: "percent" },
  },
  { key: "lastUsed", name: "Last used", type: "datetime" },
];

/** One Prompts row as the pipeline and the API read it. */
export const PromptRow = z.object({
  id: z.string(),
  agent: SiteAgent,
  section: z.enum(PROMPT_SECTION_KINDS),
  text: z.string(),
  variant: z.string(),
  version: z.number(),
  active: z.boolean(),
  uses: z.number(),
  successes: z.number(),
});
export type PromptRow = z.infer<typeof PromptRow>;

/** `GET /api/sites/prompts`: the rows without their text, for screens that list variants. */
export type PromptListing = { tableId: string; prompts: Omit<PromptRow, "text">[] };

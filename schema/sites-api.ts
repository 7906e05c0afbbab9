/**
 * Sites over HTTP (`GET /api/sites`, `GET /api/sites/:id`): what the gallery and the stage
 * timeline read, shared by the Worker, the app's screens and the tests.
 */
import { z } from "zod";
import { SITE_AGENT_LABELS, SiteAgent } from "./site-agents";
import { SITE_STATUSES } from "./sites-tables";

export const SiteStatus = z.enum(SITE_STATUSES);

/** The statuses a site is still being made in: the gallery polls it until it leaves them. */
export const BUSY_SITE_STATUSES: readonly string[] = ["queued", "generating"];
export const isBusySite = (status: string) => BUSY_SITE_STATUSES.includes(status);

/** `GET /api/sites?status=&vibe=`: both optional, an unknown status refused. */
export const SiteListQuery = z.object({
  status: SiteStatus.optional(),
  vibe: z.string().trim().min(1).max(60).optional(),
});

/** One stage of the version's timeline, from its `stages.json`. */
export const SiteStage = z.object({
  name: SiteAgent,
  status: z.enum(["complete", "failed", "reused"]),
  model: z.string(),
  ms: z.number(),
  tokens: z.number().int(),
  costUsd: z.number().nullable(),
  error: z.string().nullable(),
  /** Its first request went through a Message Batch (half price). */
  batch: z.boolean(),
  /** The Architect's second page, made from the browser's findings about its first. */
  repair: z.boolean(),
});
export type SiteStage = z.infer<typeof SiteStage>;

/** What a gallery card shows. */
export const SiteSummary = z.object({
  id: z.string(),
  businessRowId: z.string().nullable(),
  businessName: z.string().nullable(),
  slug: z.string(),
  status: z.string(),
  version: z.number(),
  fallback: z.boolean(),
  vibe: z.string().nullable(),
  url: z.string().nullable(),
  /** The desktop screenshot, through the Sites table's files route. */
  screenshot: z.string().nullable(),
  /** The agent at work while the site is generating (the Stages cell says "<Agent>: running…"). */
  running: SiteAgent.nullable(),
  /** Output tokens the running agent has streamed so far (0 before its first). */
  runningTokens: z.number().int().min(0),
  generated: z.string().nullable(),
});
export type SiteSummary = z.infer<typeof SiteSummary>;

export const SiteList = z.object({
  sites: z.array(SiteSummary),
  /** Counts over the workspace's sites before the filters, for the filter menus. */
  facets: z.object({ status: z.record(z.string(), z.number()), vibe: z.record(z.string(), z.number()) }),
});
export type SiteList = z.infer<typeof SiteList>;

/** `GET /api/sites/:id`: the side panel. */
export const SiteDetail = z.object({
  id: z.string(),
  businessRowId: z.string().nullable(),
  slug: z.string(),
  url: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  fallback: z.boolean(),
  stages: z.array(SiteStage),
  running: SiteAgent.nullable(),
  runningTokens: z.number().int().min(0),
  /** The row's Stages cell as written: what runs or waits ("Analyst: queued (batch)"), else one line a stage. */
  stagesCell: z.string().nullable(),
  quality: z.string().nullable(),
  vibe: z.string().nullable(),
  generated: z.string().nullable(),
  published: z.string().nullable(),
  error: z.string().nullable(),
  business: z.object({ name: z.string(), category: z.string(), city: z.string() }).nullable(),
  screenshots: z.object({ desktop: z.string().nullable(), mobile: z.string().nullable() }),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

/**
 * What a Stages cell says while an agent is writing: "Architect: running… 3,204 tokens" (the
 * tokens written so far, streamed; none before the first), "Architect (repair): running…".
 */
export function runningCell(agent: SiteAgent, outputTokens: number, repair = false): string {
  const tokens = outputTokens > 0 ? ` ${outputTokens.toLocaleString("en-US")} tokens` : "";
  return `${SITE_AGENT_LABELS[agent]}${repair ? " (repair)" : ""}: running…${tokens}`;
}

/**
 * The agent a Stages cell says is running, and the tokens it has written so far, else null.
 * @example runningProgress("Concept: running… 1,200 tokens") // { agent: "concept", tokens: 1200 }
 */
export function runningProgress(stagesCell: string | null): { agent: SiteAgent; tokens: number } | null {
  const match = /^(.+?)(?: \(repair\))?: running…(?: ([\d,]+) tokens)?$/.exec(stagesCell?.trim() ?? "");
  if (!match) return null;
  const found = Object.entries(SITE_AGENT_LABELS).find(([, label]) => label === match[1]);
  if (!found) return null;
  return { agent: SiteAgent.parse(found[0]), tokens: Number((match[2] ?? "0").replace(/,/g, "")) };
}

/**
 * The agent named by a Stages cell that says one is running ("Art Director: running…"), else null.
 * @example runningAgent("Concept: running…") // "concept"
 */
export function runningAgent(stagesCell: string | null): SiteAgent | null {
  return runningProgress(stagesCell)?.agent ?? null;
}

/**
 * "Success" for the Prompts table is a published site: publishing a version the agents made adds
 * one to the successes of the prompt rows its stages ran with, once per version (a marker beside
 * the version in R2 remembers it was counted, so republishing it counts nothing). Stages reused
 * from an earlier version were counted with that version, so each use succeeds at most once and a
 * success rate stays a fraction; a fallback version (a stage failed) counts for no prompt.
 * Claims are meant to count too, once the claim flow is paid for (payments).
 */
import { getDb } from "../../db";
import type { SiteRecord } from "../generate";
import { stagesKey, stagesOf } from "../stages";
import { countOnce, findPrompts } from "./table";

const countedKey = (workspaceId: string, siteId: string, version: number) =>
  stagesKey(workspaceId, siteId, version).replace(/stages\.json$/, "published-counted");

/** Counts the published version's prompts as a success, unless it was counted already. */
export async function countPublished(env: Env, workspaceId: string, site: SiteRecord): Promise<void> {
  if (!site.version || site.fallback) return;
  const marker = countedKey(workspaceId, site.id, site.version);
  if (await env.FILES.head(marker)) return;
  const stages = await stagesOf(env, workspaceId, site.id, site.version);
  // A failed repair left the Architect's first page, which is what was published: it still counts.
  if (!stages.length || stages.some((s) => s.status === "failed" && !s.repair)) return;
  const rowIds = stages.flatMap((s) => (s.status === "complete" ? (s.prompt?.rowIds ?? []) : []));
  const prompts = rowIds.length ? await findPrompts(env, getDb(env.DB), workspaceId) : null;
  await env.FILES.put(marker, new Date().toISOString());
  if (prompts) await countOnce(prompts, rowIds, "successes");
}

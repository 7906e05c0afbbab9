/** Where a version's stage records are kept in R2 (`stages.json` beside its page), and reading them back. */
import { z } from "zod";
import { StageRecord } from "../../schema/site-agents";
import { versionKey } from "./generate";

export const stagesKey = (workspaceId: string, siteId: string, version: number) =>
  versionKey(workspaceId, siteId, version).replace(/index\.html$/, "stages.json");

/** The stage records of a version the agents made; none for a fallback version or a missing file. */
export async function stagesOf(env: Env, workspaceId: string, siteId: string, version: number): Promise<StageRecord[]> {
  const file = version ? await env.FILES.get(stagesKey(workspaceId, siteId, version)) : null;
  if (!file) return [];
  const parsed = z.array(StageRecord).safeParse(await file.json().catch(() => null));
  return parsed.success ? parsed.data : [];
}

/** What the generation phase's steps share: the cycle, the hunting tables and Sites with their Autopilot column. */
import { readWorkspaceSecret } from "../../api/settings";
import type { Hunting } from "../../hunting/tables";
import type { TableHandle } from "../../kinds/tables";
import type { SiteRecord } from "../../sites/generate";
import type { CycleContext } from "../context";
import { noteRows } from "../note";
import { canSpend } from "../spend";

export type SitesRun = {
  ctx: CycleContext;
  h: Hunting;
  sites: TableHandle;
  /** With the workspace's Anthropic key the agents make sites (and cost); without, the fallback generator. */
  agents: boolean;
};

/** Whether the workspace's key is set (the agents will run, and spend). */
export async function usesAgents(ctx: CycleContext): Promise<boolean> {
  return Boolean(await readWorkspaceSecret(ctx.env, ctx.db, ctx.workspaceId, "anthropicApiKey"));
}

/** Stops a step that would run the agents once today's Anthropic budget is reached. */
export const anthropicGate = (run: SitesRun) => async () =>
  run.agents && !(await canSpend(run.ctx, "anthropic", run.ctx.startedAt))
    ? "The Anthropic budget for today is reached"
    : null;

/** The same note on the site's row and its business's row. */
export async function noteSite(run: SitesRun, site: Pick<SiteRecord, "id" | "businessRowId">, what: string) {
  await noteRows(run.ctx, run.sites, [{ rowId: site.id, what }]);
  if (site.businessRowId) await noteRows(run.ctx, run.h.businesses, [{ rowId: site.businessRowId, what }]);
}

/** A site the agents are making or made, named by where it stands. */
export const madeDetail = (site: SiteRecord) =>
  site.status === "queued" || site.status === "generating" ? "queued" : site.status;

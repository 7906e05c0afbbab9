/**
 * Failed sites generated again, up to `caps.retrySites` a cycle (ledger "retry-site"). A site is
 * retried at most `MAX_SITE_RETRIES` times over all cycles; after that it stays failed for a
 * person (its Autopilot note says so), so one broken business cannot take the retries of every cycle.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import { generateSite, type SiteRecord, siteRecord } from "../../sites/generate";
import { type Outcome, runCapped } from "../capped";
import { historyOf } from "../items";
import { sitesInStatus } from "./rows";
import { anthropicGate, madeDetail, noteSite, type SitesRun } from "./run";

/** Three tries after the first failure: the brief's generation retries (2 × 10 min) are per step; this is per site. */
export const MAX_SITE_RETRIES = 3;

/** Failed sites not retried `MAX_SITE_RETRIES` times yet; those that were get their note once. */
async function retryable(run: SitesRun, limit: number, exclude: Set<string>): Promise<SiteRecord[]> {
  return sitesInStatus(run.sites, "failed", limit, exclude, async (failed, want) => {
    const history = await historyOf(
      run.ctx,
      "retry-site",
      failed.map((s) => s.id),
    );
    return failed.filter((s) => (history.get(s.id)?.length ?? 0) < MAX_SITE_RETRIES).slice(0, want);
  });
}

async function retry(run: SitesRun, site: SiteRecord): Promise<Outcome> {
  if (!site.businessRowId) return { state: "failed", cause: "no business" };
  try {
    const made = await generateSite(run.ctx.env, run.h, site.businessRowId, run.ctx.actorId);
    await noteSite(run, made, made.status === "review" ? "Site generated again" : "Site queued again for the agents");
    return { state: "done", detail: madeDetail(made) };
  } catch (error) {
    await noteSite(run, site, `Site generation failed again: ${(error as Error).message}`);
    return { state: "failed", cause: "generation", detail: (error as Error).message };
  }
}

export async function retryFailedSites(run: SitesRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "retry-site",
    cap: run.ctx.settings.caps.retrySites,
    counter: "retried",
    candidates: (limit, exclude) => retryable(run, limit, exclude),
    act: (site) => retry(run, site),
    settle: async (id) => {
      const [row] = await run.sites.room.readRows([id]);
      const status = row ? siteRecord(run.sites, row).status : "failed";
      return status === "failed" ? { state: "failed", cause: "interrupted" } : { state: "done", detail: status };
    },
    gate: anthropicGate(run),
  });
}

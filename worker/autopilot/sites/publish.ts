/**
 * Sites in review published, up to `caps.publish` a cycle (ledger "publish"). `publishSite`
 * without a person's confirmation refuses a version with quality findings: that version is left
 * in review for a person (failed once with cause "quality checks", its note saying why) and not
 * tried again by later cycles until a new version replaces it.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import { publishSite, type SiteRecord, siteRecord } from "../../sites/generate";
import { SiteFindingsError } from "../../sites/quality-store";
import { type Outcome, runCapped } from "../capped";
import { historyOf } from "../items";
import { recordSpend } from "../spend";
import { stagesCostUsd } from "./cost";
import { sitesInStatus } from "./rows";
import { noteSite, type SitesRun } from "./run";

const QUALITY = "quality checks";
/** The ledger's detail for a version refused for its findings, which later cycles look for. */
const refusedDetail = (version: number) => `v${version}`;

/** Sites in review whose version was not refused for its findings by an earlier cycle. */
async function publishable(run: SitesRun, limit: number, exclude: Set<string>): Promise<SiteRecord[]> {
  return sitesInStatus(run.sites, "review", limit, exclude, async (review, want) => {
    const history = await historyOf(
      run.ctx,
      "publish",
      review.map((s) => s.id),
    );
    const refused = (site: SiteRecord) =>
      (history.get(site.id) ?? []).some((row) => row.detail?.startsWith(`${QUALITY}: ${refusedDetail(site.version)}:`));
    return review.filter((site) => !refused(site)).slice(0, want);
  });
}

async function publish(run: SitesRun, site: SiteRecord): Promise<Outcome> {
  const { env, workspaceId } = run.ctx;
  try {
    const published = await publishSite(env, workspaceId, run.sites, site.id, { version: site.version });
    await noteSite(run, published, `Site published at ${published.url ?? `/s/${published.slug}/`}`);
    // The agents' cost is known once their version is in; counted against today's budget here.
    if (!site.fallback && site.stages) await recordSpend(run.ctx, "anthropic", stagesCostUsd(site.stages), 1);
    return { state: "done", detail: `v${site.version}` };
  } catch (error) {
    if (error instanceof SiteFindingsError) {
      const what = `Not published: ${error.findings.length} quality finding(s) for a person to review`;
      await noteSite(run, site, what);
      return { state: "failed", cause: QUALITY, detail: `${refusedDetail(site.version)}: ${error.findings[0] ?? ""}` };
    }
    await noteSite(run, site, `Publishing failed: ${(error as Error).message}`);
    return { state: "failed", cause: "publish", detail: (error as Error).message };
  }
}

export async function publishReviewedSites(run: SitesRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "publish",
    cap: run.ctx.settings.caps.publish,
    counter: "published",
    candidates: (limit, exclude) => publishable(run, limit, exclude),
    act: (site) => publish(run, site),
    settle: async (id) => {
      const [row] = await run.sites.room.readRows([id]);
      return row && siteRecord(run.sites, row).status === "published"
        ? { state: "done" }
        : { state: "failed", cause: "interrupted" };
    },
  });
}

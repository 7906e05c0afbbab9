/**
 * New sites for qualified businesses, best score first, up to `caps.generate` a cycle (ledger
 * "generate", item = the business's row). With the Anthropic key the agents make the site on the
 * generate-jobs queue: the row says queued and a later cycle publishes it once it is in review.
 * Without one the fallback generator makes it at once, into review.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import type { RowRecord } from "../../../schema/tables";
import { generateSite, siteOfBusiness } from "../../sites/generate";
import { type Outcome, runCapped } from "../capped";
import { noteRows } from "../note";
import { qualifiedWithoutSite } from "./rows";
import { anthropicGate, madeDetail, noteSite, type SitesRun } from "./run";

/** Qualified businesses past the cap counted as skipped: each costs a look-up of its site. */
const SKIPPED_PEEK = 20;

async function generate(run: SitesRun, business: RowRecord): Promise<Outcome> {
  try {
    const made = await generateSite(run.ctx.env, run.h, business.id, run.ctx.actorId);
    await noteSite(run, made, made.status === "review" ? "Site generated" : "Site queued for the agents");
    return { state: "done", detail: madeDetail(made) };
  } catch (error) {
    const message = (error as Error).message;
    await noteRows(run.ctx, run.h.businesses, [{ rowId: business.id, what: `Site generation failed: ${message}` }]);
    return { state: "failed", cause: "generation", detail: message };
  }
}

export async function generateNewSites(run: SitesRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "generate",
    cap: run.ctx.settings.caps.generate,
    counter: "generated",
    peek: SKIPPED_PEEK,
    candidates: (limit, exclude) => qualifiedWithoutSite(run.h, run.sites, limit, exclude),
    act: (business) => generate(run, business),
    settle: async (businessId) =>
      (await siteOfBusiness(run.sites, businessId))
        ? { state: "done", detail: "made" }
        : { state: "failed", cause: "interrupted" },
    gate: anthropicGate(run),
  });
}

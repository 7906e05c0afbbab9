/**
 * The generation phase: failed sites retried, new sites generated for the best qualified
 * businesses, and sites that passed their quality checks published, each up to its cap
 * (worker/autopilot/sites/). Counts `{ retried, generated, published }`.
 */
import { findHunting } from "../../hunting/tables";
import { ensureSites } from "../../sites/tables";
import { emptyResult, type Phase } from "../context";
import { withNoteColumn } from "../note";
import { generateNewSites, publishReviewedSites, retryFailedSites, type SitesRun, usesAgents } from "../sites";

export const generationPhase: Phase = async (ctx) => {
  const result = { ...emptyResult("generation"), counts: { retried: 0, generated: 0, published: 0 } };
  const hunting = await findHunting(ctx.env, ctx.db, ctx.workspaceId);
  if (!hunting) return { ...result, error: "No Businesses table yet: nothing to generate sites for" };
  const sites = await ensureSites(ctx.env, ctx.db, ctx.workspaceId, ctx.actorId, hunting.ids.businesses);
  const run: SitesRun = {
    ctx,
    h: { ...hunting, businesses: await withNoteColumn(ctx.env, hunting.businesses) },
    sites: await withNoteColumn(ctx.env, sites),
    agents: await usesAgents(ctx),
  };
  await retryFailedSites(run, result);
  await generateNewSites(run, result);
  await publishReviewedSites(run, result);
  return result;
};

/**
 * The cleanup phase of a cycle: work running longer than `settings.stuckAfterMinutes` goes back
 * with a reason — territories left scraping (to pending), sites left queued or generating (to
 * failed, for the generation phase to retry), messages left queued (to failed, for the pitching
 * phase to retry) — and ledger items left claimed by cycles that ended are marked failed. Each row
 * gets its note. Counts: territories, sites, messages, items; done = their sum.
 */
import { findHunting } from "../../hunting/tables";
import { emptyResult, type Phase } from "../context";
import { CLEAN_KINDS, earlierCleans } from "../hunt/stuck";
import { cleanItems } from "../hunt/stuck-items";
import { cleanMessages } from "../hunt/stuck-messages";
import { cleanSites } from "../hunt/stuck-sites";
import { cleanTerritories } from "../hunt/stuck-territories";
import { withNoteColumn } from "../note";

export const cleanupPhase: Phase = async (ctx) => {
  const result = emptyResult("cleanup");
  result.counts = Object.fromEntries(CLEAN_KINDS.map((k) => [k, 0]));
  const settled = await earlierCleans(ctx, result);
  const found = await findHunting(ctx.env, ctx.db, ctx.workspaceId);
  if (found) {
    const h = { ...found, territories: await withNoteColumn(ctx.env, found.territories) };
    await cleanTerritories(ctx, h, result, settled);
  }
  await cleanSites(ctx, result, settled);
  await cleanMessages(ctx, result, settled);
  await cleanItems(ctx, result, settled);
  result.done = CLEAN_KINDS.reduce((n, k) => n + (result.counts?.[k] ?? 0), 0);
  return result;
};

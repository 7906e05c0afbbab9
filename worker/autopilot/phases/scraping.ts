/**
 * The scraping phase of a cycle: cooldowns that ended go back to pending, the due territories
 * are scraped up to `caps.territories` (`hunt/scrape-due.ts`), and new qualified businesses become
 * qualified leads up to `caps.qualify` (`hunt/qualify.ts`). Counts: cooldownsReset, scraped,
 * found, qualified (leads this phase made), foundQualified (businesses the scrapes found that the
 * score qualifies: the Businesses table's own rule makes those leads as they land, so in a
 * workspace with that rule on, `qualified` counts only what it missed); done = scraped + qualified.
 */
import { findHunting } from "../../hunting/tables";
import { emptyResult, type Phase } from "../context";
import { resetCooldowns } from "../hunt/cooldowns";
import { qualifyNew } from "../hunt/qualify";
import { scrapeDue } from "../hunt/scrape-due";
import { withNoteColumn } from "../note";

const ZERO = { cooldownsReset: 0, scraped: 0, found: 0, foundQualified: 0, qualified: 0 };

export const scrapingPhase: Phase = async (ctx) => {
  const result = emptyResult("scraping");
  const found = await findHunting(ctx.env, ctx.db, ctx.workspaceId);
  if (!found) return { ...result, counts: { ...ZERO } };
  const h = {
    ...found,
    territories: await withNoteColumn(ctx.env, found.territories),
    businesses: await withNoteColumn(ctx.env, found.businesses),
  };
  result.counts = { ...ZERO };
  await resetCooldowns(ctx, h, result);
  await scrapeDue(ctx, h, result);
  await qualifyNew(ctx, h, result);
  result.done = (result.counts.scraped ?? 0) + (result.counts.qualified ?? 0);
  return result;
};

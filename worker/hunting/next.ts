/** "Scrape next": the due territory of highest priority (see `dueOrder`), never one in cooldown. */

import { dueOrder } from "../../automation/hunting";
import type { HuntingSettings, ScrapeTrigger } from "../../schema/hunting-api";
import { CooldownError, HuntingBusyError, HuntingInputError } from "./errors";
import { startScrape } from "./runs";
import type { Hunting } from "./tables";
import { allTerritories } from "./territories";

/** Starts a scrape of the next due territory with the workspace's default source; null when none is due. */
export async function scrapeNext(
  env: Env,
  h: Hunting,
  settings: HuntingSettings,
  trigger: ScrapeTrigger,
  now = new Date(),
): Promise<{ territoryId: string; runId: string } | null> {
  for (const territory of dueOrder(await allTerritories(h), now)) {
    try {
      const runId = await startScrape(env, h, territory.id, {
        source: settings.defaultSource,
        force: false,
        trigger,
        settings,
        now,
      });
      return { territoryId: territory.id, runId };
    } catch (error) {
      // Taken by another scrape a moment ago, or not scrapable as it is: the next one.
      if (error instanceof HuntingBusyError || error instanceof CooldownError || error instanceof HuntingInputError)
        continue;
      throw error;
    }
  }
  return null;
}

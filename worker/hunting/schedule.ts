/**
 * Scheduled scraping: every minute the cron looks at the workspaces whose hunting settings turn
 * it on, and for each whose last scheduled scrape is at least `everyMinutes` old and whose UTC day
 * has not reached `dailyCap` scheduled scrapes, starts "Scrape next" (which never takes a
 * territory in cooldown). The Scrape runs table is the memory: its "Started by: schedule" rows.
 */
import { eq } from "drizzle-orm";
import { scheduleDue } from "../../automation/hunting";
import { workspaceSetting } from "../../schema/db";
import { HuntingSettings } from "../../schema/hunting-api";
import { getDb } from "../db";
import { providerKeys } from "../projects/discover";
import { scrapeNext } from "./next";
import { allRuns } from "./runs";
import { checkSource } from "./sources";
import { findHunting } from "./tables";

export type ScheduleReport = { workspaces: number; started: number };

export async function runHuntingSchedule(env: Env, now: Date): Promise<ScheduleReport> {
  const db = getDb(env.DB);
  const rows = await db.query.workspaceSetting.findMany({ where: eq(workspaceSetting.key, "hunting") });
  const report: ScheduleReport = { workspaces: 0, started: 0 };
  for (const row of rows) {
    let settings: HuntingSettings;
    try {
      settings = HuntingSettings.parse(JSON.parse(row.value));
    } catch {
      continue;
    }
    if (!settings.autoScrape.enabled) continue;
    const h = await findHunting(env, db, row.workspaceId);
    if (!h) continue;
    report.workspaces += 1;
    const scheduled = (await allRuns(h)).filter((run) => run.trigger === "schedule").map((run) => run.startedAt);
    if (!scheduleDue(settings.autoScrape, scheduled, now)) continue;
    try {
      checkSource(settings.defaultSource, await providerKeys(env, db, row.workspaceId), undefined);
      if (await scrapeNext(env, h, settings, "schedule", now)) report.started += 1;
    } catch (error) {
      console.warn(`rowpilot: scheduled scrape for ${row.workspaceId} failed: ${(error as Error).message}`);
    }
  }
  return report;
}

/**
 * Scrapes run on the `outreach-jobs` queue, one message a scrape: the request that starts one
 * (the API, Scrape next, the schedule) claims the territory and opens the run row first, so every
 * refusal is its answer; the consumer does the slow part. An uploaded CSV waits in R2 under the
 * run's id (a queue message holds 128 KB) and is deleted once read.
 */
import { z } from "zod";
import { HuntingSource } from "../../schema/hunting";
import { SCRAPE_TRIGGERS } from "../../schema/hunting-api";
import { getDb } from "../db";
import { providerKeys } from "../projects/discover";
import { readRun } from "./runs";
import { failScrape, runScrape } from "./scrape";
import { readHuntingSettings } from "./settings";
import { huntingOf } from "./tables";

export const ScrapeJob = z.object({
  kind: z.literal("scrape"),
  workspaceId: z.string(),
  ids: z.object({ territories: z.string(), businesses: z.string(), runs: z.string() }),
  territoryId: z.string(),
  runId: z.string(),
  source: HuntingSource,
  csvKey: z.string().nullable(),
  force: z.boolean(),
  trigger: z.enum(SCRAPE_TRIGGERS),
});
export type ScrapeJob = z.infer<typeof ScrapeJob>;

export const csvKeyFor = (workspaceId: string, runId: string) => `hunting/${workspaceId}/csv/${runId}.csv`;

/**
 * Runs one scrape job; a failure is written to its territory and run rows, so it is not retried.
 * A message delivered again once its run has ended does nothing.
 */
export async function runScrapeJob(env: Env, job: ScrapeJob): Promise<void> {
  const h = await huntingOf(env, job.ids, job.workspaceId);
  try {
    const run = await readRun(h, job.runId);
    if (run?.status !== "running") return;
    const db = getDb(env.DB);
    const csv = job.csvKey ? await (await env.FILES.get(job.csvKey))?.text() : undefined;
    if (job.csvKey && csv === undefined) throw new Error("The uploaded CSV is gone; upload it again");
    await runScrape(env, h, job.territoryId, job.runId, await providerKeys(env, db, job.workspaceId), {
      source: job.source,
      csv,
      force: job.force,
      trigger: job.trigger,
      settings: await readHuntingSettings(db, job.workspaceId),
    });
  } catch (error) {
    const message = (error as Error).message || String(error);
    console.warn(`rowpilot: scrape ${job.runId} of territory ${job.territoryId} failed: ${message}`);
    // A failure before the scrape itself ran (its rows unreadable, settings, keys) is written here.
    if ((await readRun(h, job.runId).catch(() => null))?.status === "running")
      await failScrape(h, job.territoryId, job.runId, message).catch(() => undefined);
  } finally {
    if (job.csvKey) await env.FILES.delete(job.csvKey);
  }
}

/** One scrape message: run and acknowledged (a failure is written to its rows, not retried). */
export async function handleHuntingMessage(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = ScrapeJob.safeParse(message.body);
  if (!parsed.success) {
    console.error(`rowpilot: malformed hunting job ${message.id}: ${parsed.error.issues[0]?.message}`);
    return message.ack();
  }
  await runScrapeJob(env, parsed.data);
  message.ack();
}

/**
 * Cron triggers (see wrangler.jsonc): every minute, scheduled trigger rules and scheduled
 * scraping of hunting territories, autopilot's schedules, scheduled messages, and resuming lost polls of sites' Message Batches;
 * once an hour (in the every-minute cron) the billing grace period; nightly, subscriptions
 * reconciled with Recurrente.
 */
import { runAutopilotSchedule } from "./autopilot/schedule";
import { getDb } from "./db";
import { runHuntingSchedule } from "./hunting/schedule";
import { sendDueMessages } from "./messaging/scheduled";
import { GRACE_CHECK_MINUTE, runGrace } from "./payments/grace";
import { runReconcile } from "./payments/reconcile";
import { resumeSiteBatches } from "./sites/batch-poll";
import { runDueRules } from "./triggers/schedule";

/** The cron expression in wrangler.jsonc that runs scheduled rules. */
export const EVERY_MINUTE = "* * * * *";
/** The nightly cron in wrangler.jsonc (03:00 UTC, when few people work). */
export const NIGHTLY = "0 3 * * *";

export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  if (controller.cron === EVERY_MINUTE) {
    const report = await runDueRules(env, new Date(controller.scheduledTime));
    if (report.rules > 0)
      console.log(
        `rowpilot: cron ran ${report.rules} scheduled rule(s), ${report.fired} firing(s), ${report.failed} failed`,
      );
    const hunting = await runHuntingSchedule(env, new Date(controller.scheduledTime));
    if (hunting.started > 0) console.log(`rowpilot: cron started ${hunting.started} scheduled scrape(s)`);
    const due = await sendDueMessages(env, new Date(controller.scheduledTime));
    if (due > 0) console.log(`rowpilot: cron queued ${due} scheduled message(s)`);
    const resumed = await resumeSiteBatches(env, new Date(controller.scheduledTime));
    if (resumed > 0) console.log(`rowpilot: cron resumed polling ${resumed} Message Batch(es) of sites`);
    const autopilot = await runAutopilotSchedule(env, new Date(controller.scheduledTime));
    if (autopilot.cycles || autopilot.released)
      console.log(
        `rowpilot: cron started ${autopilot.cycles} autopilot cycle(s), released ${autopilot.released} stale lock(s)`,
      );
    if (new Date(controller.scheduledTime).getUTCMinutes() === GRACE_CHECK_MINUTE) {
      const grace = await runGrace(env, getDb(env.DB), new Date(controller.scheduledTime));
      if (grace.offline || grace.online)
        console.log(`rowpilot: grace period took ${grace.offline} site(s) offline, brought ${grace.online} back`);
    }
    return;
  }
  if (controller.cron === NIGHTLY) {
    const reconciled = await runReconcile(env, getDb(env.DB), new Date(controller.scheduledTime));
    console.log(
      `rowpilot: reconciled subscriptions of ${reconciled.workspaces} workspace(s), drift in ${reconciled.drifted}`,
    );
    return;
  }
  console.log(`rowpilot: cron ${controller.cron} ran; no work is registered for it`);
}

/** Cron triggers (see wrangler.jsonc): scheduled rules, compaction, re-engagement scans. */
export async function handleScheduled(controller: ScheduledController, _env: Env): Promise<void> {
  console.log(`rowpilot: cron ${controller.cron} ran; no scheduled work is registered`);
}

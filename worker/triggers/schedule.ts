/**
 * The cron tick for scheduled rules: every due rule in the registry runs once over its table's
 * rows, then moves to its next time. A tick's run id is the time the rule was due, so a tick
 * delivered twice, or a rule due at two overlapping ticks, acts on each row once.
 */

import { getDb } from "../db";
import { tableRoom } from "../durable/table-room";
import { dueRules, scheduleNext, unregisterRule } from "./registry";

export type TickReport = { rules: number; fired: number; failed: number };

/**
 * Runs the scheduled rules due at `at`.
 * @example await runDueRules(env, new Date(controller.scheduledTime))
 */
export async function runDueRules(env: Env, at: Date): Promise<TickReport> {
  const db = getDb(env.DB);
  const due = await dueRules(db, at);
  const results = await Promise.allSettled(
    due.map(async (entry) => {
      const run = { source: "schedule" as const, id: entry.nextRunAt!.toISOString() };
      const result = await tableRoom(env, entry.tableId).runRule(entry.ruleId, run);
      if (!result.ok && result.status === 404) {
        // The manifest no longer has the rule (deleted by a client that skipped the API).
        await unregisterRule(db, entry.tableId, entry.ruleId);
        return 0;
      }
      await scheduleNext(db, entry, at);
      if (!result.ok) throw new Error(`${entry.tableId}/${entry.ruleId}: ${result.message}`);
      return result.value.fired;
    }),
  );
  const report: TickReport = { rules: due.length, fired: 0, failed: 0 };
  for (const result of results) {
    if (result.status === "fulfilled") report.fired += result.value;
    else {
      report.failed++;
      console.error(`rowpilot: scheduled rule failed: ${(result.reason as Error).message}`);
    }
  }
  return report;
}

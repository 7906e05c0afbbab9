/**
 * Cron expressions of scheduled trigger rules, read by croner (no dependencies, runs in the
 * browser and in Workers). Five fields (minute hour day month weekday) in UTC, as Cloudflare's
 * own cron triggers use: the Worker wakes every minute and no rule can be finer than that.
 */
import { Cron } from "croner";

/** Why `expression` is not a five-field cron expression, or null when it is one. */
export function cronProblem(expression: string): string | null {
  try {
    const cron = new Cron(expression, { mode: "5-part", timezone: "UTC" });
    return cron.nextRun() ? null : "never runs";
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, "");
  }
}

/**
 * The first time after `after` at which `expression` runs, or null when it never does again.
 * @example nextRunAfter("0 9 * * 1-5", new Date("2026-11-22T10:00:00Z")) // 2026-11-23T09:00:00Z
 */
export function nextRunAfter(expression: string, after: Date): Date | null {
  return new Cron(expression, { mode: "5-part", timezone: "UTC" }).nextRun(after);
}

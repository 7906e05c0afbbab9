/**
 * When the Worker's cron triggers are due, as Cloudflare runs them: five-field expressions in UTC,
 * at most once a minute. Pure, so the ticker's timing is tested without waiting for the clock.
 */
import { Cron } from "croner";

export type Firing = { cron: string; at: Date };

/** A run earlier in the same second as the reference is one croner's `previousRuns` counts. */
const JUST_AFTER_MS = 1;

const schedule = (cron: string) => new Cron(cron, { mode: "5-part", timezone: "UTC" });

/**
 * What a tick at `now` fires, having checked up to `since`: for each cron, its latest due time in
 * (`since`, `now`], if any. Minutes missed in between (the machine slept) are not caught up one by
 * one, as the platform does not either; the Worker runs whatever is overdue at the time it is given.
 * @example dueFirings(["* * * * *"], new Date("2026-12-01T10:04:30Z"), new Date("2026-12-01T10:05:00Z"))
 * // [{ cron: "* * * * *", at: 2026-12-01T10:05:00Z }]
 */
export function dueFirings(crons: string[], since: Date, now: Date): Firing[] {
  return crons.flatMap((cron) => {
    const [latest] = schedule(cron).previousRuns(1, new Date(now.getTime() + JUST_AFTER_MS));
    return latest && latest > since ? [{ cron, at: latest }] : [];
  });
}

/** The earliest time after `now` at which any of `crons` is due, or null when none is again. */
export function nextDueAt(crons: string[], now: Date): Date | null {
  const times = crons.flatMap((cron) => schedule(cron).nextRun(now) ?? []);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

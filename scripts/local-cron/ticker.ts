/**
 * Fires the Worker's cron triggers on their schedules against a local server. wrangler dev and
 * the Vite plugin never fire them themselves; both serve miniflare's scheduled route, which runs
 * the Worker's `scheduled` handler with the cron and time it is given.
 */
import { dueFirings, type Firing, nextDueAt } from "./due";

/** miniflare's route that runs the `scheduled` handler (`cron`, `time` in ms, `format=json`). */
export const SCHEDULED_ROUTE = "/cdn-cgi/local/scheduled";
/** The longest the ticker sleeps, so a system clock set forward or back is noticed within a minute. */
const MAX_SLEEP_MS = 60_000;
/** A tick answers once its rules have run; the every-minute one should be done before the next. */
export const FIRE_TIMEOUT_MS = 60_000;

export type CronTicker = { stop(): void };

export type TickerOptions = {
  /** The local server, e.g. http://localhost:8787. */
  origin: string;
  crons: string[];
  fetch?: typeof fetch;
  now?: () => Date;
  /** Where a failed tick is reported; the ticker itself goes on. */
  onError?: (message: string) => void;
};

/** Starts firing `crons` at `origin` from now on; `stop()` ends it and cancels ticks under way. */
export function startCronTicker(options: TickerOptions): CronTicker {
  const { origin, crons, fetch: request = fetch, now = () => new Date() } = options;
  const onError = options.onError ?? ((message: string) => console.error(message));
  const stopped = new AbortController();
  let checkedUpTo = now();
  let timer: NodeJS.Timeout | undefined;

  const fire = async ({ cron, at }: Firing) => {
    const url = new URL(SCHEDULED_ROUTE, origin);
    url.search = new URLSearchParams({ cron, time: String(at.getTime()), format: "json" }).toString();
    const what = `Cron "${cron}" due ${at.toISOString()}`;
    try {
      const signal = AbortSignal.any([stopped.signal, AbortSignal.timeout(FIRE_TIMEOUT_MS)]);
      const response = await request(url, { signal });
      const body = await response.text();
      if (!response.ok)
        onError(`${what}: the Worker's scheduled handler failed (HTTP ${response.status} ${body.trim()}); see its log`);
    } catch (error) {
      if (stopped.signal.aborted) return;
      const { name, message, cause } = error as Error & { cause?: { code?: string } };
      onError(
        name === "TimeoutError"
          ? `${what}: no answer from ${origin} within ${FIRE_TIMEOUT_MS / 1000} s`
          : `${what}: ${origin} was not reached (${cause?.code ? `${message}: ${cause.code}` : message})`,
      );
    }
  };

  const tick = () => {
    const at = now();
    for (const firing of dueFirings(crons, checkedUpTo, at)) void fire(firing);
    // Never back: with the clock set back, minutes already fired are not fired again.
    if (at > checkedUpTo) checkedUpTo = at;
    schedule();
  };

  const schedule = () => {
    if (stopped.signal.aborted) return;
    const next = nextDueAt(crons, checkedUpTo);
    if (!next) return;
    timer = setTimeout(tick, Math.min(Math.max(next.getTime() - now().getTime(), 0), MAX_SLEEP_MS));
  };

  schedule();
  return {
    stop() {
      stopped.abort();
      clearTimeout(timer);
    },
  };
}

/** The line the start scripts print about cron. */
export function describeCron(crons: string[]): string {
  return crons.length
    ? `Cron: ${crons.join(", ")} fired locally on schedule (UTC) by this script, through ${SCHEDULED_ROUTE}`
    : "Cron: wrangler.jsonc declares no cron triggers";
}

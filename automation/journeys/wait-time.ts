/**
 * How long a journey's waits last: durations (compressed runs count a day as a second) and the
 * next time of day in a lead's zone.
 */

/** Seconds in a day: a compressed run waits one second for each day a definition names. */
export const DAY_SECONDS = 86_400;
/** The shortest compressed wait: Workflows sleeps in whole seconds or more in practice. */
export const MIN_COMPRESSED_MS = 1000;

/** A wait of `seconds` in ms; compressed, a day becomes a second (at least one second). */
export function waitMs(seconds: number, compress: boolean): number {
  if (!compress) return seconds * 1000;
  return Math.max(MIN_COMPRESSED_MS, Math.round((seconds * 1000) / DAY_SECONDS));
}

/** The wall-clock minutes past midnight of `at` in `zone`. */
function minutesInZone(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/**
 * The next moment after `now` when the clock in `zone` reads `time` ("HH:MM"), to the minute.
 * @example nextTimeOfDay(Date.parse("2026-03-02T12:00:00Z"), "America/Chicago", "09:00") // 2026-03-03T15:00Z
 */
export function nextTimeOfDay(now: number, zone: string, time: string): number {
  const [h, m] = time.split(":").map(Number);
  const target = (h ?? 0) * 60 + (m ?? 0);
  const current = minutesInZone(now, zone);
  let ahead = (target - current + 1440) % 1440;
  if (ahead === 0) ahead = 1440;
  const startOfMinute = now - (now % 60_000);
  return startOfMinute + ahead * 60_000;
}

/**
 * How long a journey's waits last: durations (compressed runs count a day as a second) and the
 * next time of day in a lead's zone.
 */
import { addDays, localTime, zonedInstant } from "../messaging/zoned-time";

/** Seconds in a day: a compressed run waits one second for each day a definition names. */
export const DAY_SECONDS = 86_400;
/** The shortest compressed wait: Workflows sleeps in whole seconds or more in practice. */
export const MIN_COMPRESSED_MS = 1000;

/** A wait of `seconds` in ms; compressed, a day becomes a second (at least one second). */
export function waitMs(seconds: number, compress: boolean): number {
  if (!compress) return seconds * 1000;
  return Math.max(MIN_COMPRESSED_MS, Math.round((seconds * 1000) / DAY_SECONDS));
}

/**
 * The next moment after `now` when the clock in `zone` reads `time` ("HH:MM"), DST included.
 * @example nextTimeOfDay(Date.parse("2026-03-02T12:00:00Z"), "America/Chicago", "09:00") // 2026-03-03T15:00Z
 */
export function nextTimeOfDay(now: number, zone: string, time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  const clock = (hours ?? 0) * 60 + (minutes ?? 0);
  const { date } = localTime(new Date(now), zone);
  const today = zonedInstant(date, clock, zone).getTime();
  return today > now ? today : zonedInstant(addDays(date, 1), clock, zone).getTime();
}

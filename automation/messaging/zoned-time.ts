/**
 * Wall-clock time in an IANA time zone with nothing but `Intl`: the calendar date and minute of an
 * instant there, and the instant of a date and minute there, daylight-saving changes included.
 */

const MS_PER_DAY = 86_400_000;

/** A calendar date, as people in some zone see it. */
export type LocalDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  return format;
}

export { isTimeZone } from "../../schema/time-zone";

/** The wall-clock reading of `instant` in `zone`, as if that reading were UTC (ms). */
function wallClock(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(instant)) parts[type] = Number(value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The date and the minute of the day of `instant` in `zone`. */
export function localTime(instant: Date, zone: string): { date: LocalDate; minute: number } {
  const wall = new Date(wallClock(instant.getTime() - (instant.getTime() % 1000), zone));
  return {
    date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / MS_PER_DAY,
  );
}

/** 0 for Sunday to 6 for Saturday, as `Date.getDay`. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `2026-03-08`. */
export function formatDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/**
 * The instant when clocks in `zone` read `minute` (minutes after midnight, may be 1440) on
 * `date`. A reading that happens twice (clocks turned back) gives the first; one that never
 * happens (clocks turned forward) gives the same distance past the change, as Temporal's
 * "compatible" rule does: 02:30 on a spring-forward night is 03:30.
 */
export function zonedInstant(date: LocalDate, minute: number, zone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  // Offsets a day either side: real zones change offset at most once within two days.
  const before = wallClock(wall - MS_PER_DAY, zone) - (wall - MS_PER_DAY);
  const after = wallClock(wall + MS_PER_DAY, zone) - (wall + MS_PER_DAY);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallClock(instant, zone) === wall);
  return new Date(exact ?? wall - before);
}

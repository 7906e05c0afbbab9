/**
 * Quiet hours in the lead's zone: no journey message goes from `from` to `to` (21:00–08:00 spans
 * midnight, 12:00–13:00 does not). A send that falls inside is deferred to when they end, read on
 * the lead's clock, so a daylight-saving change moves the instant and not the local time.
 */
import type { QuietHours } from "../../schema/journeys";
import { addDays, localTime, zonedInstant } from "../messaging/zoned-time";

function minuteOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/**
 * When the quiet hours around `now` (ms) end in `zone` (ms), or null when it is not quiet there
 * now (or there are none; `from` equal to `to` means none).
 * @example quietUntil(Date.parse("2026-12-07T05:30:00Z"), "America/Los_Angeles", { from: "21:00", to: "08:00" })
 */
export function quietUntil(now: number, zone: string, quiet: QuietHours | null): number | null {
  if (!quiet || quiet.from === quiet.to) return null;
  const from = minuteOf(quiet.from);
  const to = minuteOf(quiet.to);
  const { date, minute } = localTime(new Date(now), zone);
  let endDate = date;
  if (from < to) {
    if (minute < from || minute >= to) return null;
  } else if (minute >= from) {
    endDate = addDays(date, 1);
  } else if (minute >= to) {
    return null;
  }
  const end = zonedInstant(endDate, to, zone).getTime();
  // A clock turned back can read the end time twice; past the first reading it is no longer quiet.
  return end > now ? end : null;
}

/**
 * When a send may go: daily caps per sender and per workspace, a minimum spacing between one
 * sender's sends, a sending window in the recipient's time zone, and a warm-up ramp for a new
 * sender. Campaign and journey sends obey all of it; a person's "Send now" skips the window and
 * the spacing but never a cap. Days for caps and warm-up are counted in the workspace's zone.
 */
import {
  addDays,
  daysBetween,
  formatDate,
  isTimeZone,
  type LocalDate,
  localTime,
  weekday,
  zonedInstant,
} from "./zoned-time";

export { DEFAULT_PACE } from "../../schema/messaging-api";

export type SendingWindow = {
  /** `HH:MM` in the recipient's zone; an end before the start runs past midnight. */
  start: string;
  end: string;
  /** Days the window opens, 0 = Sunday … 6 = Saturday (the day it opens, for one past midnight). */
  days: number[];
};

export type WarmUp = { startPerDay: number; doubleEveryDays: number };

export type PaceSettings = {
  senderDailyCap: number;
  workspaceDailyCap: number;
  minSpacingSeconds: number;
  window: SendingWindow;
  /** `null`: the sender is established and sends up to its cap from the first day. */
  warmUp: WarmUp | null;
  /** The workspace's IANA zone: where a day starts and ends for caps and warm-up. */
  zone: string;
};

export type PaceState = {
  settings: PaceSettings;
  /** The sender's first day of sending (warm-up counts from it). */
  senderStartedAt: Date;
  /** Sends so far on the workspace's current day. */
  senderSentToday: number;
  workspaceSentToday: number;
  /** This sender's last send, for the spacing. */
  lastSentAt: Date | null;
};

export type CapReason = "sender_cap" | "workspace_cap" | "warm_up";

export type PaceDecision =
  | { ok: true; at: Date }
  | { ok: false; reason: CapReason; limit: number; nextAt: Date; message: string };

/** Windows are looked for this many days ahead; a window with at least one day is always found. */
const DAYS_SEARCHED = 8;

export class PaceError extends Error {
  override name = "PaceError";
}

function minutesOf(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes <= 1440 && Number(match?.[2]) < 60)) {
    throw new PaceError(`"${time}" is not a time of day; write it as HH:MM, e.g. 09:00.`);
  }
  return minutes;
}

function checkZone(zone: string): string {
  if (!isTimeZone(zone)) throw new PaceError(`"${zone}" is not a time zone; use an IANA name such as America/Chicago.`);
  return zone;
}

/**
 * The first moment at or after `from` inside the window, in `zone`.
 * @example nextInWindow(new Date("2026-12-05T15:00Z"), "Europe/Paris", DEFAULT_PACE.window) // Monday 09:00 Paris
 */
export function nextInWindow(from: Date, zone: string, window: SendingWindow): Date {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (!window.days.length || start === end) throw new PaceError("The sending window is empty: give it hours and days.");
  const overnight = end < start;
  const today = localTime(from, checkZone(zone)).date;
  // From yesterday: an overnight window opened yesterday may still be open.
  for (let offset = -1; offset < DAYS_SEARCHED; offset++) {
    const day = addDays(today, offset);
    if (!window.days.includes(weekday(day))) continue;
    const opens = zonedInstant(day, start, zone);
    const closes = zonedInstant(overnight ? addDays(day, 1) : day, end, zone);
    if (closes <= from) continue;
    return opens > from ? opens : from;
  }
  throw new PaceError("No sending window opens in the next week.");
}

/** The sender's daily limit on `day` (workspace zone) of its warm-up, never above its cap. */
export function senderLimit(settings: PaceSettings, startedAt: Date, day: LocalDate): number {
  if (!settings.warmUp) return settings.senderDailyCap;
  const age = Math.max(0, daysBetween(localTime(startedAt, settings.zone).date, day));
  const ramp = settings.warmUp.startPerDay * 2 ** Math.floor(age / settings.warmUp.doubleEveryDays);
  return Math.min(settings.senderDailyCap, ramp);
}

export type WarmUpStep = { from: string; to: string | null; perDay: number };

/**
 * The warm-up as people read it: from which day the sender may send how many a day, ending with
 * the cap (`to: null`).
 * @example warmUpSchedule(settings, startedAt) // [{ from: "2026-12-01", to: "2026-12-03", perDay: 20 }, …]
 */
export function warmUpSchedule(settings: PaceSettings, startedAt: Date): WarmUpStep[] {
  const first = localTime(startedAt, checkZone(settings.zone)).date;
  const steps: WarmUpStep[] = [];
  for (let day = first; ; day = addDays(day, settings.warmUp?.doubleEveryDays ?? 1)) {
    const perDay = senderLimit(settings, startedAt, day);
    if (perDay >= settings.senderDailyCap) {
      steps.push({ from: formatDate(day), to: null, perDay });
      return steps;
    }
    const last = addDays(day, (settings.warmUp?.doubleEveryDays ?? 1) - 1);
    steps.push({ from: formatDate(day), to: formatDate(last), perDay });
  }
}

const CAP_WORDS: Record<CapReason, string> = {
  sender_cap: "this sender's daily cap",
  workspace_cap: "the workspace's daily cap",
  warm_up: "this sender's warm-up limit",
};

/**
 * When the next send may go, or that today's cap is reached and when sending resumes.
 * `sendNow` (a person's "Send now") skips the window and spacing, never a cap.
 * @example nextSendTime(state, new Date(), "America/Chicago") // { ok: true, at: 2026-12-07T15:00:00.000Z }
 */
export function nextSendTime(
  state: PaceState,
  now: Date,
  recipientZone: string | null,
  { sendNow = false }: { sendNow?: boolean } = {},
): PaceDecision {
  const { settings } = state;
  const today = localTime(now, checkZone(settings.zone)).date;
  const zone = checkZone(recipientZone ?? settings.zone);
  const limit = senderLimit(settings, state.senderStartedAt, today);
  const cap: { reason: CapReason; limit: number } | null =
    state.workspaceSentToday >= settings.workspaceDailyCap
      ? { reason: "workspace_cap", limit: settings.workspaceDailyCap }
      : state.senderSentToday >= limit
        ? { reason: limit < settings.senderDailyCap ? "warm_up" : "sender_cap", limit }
        : null;
  if (cap) {
    const tomorrow = zonedInstant(addDays(today, 1), 0, settings.zone);
    const nextAt = sendNow ? tomorrow : nextInWindow(tomorrow, zone, settings.window);
    const message = `Today's ${CAP_WORDS[cap.reason]} of ${cap.limit} is reached; next send at ${nextAt.toISOString()}.`;
    return { ok: false, ...cap, nextAt, message };
  }
  if (sendNow) return { ok: true, at: now };
  const spaced = state.lastSentAt ? new Date(state.lastSentAt.getTime() + settings.minSpacingSeconds * 1000) : now;
  return { ok: true, at: nextInWindow(spaced > now ? spaced : now, zone, settings.window) };
}

/**
 * Dates as Airtable's formulas treat them, on ISO strings (how date cells are stored, see
 * schema/cells.ts) and in UTC, so a Worker and a browser in any time zone agree. Day.js does the
 * calendar work: its units and format tokens are moment.js's, which Airtable's DATEADD,
 * DATETIME_DIFF and DATETIME_FORMAT follow (`YYYY-MM-DD`, `Do MMMM`, `[literal]`…). A blank date
 * gives a blank result; text that is not an ISO date is #VALUE!.
 */
import dayjs, { type ManipulateType, type QUnitType } from "dayjs";
import advancedFormat from "dayjs/plugin/advancedFormat";
import isoWeek from "dayjs/plugin/isoWeek";
import localizedFormat from "dayjs/plugin/localizedFormat";
import utc from "dayjs/plugin/utc";
import weekOfYear from "dayjs/plugin/weekOfYear";
import weekYear from "dayjs/plugin/weekYear";
import { type FormulaError, formulaError, isFormulaError } from "../errors";
import type { FormulaContext } from "../evaluate";
import { isBlank, scalar, textResult, toNumber, toText, type Value } from "../values";
import { eager, type FormulaFunction } from "./spec";

for (const plugin of [utc, advancedFormat, localizedFormat, weekOfYear, weekYear, isoWeek]) dayjs.extend(plugin);

/** What DATETIME_FORMAT writes when no format is given: ISO 8601 in UTC. */
export const DEFAULT_DATE_FORMAT = "YYYY-MM-DDTHH:mm:ss.SSS[Z]";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

type Unit = "millisecond" | "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";
const UNITS: readonly Unit[] = ["millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"];
/** moment's short units; case matters, as `m` is minutes and `M` months. */
const SHORT_UNITS: Record<string, Unit> = {
  ms: "millisecond",
  s: "second",
  m: "minute",
  h: "hour",
  d: "day",
  w: "week",
  M: "month",
  Q: "quarter",
  y: "year",
};

type ParsedDate = { ms: number; dateOnly: boolean };

/** Like Date.UTC, without its reading of years 0–99 as 1900–1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function parseDate(value: Value): ParsedDate | null | FormulaError {
  const v = scalar(value);
  if (isBlank(v)) return null;
  const text = typeof v === "string" ? v.trim() : null;
  const m = text === null ? null : ISO.exec(text);
  const bad = () => formulaError("#VALUE!", `"${toText(v)}" is not a date; use an ISO date such as 2026-11-22`);
  if (!m) return bad();
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const fraction = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const zone = m[8]?.toUpperCase();
  const offset =
    zone && zone !== "Z" ? (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) : 0;
  const daysInMonth = new Date(utcMs(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth || h! > 23 || mi! > 59 || s! > 59) return bad();
  return { ms: utcMs(y!, mo! - 1, d!, h, mi, s, fraction) - offset * 60_000, dateOnly: m[4] === undefined };
}

function parseUnit(value: Value | undefined, fallback: Unit): Unit | FormulaError {
  if (value === undefined) return fallback;
  const text = toText(value).trim();
  const long = text.toLowerCase().replace(/s$/, "");
  const unit = SHORT_UNITS[text] ?? UNITS.find((u) => u === long);
  return unit ?? formulaError("#VALUE!", `"${text}" is not a unit; use ${UNITS.map((u) => `'${u}s'`).join(", ")}`);
}

/** The current time from the caller's clock, so tests and recomputes can pin it. */
function now(context: FormulaContext): Date {
  return context.now ? context.now() : new Date();
}

export const DATE_FUNCTIONS: FormulaFunction[] = [
  eager("NOW()", "The current date and time (UTC), as an ISO date-time.", (_, context) => now(context).toISOString()),
  eager("TODAY()", "The current date (UTC), as YYYY-MM-DD.", (_, context) => now(context).toISOString().slice(0, 10)),
  eager(
    "DATEADD(date, count, unit)",
    "The date moved by count units ('days', 'hours', 'months'…); a date stays a date for whole-day units.",
    ([dateArg, countArg, unitArg]) => {
      const date = parseDate(dateArg!);
      const count = toNumber(countArg!);
      const unit = parseUnit(unitArg, "day");
      if (date === null || isFormulaError(date)) return date;
      if (isFormulaError(count)) return count;
      if (isFormulaError(unit)) return unit;
      const [n, u]: [number, ManipulateType] = unit === "quarter" ? [count * 3, "month"] : [count, unit];
      const moved = dayjs.utc(date.ms).add(n, u);
      if (!moved.isValid()) return formulaError("#VALUE!", "The date is out of range");
      const wholeDays = UNITS.indexOf(unit) >= UNITS.indexOf("day");
      return date.dateOnly && wholeDays ? moved.format("YYYY-MM-DD") : moved.toISOString();
    },
  ),
  eager(
    "DATETIME_DIFF(date1, date2, [unit])",
    "date1 minus date2 in whole units ('seconds' if omitted).",
    ([first, second, unitArg]) => {
      const a = parseDate(first!);
      const b = parseDate(second!);
      const unit = parseUnit(unitArg, "second");
      if (a === null || isFormulaError(a)) return a;
      if (b === null || isFormulaError(b)) return b;
      if (isFormulaError(unit)) return unit;
      return dayjs.utc(a.ms).diff(dayjs.utc(b.ms), unit as QUnitType);
    },
  ),
  eager(
    "DATETIME_FORMAT(date, [format])",
    "The date as text in a format such as 'YYYY-MM-DD' or 'MMMM D, YYYY h:mm A' (UTC).",
    ([dateArg, formatArg]) => {
      const date = parseDate(dateArg!);
      if (date === null || isFormulaError(date)) return date;
      const format = formatArg === undefined || isBlank(formatArg) ? DEFAULT_DATE_FORMAT : toText(formatArg);
      try {
        return textResult(dayjs.utc(date.ms).format(format));
      } catch {
        // Day.js throws on a few tokens that need time-zone names (`z`, `zzz`); dates here are UTC.
        return formulaError("#VALUE!", `"${format}" is not a date format this formula can write`);
      }
    },
  ),
];

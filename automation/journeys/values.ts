/**
 * How a condition reads a row and compares: column names match case-insensitively (people type
 * `{{lead.email}}` and `Email` alike), numbers compare as numbers, ISO dates as dates, text
 * case-insensitively, and a list meets a test when any of its elements does.
 */
import type { ConditionOperator } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";

/**
 * The row's cell for a column name: the exact name first, else the one that matches ignoring case.
 * Undefined when the row has no such column.
 * @example cellFor({ Email: "a@b.co" }, "email") // "a@b.co"
 */
export function cellFor(row: Record<string, CellValue>, name: string): CellValue | undefined {
  if (Object.hasOwn(row, name)) return row[name];
  const wanted = name.trim().toLowerCase();
  for (const [column, value] of Object.entries(row)) if (column.toLowerCase() === wanted) return value;
  return undefined;
}

/** Nothing there: no such field, blank, empty text or an empty list. */
export function isMissing(value: CellValue | undefined): value is undefined | null | "" | [] {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** `2026-03-08` or a full ISO instant: the only text compared as a date. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function asNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return null;
}

function asDate(value: CellValue): number | null {
  if (typeof value !== "string" || !ISO_DATE.test(value.trim())) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}

function asText(value: CellValue): string {
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "boolean") return value ? "true" : "false";
  return typeof value === "object" && value !== null ? JSON.stringify(value).toLowerCase() : String(value);
}

/** -1, 0 or 1 when both read as numbers or both as dates; null when they cannot be ordered. */
function order(a: CellValue, b: CellValue): number | null {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return Math.sign(x - y);
  const d = asDate(a);
  const e = asDate(b);
  if (d !== null && e !== null) return Math.sign(d - e);
  return null;
}

function equalScalars(a: CellValue, b: CellValue): boolean {
  const ordered = order(a, b);
  return ordered === null ? asText(a) === asText(b) : ordered === 0;
}

/**
 * Whether `actual` meets `operator` against `expected` (neither missing; `exists` is the caller's).
 * @example meets("contains", "Austin, TX", "tx") // true
 */
export function meets(operator: Exclude<ConditionOperator, "exists">, actual: CellValue, expected: CellValue): boolean {
  if (Array.isArray(actual)) {
    if (operator === "contains")
      return actual.some((element) => !isMissing(element) && meets("equals", element, expected));
    return actual.some((element) => !isMissing(element) && meets(operator, element, expected));
  }
  switch (operator) {
    case "equals":
      return Array.isArray(expected) ? expected.some((e) => equalScalars(actual, e)) : equalScalars(actual, expected);
    case "contains":
      if (Array.isArray(expected)) return expected.some((e) => !isMissing(e) && meets("contains", actual, e));
      return asText(actual).includes(asText(expected));
    case "greater_than":
      return (order(actual, expected) ?? 0) > 0;
    case "less_than":
      return (order(actual, expected) ?? 0) < 0;
  }
}

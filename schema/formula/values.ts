/**
 * How formula values turn into numbers, text and booleans. Blank (null, "" or an empty list) is 0 in
 * arithmetic and "" in text; a list of one value acts as that value; text that is not a number is
 * #VALUE! in arithmetic. Text compares case-insensitively, as in Excel. Callers let errors propagate
 * before asking for text or a logical value (eager functions get that done for them).
 */
import type { CellValue } from "../tables";
import { type FormulaError, formulaError, isFormulaError } from "./errors";

/** A value while a formula runs: anything a cell may hold, or an error. */
export type Value = CellValue | FormulaError;

/** Longest text a formula may produce: the longest string a cell accepts (`CellValue` in schema/tables.ts). */
export const MAX_TEXT_LENGTH = 100_000;

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function isBlank(value: Value | undefined): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A list of one value stands for that value; other values are left as they are. */
export function scalar(value: Value): Value {
  while (Array.isArray(value) && value.length <= 1) value = value.length ? value[0]! : null;
  return value;
}

/** Every value inside nested lists, in order. */
export function flatten(values: readonly Value[]): Value[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

/** A number as text: up to 15 significant digits, so 0.1 + 0.2 reads "0.3" as in a spreadsheet. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** NaN and infinities never reach a cell. */
export function numberResult(n: number): number | FormulaError {
  if (Number.isNaN(n)) return formulaError("#VALUE!", "The result is not a number");
  if (!Number.isFinite(n)) return formulaError("#VALUE!", "The result is too large");
  return n === 0 ? 0 : n;
}

export function textTooLong(): FormulaError {
  return formulaError("#VALUE!", `The text would be longer than ${MAX_TEXT_LENGTH.toLocaleString("en-US")} characters`);
}

export function textResult(text: string): string | FormulaError {
  return text.length > MAX_TEXT_LENGTH ? textTooLong() : text;
}

export function toText(value: Value): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return value.map(toText).join(", ");
  return JSON.stringify(value);
}

export function toNumber(value: Value): number | FormulaError {
  const v = scalar(value);
  if (isFormulaError(v)) return v;
  if (typeof v === "number") return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const trimmed = v.trim();
    if (NUMERIC.test(trimmed)) return numberResult(Number(trimmed));
    return formulaError("#VALUE!", `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}" is not a number`);
  }
  if (Array.isArray(v)) return formulaError("#VALUE!", `Expected one number, got a list of ${v.length}`);
  return formulaError("#VALUE!", "Expected a number, got an object");
}

/**
 * Whether a condition's result counts as met (a rule's WHEN, a button's disabled-when): non-zero
 * numbers, text that is not blank, non-empty lists and TRUE. Errors never count.
 */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value === true;
}

/** Blank, 0, FALSE and "FALSE" are false; any other value, including text, is true (as in Airtable). */
export function toBoolean(value: Value): boolean {
  const v = scalar(value);
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v !== "" && v.toUpperCase() !== "FALSE";
  return v !== null;
}

function comparableNumber(v: CellValue, other: CellValue): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  // Text compares as a number only against a number: "02134" and "2134" stay different zip codes.
  if (typeof v === "string" && (typeof other === "number" || typeof other === "boolean") && NUMERIC.test(v.trim()))
    return Number(v.trim());
  return null;
}

function blankLike(other: CellValue): CellValue {
  if (typeof other === "number") return 0;
  if (typeof other === "boolean") return false;
  return "";
}

/** -1, 0 or 1; blank equals 0, "" and FALSE; numbers compare as numbers, everything else as text. */
export function compareValues(left: CellValue, right: CellValue): number {
  let a = scalar(left) as CellValue;
  let b = scalar(right) as CellValue;
  if (isBlank(a) && isBlank(b)) return 0;
  if (isBlank(a)) a = blankLike(b);
  if (isBlank(b)) b = blankLike(a);
  const na = comparableNumber(a, b);
  const nb = comparableNumber(b, a);
  if (na !== null && nb !== null) return na < nb ? -1 : na > nb ? 1 : 0;
  const ta = toText(a).toLowerCase();
  const tb = toText(b).toLowerCase();
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * What each column type accepts in a cell, checked where values enter through the API.
 * `null` clears a cell in every type.
 */
import { Attachment } from "./attachments";
import type { CellValue, ColumnType } from "./tables";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A reason the value does not fit the column type, or null when it fits. */
export function cellProblem(type: ColumnType, value: CellValue): string | null {
  if (value === null) return null;
  switch (type) {
    case "number":
    case "currency":
    case "percent":
      return typeof value === "number" && Number.isFinite(value) ? null : "expected a number";
    case "rating":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10
        ? null
        : "expected a whole number from 0 to 10";
    case "checkbox":
      return typeof value === "boolean" ? null : "expected true or false";
    case "date":
    case "datetime":
      return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "expected an ISO date such as 2026-11-22 or 2026-11-22T14:30:00Z";
    case "multiSelect":
    case "link":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? null : "expected a list of strings";
    case "attachment":
      return Array.isArray(value) && value.every((v) => Attachment.safeParse(v).success)
        ? null
        : "expected a list of attachments ({ key, name, type, size })";
    case "formula":
    case "button":
      return "is computed and cannot be written";
    default:
      return typeof value === "string" ? null : "expected text";
  }
}

/** The lowercase text a cell sorts and searches by. */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === "string" ? v : JSON.stringify(v)))
      .join(", ")
      .toLowerCase();
  if (typeof value === "object" && value !== null) return JSON.stringify(value).toLowerCase();
  return String(value);
}

/** A cell with nothing in it: filters call it empty, sorts put it last, the row index leaves it out. */
export function isEmptyCell(value: CellValue | undefined): value is undefined | null | "" | [] {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * How two cells' `cellText`s order in a sort: code point by code point, as SQLite's BINARY
 * collation orders the row index's text column. The page and the room sort by this one rule, so
 * rows served sorted by the room do not move when the page sorts its synced copy ("item 10"
 * before "item 2", as in Excel and Google Sheets; accented letters after "z").
 */
export function compareCellText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 code units order astral characters below U+E000–U+FFFF; code points do not.
    const cx = a.codePointAt(i)!;
    const cy = b.codePointAt(i)!;
    return cx < cy ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The number a cell sorts and compares by, if it has one. */
export function cellNumber(value: CellValue): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

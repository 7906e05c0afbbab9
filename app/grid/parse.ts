/** Turning what someone typed into a cell value for the column's type, or saying why not. */
import type { CellValue, ColumnType } from "../../schema/tables";

export type Parsed = { ok: true; value: CellValue } | { ok: false; error: string };

export function parseInput(type: ColumnType, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  switch (type) {
    case "number":
    case "currency":
    case "percent":
    case "rating": {
      const n = Number(trimmed.replace(/[$,%\s]/g, ""));
      if (!Number.isFinite(n)) return { ok: false, error: "Enter a number" };
      if (type === "rating" && (!Number.isInteger(n) || n < 0 || n > 10)) return { ok: false, error: "Enter 0 to 10" };
      return { ok: true, value: type === "percent" && trimmed.endsWith("%") ? n / 100 : n };
    }
    case "checkbox":
      return { ok: true, value: /^(true|yes|y|1|x|✓)$/i.test(trimmed) };
    case "multiSelect":
      return {
        ok: true,
        value: trimmed
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "date": {
      const d = new Date(trimmed);
      if (Number.isNaN(d.getTime())) return { ok: false, error: "Enter a date such as 2026-11-22" };
      return { ok: true, value: /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed : d.toISOString().slice(0, 10) };
    }
    case "datetime": {
      const d = new Date(trimmed);
      if (Number.isNaN(d.getTime())) return { ok: false, error: "Enter a date and time" };
      return { ok: true, value: d.toISOString() };
    }
    case "formula":
    case "button":
      return { ok: false, error: "This column is computed" };
    default:
      return { ok: true, value: text };
  }
}

/** The text an editor starts with for a value. */
export function inputText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

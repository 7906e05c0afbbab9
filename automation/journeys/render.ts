/**
 * A journey message's text for one lead: `{{lead.<column>}}` filled from the row (column names
 * match case-insensitively), `{{lead.first_name}}` the first word of the Name. A placeholder
 * the row cannot fill is left empty: a lead must never receive `{{lead.Company}}` as written.
 */
import { fillPlaceholders } from "../../schema/message-template";
import type { CellValue } from "../../schema/tables";
import { cellFor } from "./values";

const LEAD_PREFIX = "lead.";

function asText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function leadField(name: string, row: Record<string, CellValue>): string {
  const value = cellFor(row, name);
  if (value !== undefined) return asText(value);
  if (name.toLowerCase() === "first_name") return asText(cellFor(row, "Name")).trim().split(/\s+/)[0] ?? "";
  return "";
}

/**
 * `text` with each `{{lead.…}}` placeholder filled from `row`; any other placeholder becomes empty.
 * @example renderTemplate("Hi {{lead.first_name}}", { Name: "Ana Ruiz" }) // "Hi Ana"
 */
export function renderTemplate(text: string, row: Record<string, CellValue>): string {
  return fillPlaceholders(text, (name) =>
    name.toLowerCase().startsWith(LEAD_PREFIX) ? leadField(name.slice(LEAD_PREFIX.length), row) : "",
  );
}

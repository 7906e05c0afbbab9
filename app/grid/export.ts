/**
 * A view as CSV that opens cleanly in Excel: a UTF-8 byte-order mark, CRLF line ends, and every
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) escaped with a
 * leading apostrophe (the OWASP advice against CSV injection).
 */
import Papa from "papaparse";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { inputText } from "./parse";

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(columns: ColumnDef[], rows: { cells: Record<string, CellValue> }[]): string {
  const header = columns.map((c) => escapeFormula(c.name));
  const body = rows.map((row) => columns.map((c) => escapeFormula(inputText(row.cells[c.id]))));
  return `\uFEFF${Papa.unparse([header, ...body], { newline: "\r\n" })}`;
}

/** Offers `text` as a file download in the browser. */
export function download(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

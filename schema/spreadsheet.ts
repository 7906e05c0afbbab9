/**
 * Sheets that open cleanly in Excel and Google Sheets, shared by the grid's export and the
 * Worker's project reports. CSV: a UTF-8 byte-order mark, CRLF line ends, and every cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) escaped with a leading
 * apostrophe (the OWASP advice against CSV injection). XLSX (exceljs, loaded only when asked
 * for): numbers stay numbers and text is stored as text, so "=…" is never run as a formula.
 */
import Papa from "papaparse";

export type SheetValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A header row and body rows as CSV text. */
export function sheetCsv(header: string[], rows: SheetValue[][]): string {
  const cell = (v: SheetValue) => (v === null ? "" : escapeFormula(String(v)));
  return `\uFEFF${Papa.unparse([header.map(escapeFormula), ...rows.map((r) => r.map(cell))], { newline: "\r\n" })}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A header row and body rows as an .xlsx workbook of one sheet, bold header, sensible widths. */
export async function sheetXlsx(header: string[], rows: SheetValue[][], sheetName: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Sheet1");
  sheet.columns = header.map((name, i) => ({
    header: name,
    key: `c${i}`,
    width: Math.max(12, Math.min(40, name.length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(row.map((v, i) => [`c${i}`, v])));
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

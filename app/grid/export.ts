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

/** Offers `content` as a file download in the browser. */
export function download(filename: string, content: string | Blob, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(typeof content === "string" ? new Blob([content], { type }) : content);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The view as an .xlsx workbook (exceljs, loaded only when someone exports). Cells are typed:
 * numbers stay numbers, and text is stored as text, so a value starting with "=" is never run
 * as a formula.
 */
export async function toXlsx(
  columns: ColumnDef[],
  rows: { cells: Record<string, CellValue> }[],
  sheetName: string,
): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " ") || "Sheet1");
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.id,
    width: Math.max(12, Math.min(40, c.name.length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const v = row.cells[c.id];
          return [
            c.id,
            typeof v === "number" || typeof v === "boolean" ? v : v === undefined || v === null ? null : inputText(v),
          ];
        }),
      ),
    );
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

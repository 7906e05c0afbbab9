/**
 * A view as a file a spreadsheet opens: CSV or XLSX through `schema/spreadsheet` (formula
 * injection escaped), cells written as the grid's editors show them.
 */
import { escapeFormula, sheetCsv, sheetXlsx, XLSX_TYPE } from "../../schema/spreadsheet";
import type { CellValue, ColumnDef } from "../../schema/tables";
import { inputText } from "./parse";

export { escapeFormula };

export function toCsv(columns: ColumnDef[], rows: { cells: Record<string, CellValue> }[]): string {
  return sheetCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => inputText(row.cells[c.id]))),
  );
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

/** The view as an .xlsx workbook: typed cells, so a value starting with "=" is never run as a formula. */
export async function toXlsx(
  columns: ColumnDef[],
  rows: { cells: Record<string, CellValue> }[],
  sheetName: string,
): Promise<Blob> {
  const body = rows.map((row) =>
    columns.map((c) => {
      const v = row.cells[c.id];
      return typeof v === "number" || typeof v === "boolean" ? v : v === undefined || v === null ? null : inputText(v);
    }),
  );
  const buffer = await sheetXlsx(
    columns.map((c) => c.name),
    body,
    sheetName,
  );
  return new Blob([buffer], { type: XLSX_TYPE });
}

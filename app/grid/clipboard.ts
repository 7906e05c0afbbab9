/**
 * Cell ranges as TSV, the way Excel and Google Sheets put them on the clipboard: tab between
 * cells, newline between rows, quotes around cells that hold tabs, newlines or quotes.
 */
import Papa from "papaparse";

export function toTsv(rows: string[][]): string {
  return Papa.unparse(rows, { delimiter: "\t", newline: "\r\n", quotes: (v: unknown) => /[\t\r\n"]/.test(String(v)) });
}

export function fromTsv(text: string): string[][] {
  const trimmed = text.replace(/\r?\n$/, "");
  if (trimmed === "") return [];
  const parsed = Papa.parse<string[]>(trimmed, {
    delimiter: "\t",
    newline: trimmed.includes("\r\n") ? "\r\n" : "\n",
    quoteChar: '"',
  });
  return parsed.data;
}

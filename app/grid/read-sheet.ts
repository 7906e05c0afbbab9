/**
 * Reading a file to import: CSV through papaparse, Excel workbooks (.xlsx) through exceljs (its
 * first worksheet, the first row naming the columns). Every value comes out as the text a person
 * would have typed, so the import's type conversion treats both alike.
 */
import Papa from "papaparse";

export type Sheet = { headers: string[]; records: Record<string, string>[] };

/** An .xlsx file starts with the ZIP signature "PK\x03\x04". */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A workbook cell's value as text: numbers and booleans as written, dates as ISO, rich text and links by their text, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== "object") return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return cellText(v.result);
  if (v.text !== undefined) return cellText(v.text);
  if (v.error) return v.error;
  return "";
}

/** The first worksheet of an .xlsx workbook as headers and records. */
export async function readXlsx(data: ArrayBuffer): Promise<Sheet> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], records: [] };
  const headerRow = sheet.getRow(1);
  const headers: { col: number; name: string }[] = [];
  const taken = new Set<string>();
  headerRow.eachCell((cell, col) => {
    let name = cellText(cell.value).trim();
    if (!name) return;
    // Two columns with one name would overwrite each other in a record.
    for (let n = 2; taken.has(name); n++) name = `${cellText(cell.value).trim()} ${n}`;
    taken.add(name);
    headers.push({ col, name });
  });
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, string> = {};
    let any = false;
    for (const { col, name } of headers) {
      const text = cellText(row.getCell(col).value);
      record[name] = text;
      if (text.trim()) any = true;
    }
    if (any) records.push(record);
  });
  return { headers: headers.map((h) => h.name), records };
}

export function readCsv(text: string): Sheet {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" });
  return { headers: (parsed.meta.fields ?? []).filter((h) => h.trim() !== ""), records: parsed.data };
}

/** A CSV or .xlsx file, told apart by its first bytes rather than its name. */
export async function readSheet(file: Blob): Promise<Sheet> {
  const data = await file.arrayBuffer();
  if (isZip(new Uint8Array(data, 0, Math.min(4, data.byteLength)))) return readXlsx(data);
  return readCsv(new TextDecoder().decode(data));
}

/**
 * Reading a list a user uploads as CSV (dealers, local businesses): a header row naming columns
 * (case, spaces, punctuation and synonyms do not matter), one record a row. A row that cannot be
 * read is reported by its line (the header is line 1) and the rest still load; cells are inert
 * text (a formula stays its text, control characters become spaces) cut to a sane length.
 */
import Papa from "papaparse";
import { DiscoveryError } from "./errors";
import { zipCentroid } from "./zip";

export type CsvRowError = { line: number; message: string };

/** Rows read from one upload: schema/projects caps the CSV at 20 MB, about this many rows. */
export const MAX_CSV_ROWS = 100_000;
/** Row errors reported: past this many the file is wrong as a whole, and one more says so. */
export const MAX_CSV_ERRORS = 200;
/** Longest a text cell may be; longer cells are cut (a name is never a page long). */
export const MAX_CELL_CHARS = 300;

/** A row's cells by field; a field the file has no column for is absent. */
export type CsvRow<F extends string> = Partial<Record<F, string>>;

export type CsvLayout<F extends string, R> = {
  /** The fields as headers, in the order the error messages name them; `name` must be one. */
  fields: readonly F[];
  /** Other headers, lower case with everything but letters and digits removed, to a field. */
  synonyms: Record<string, F>;
  /** What a row is, plural, for the cap's message: "dealers". */
  noun: string;
  /** A row as a record, or why it cannot be one; `note` reports a problem with a row kept. */
  toRecord: (row: CsvRow<F>, note: (message: string) => void) => R | string;
};

export type CsvRecords<R> = { records: R[]; errors: CsvRowError[] };

/** Control characters (tabs and line breaks too) become spaces, the cell is trimmed and capped. */
export const csvCell = (value: string | undefined): string =>
  (value ?? "")
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .slice(0, MAX_CELL_CHARS);

const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * Reads an uploaded CSV with `layout`. Throws a `DiscoveryError` ("bad_csv") when it is empty or
 * has no `name` column, naming the columns it expects; otherwise returns the records it could
 * read and, by line, why it skipped or changed the others.
 */
export function readCsvRecords<F extends string, R>(csvText: string, layout: CsvLayout<F, R>): CsvRecords<R> {
  const names: Record<string, F> = {
    ...Object.fromEntries(layout.fields.map((field) => [headerKey(field), field])),
    ...layout.synonyms,
  };
  const expected = layout.fields.join(", ");
  const records: R[] = [];
  const errors: CsvRowError[] = [];
  let columns: (F | undefined)[] | null = null;
  let rows = 0;
  const report = (line: number, message: string) => {
    if (errors.length < MAX_CSV_ERRORS) errors.push({ line, message });
    else if (errors.length === MAX_CSV_ERRORS)
      errors.push({ line, message: "more rows have problems; fix these first" });
  };
  forEachRow(csvText, (values, line, problem, parser) => {
    if (values.every((value) => !value.trim())) return;
    if (!columns) {
      columns = values.map((header) => {
        const key = headerKey(header);
        return Object.hasOwn(names, key) ? names[key] : undefined;
      });
      if (!columns.includes("name" as F)) {
        throw new DiscoveryError(
          "bad_csv",
          `The CSV has no "name" column: its first row should name the columns ${expected}`,
        );
      }
      return;
    }
    if (++rows > MAX_CSV_ROWS) {
      report(line, `only the first ${MAX_CSV_ROWS.toLocaleString("en-US")} ${layout.noun} are read`);
      parser.abort();
      return;
    }
    if (problem) {
      report(line, problem);
      return;
    }
    const row: CsvRow<F> = {};
    columns.forEach((field, i) => {
      if (field && !row[field]) row[field] = csvCell(values[i]);
    });
    const result = layout.toRecord(row, (message) => report(line, message));
    if (typeof result === "string") report(line, result);
    else records.push(result);
  });
  if (!columns)
    throw new DiscoveryError("bad_csv", `The CSV is empty: its first row should name the columns ${expected}`);
  return { records, errors };
}

/**
 * Calls `visit` with each row's cells, the line it starts on, multi-line quoted cells included,
 * and what is wrong with its quotes when something is.
 */
function forEachRow(
  csvText: string,
  visit: (values: string[], line: number, problem: string | null, parser: Papa.Parser) => void,
): void {
  // Papa's cursor after a row is where the next row starts, so a row's line is one more than
  // the line breaks before its start.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(csvText, {
    skipEmptyLines: false,
    step: (result, parser) => {
      visit(result.data, line, quoteProblem(result.errors), parser);
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (csvText.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
}

/** Papa reads a quote that never closes as one cell running to the end of the file. */
function quoteProblem(errors: Papa.ParseError[]): string | null {
  const quotes = errors.find((error) => error.type === "Quotes");
  if (!quotes) return null;
  return quotes.code === "MissingQuotes"
    ? "opens a quote that is never closed, so the rest of the file was one cell; close the quote"
    : 'has a quote inside a quoted cell that is not doubled (write "" for a quote)';
}

const number = (value: string | undefined): number | null => {
  if (!value) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Latitude and longitude cells as a point, null when both are empty, or what is wrong with them. */
export function csvCoordinates(
  lat: string | undefined,
  lng: string | undefined,
): { lat: number; lng: number } | null | string {
  const a = number(lat);
  const b = number(lng);
  if (a === null && b === null) return null;
  if (a === null || b === null) return "has only one of latitude and longitude";
  if (!(a >= -90 && a <= 90)) return `latitude "${lat}" is not a number between -90 and 90`;
  if (!(b >= -180 && b <= 180)) return `longitude "${lng}" is not a number between -180 and 180`;
  // 0,0 is a spreadsheet's empty cell exported as numbers, not a place in the Gulf of Guinea.
  if (a === 0 && b === 0) return null;
  return { lat: a, lng: b };
}

/** The centroid of a row's ZIP code (its first five characters), or null when it is not one we know. */
export const csvZipPlace = (zip: string): { lat: number; lng: number } | null => zipCentroid(zip.slice(0, 5));

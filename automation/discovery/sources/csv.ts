/**
 * Dealers from a CSV the user uploads: a header row naming columns (name, makes, address, city,
 * state, zip, phone, website, latitude, longitude; case, spaces and a few synonyms do not matter),
 * one dealer a row. A row without coordinates is placed at its ZIP code's centroid; a row that
 * cannot be read is reported by line and the rest still load.
 */
import Papa from "papaparse";
import { DealerRecord } from "../../../schema/discovery";
import { DiscoveryError } from "../errors";
import { cleanWebsite } from "../http";
import { makesFromName, normalizeMakes } from "../makes";
import { zipCentroid } from "../zip";
import type { DealerSource } from "./types";

export type CsvRowError = { line: number; message: string };
export type ParsedDealerCsv = { records: DealerRecord[]; errors: CsvRowError[] };

/** Rows read from one upload: schema/projects caps the CSV at 20 MB, about this many dealers. */
export const MAX_CSV_ROWS = 100_000;
/** Row errors reported: past this many the file is wrong as a whole, and one more says so. */
export const MAX_CSV_ERRORS = 200;
/** Longest a text cell may be; longer cells are cut (a name is never a page long). */
const MAX_CELL_CHARS = 300;

type Field = "name" | "makes" | "address" | "city" | "state" | "zip" | "phone" | "website" | "latitude" | "longitude";

const EXPECTED: Field[] = [
  "name",
  "makes",
  "address",
  "city",
  "state",
  "zip",
  "phone",
  "website",
  "latitude",
  "longitude",
];

/** Headers as written, lower case with everything but letters and digits removed, to our field. */
const HEADER_NAMES: Record<string, Field> = {
  ...Object.fromEntries(EXPECTED.map((field) => [field, field])),
  dealer: "name",
  dealername: "name",
  dealership: "name",
  make: "makes",
  brands: "makes",
  brand: "makes",
  street: "address",
  streetaddress: "address",
  zipcode: "zip",
  postalcode: "zip",
  postcode: "zip",
  url: "website",
  site: "website",
  lat: "latitude",
  lng: "longitude",
  lon: "longitude",
  long: "longitude",
};

const headerField = (header: string): Field | undefined => {
  const key = header.toLowerCase().replace(/[^a-z0-9]+/g, "");
  return Object.hasOwn(HEADER_NAMES, key) ? HEADER_NAMES[key] : undefined;
};

/** Control characters (tabs and line breaks too) become spaces, the cell is trimmed and capped. */
const cell = (value: string | undefined): string =>
  (value ?? "")
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .slice(0, MAX_CELL_CHARS);

/**
 * Reads a dealer CSV. Throws a `DiscoveryError` when it has no `name` column; otherwise returns
 * the dealers it could read and, by line (the header is line 1), why it skipped the others.
 */
export function parseDealerCsv(csvText: string): ParsedDealerCsv {
  const records: DealerRecord[] = [];
  const errors: CsvRowError[] = [];
  let columns: (Field | undefined)[] | null = null;
  let rows = 0;
  const report = (line: number, message: string) => {
    if (errors.length < MAX_CSV_ERRORS) errors.push({ line, message });
    else if (errors.length === MAX_CSV_ERRORS)
      errors.push({ line, message: "more rows have problems; fix these first" });
  };
  forEachRow(csvText, (values, line, parser) => {
    if (values.every((value) => !value.trim())) return;
    if (!columns) {
      columns = values.map(headerField);
      if (!columns.includes("name")) {
        throw new DiscoveryError(
          "bad_csv",
          `The CSV has no "name" column: its first row should name the columns ${EXPECTED.join(", ")}`,
        );
      }
      return;
    }
    if (++rows > MAX_CSV_ROWS) {
      report(line, `only the first ${MAX_CSV_ROWS.toLocaleString("en-US")} dealers are read`);
      parser.abort();
      return;
    }
    const row: Partial<Record<Field, string>> = {};
    columns.forEach((field, i) => {
      if (field && !row[field]) row[field] = cell(values[i]);
    });
    const result = toRecord(row);
    if (typeof result === "string") report(line, result);
    else records.push(result);
  });
  if (!columns)
    throw new DiscoveryError(
      "bad_csv",
      `The CSV is empty: its first row should name the columns ${EXPECTED.join(", ")}`,
    );
  return { records, errors };
}

/** Calls `visit` with each row's cells and the line it starts on, multi-line quoted cells included. */
function forEachRow(csvText: string, visit: (values: string[], line: number, parser: Papa.Parser) => void): void {
  // Papa's cursor after a row is where the next row starts, so a row's line is one more than
  // the line breaks before its start.
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(csvText, {
    skipEmptyLines: false,
    step: (result, parser) => {
      visit(result.data, line, parser);
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (csvText.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
}

const number = (value: string | undefined): number | null => {
  if (!value) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** A row as a record, or why it cannot be one. */
function toRecord(row: Partial<Record<Field, string>>): DealerRecord | string {
  const name = row.name ?? "";
  if (!name) return "has no name";
  const zip = row.zip ?? "";
  const position = coordinates(row.latitude, row.longitude);
  if (typeof position === "string") return position;
  let latitude = position?.lat;
  let longitude = position?.lng;
  if (latitude === undefined || longitude === undefined) {
    if (!zip) return "has no latitude/longitude and no ZIP code to place it by";
    const centroid = zipCentroid(zip.slice(0, 5));
    if (!centroid) return `ZIP code ${zip} is not a US ZIP code we know, and the row has no latitude/longitude`;
    latitude = centroid.lat;
    longitude = centroid.lng;
  }
  const makes = normalizeMakes(row.makes);
  const record = DealerRecord.safeParse({
    name,
    makes: makes.length ? makes : makesFromName(name),
    address: row.address ?? "",
    city: row.city ?? "",
    state: row.state ?? "",
    zip,
    phone: row.phone ?? "",
    website: cleanWebsite(row.website),
    latitude,
    longitude,
    source: "csv",
  });
  return record.success ? record.data : `cannot be read (${record.error.issues[0]?.message ?? "invalid"})`;
}

function coordinates(lat: string | undefined, lng: string | undefined): { lat: number; lng: number } | null | string {
  const a = number(lat);
  const b = number(lng);
  if (a === null && b === null) return null;
  if (a === null || b === null) return "has only one of latitude and longitude";
  if (!(a >= -90 && a <= 90)) return `latitude "${lat}" is not a number between -90 and 90`;
  if (!(b >= -180 && b <= 180)) return `longitude "${lng}" is not a number between -180 and 180`;
  // 0,0 is a spreadsheet's empty cell exported as numbers, not a dealer in the Gulf of Guinea.
  if (a === 0 && b === 0) return null;
  return { lat: a, lng: b };
}

/** A source over an uploaded CSV: parsed once (row errors kept on `errors`), searched as given. */
export function csvSource(csvText: string): DealerSource & { errors: CsvRowError[] } {
  const { records, errors } = parseDealerCsv(csvText);
  return {
    source: "csv",
    errors,
    search: async () => records,
  };
}

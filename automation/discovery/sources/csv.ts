/**
 * Dealers from a CSV the user uploads: a header row naming columns (name, makes, address, city,
 * state, zip, phone, website, latitude, longitude; case, spaces and a few synonyms do not matter),
 * one dealer a row. A row without coordinates is placed at its ZIP code's centroid; a row that
 * cannot be read is reported by line and the rest still load.
 */
import { DealerRecord } from "../../../schema/discovery";
import { type CsvRecords, type CsvRow, csvCoordinates, csvZipPlace, readCsvRecords } from "../csv-rows";
import { cleanWebsite } from "../http";
import { makesFromName, normalizeMakes } from "../makes";
import type { DealerSource } from "./types";

export { type CsvRowError, MAX_CSV_ERRORS, MAX_CSV_ROWS } from "../csv-rows";
export type ParsedDealerCsv = CsvRecords<DealerRecord>;

type Field = "name" | "makes" | "address" | "city" | "state" | "zip" | "phone" | "website" | "latitude" | "longitude";

const FIELDS: Field[] = [
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

/** Other headers people write, lower case with everything but letters and digits removed. */
const SYNONYMS: Record<string, Field> = {
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

/**
 * Reads a dealer CSV. Throws a `DiscoveryError` when it has no `name` column; otherwise returns
 * the dealers it could read and, by line (the header is line 1), why it skipped the others.
 */
export function parseDealerCsv(csvText: string): ParsedDealerCsv {
  return readCsvRecords(csvText, { fields: FIELDS, synonyms: SYNONYMS, noun: "dealers", toRecord });
}

/** A row as a record, or why it cannot be one. */
function toRecord(row: CsvRow<Field>): DealerRecord | string {
  const name = row.name ?? "";
  if (!name) return "has no name";
  const zip = row.zip ?? "";
  const position = csvCoordinates(row.latitude, row.longitude);
  if (typeof position === "string") return position;
  let latitude = position?.lat;
  let longitude = position?.lng;
  if (latitude === undefined || longitude === undefined) {
    if (!zip) return "has no latitude/longitude and no ZIP code to place it by";
    const centroid = csvZipPlace(zip);
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

/** A source over an uploaded CSV: parsed once (row errors kept on `errors`), searched as given. */
export function csvSource(csvText: string): DealerSource & Pick<ParsedDealerCsv, "errors"> {
  const { records, errors } = parseDealerCsv(csvText);
  return {
    source: "csv",
    errors,
    search: async () => records,
  };
}

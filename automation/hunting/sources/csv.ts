/**
 * Local businesses from a CSV the user uploads for a territory: a header row naming columns
 * (name, category, address, city, state, zip, phone, website, email, rating, reviews, place_id,
 * latitude, longitude; case, spaces and common synonyms such as the exports of Outscraper and of
 * Google Maps scrapers do not matter), one business a row. A row without coordinates is placed at
 * its ZIP code's centroid; a row with no place at all is still kept, since the user uploaded it
 * for this territory. An email in the file is the user's own data, so its source is "manual".
 */
import { BusinessRecord } from "../../../schema/hunting";
import { type CsvRecords, type CsvRow, csvCoordinates, csvZipPlace, readCsvRecords } from "../../discovery/csv-rows";
import { greatCircleMiles } from "../../discovery/geo";
import { cleanWebsite } from "../../discovery/http";
import type { BusinessSource } from "./types";

export type ParsedBusinessCsv = CsvRecords<BusinessRecord>;

type Field =
  | "name"
  | "category"
  | "address"
  | "city"
  | "state"
  | "zip"
  | "phone"
  | "website"
  | "email"
  | "rating"
  | "reviews"
  | "place_id"
  | "latitude"
  | "longitude";

const FIELDS: Field[] = [
  "name",
  "category",
  "address",
  "city",
  "state",
  "zip",
  "phone",
  "website",
  "email",
  "rating",
  "reviews",
  "place_id",
  "latitude",
  "longitude",
];

/** Other headers people write (lower case, letters and digits only), exports' names among them. */
const SYNONYMS: Record<string, Field> = {
  businessname: "name",
  company: "name",
  companyname: "name",
  business: "name",
  title: "name",
  type: "category",
  categoryname: "category",
  businesstype: "category",
  industry: "category",
  street: "address",
  streetaddress: "address",
  address1: "address",
  fulladdress: "address",
  region: "state",
  province: "state",
  usstate: "state",
  zipcode: "zip",
  postalcode: "zip",
  postcode: "zip",
  phonenumber: "phone",
  telephone: "phone",
  tel: "phone",
  url: "website",
  site: "website",
  web: "website",
  websiteurl: "website",
  domain: "website",
  emailaddress: "email",
  email1: "email",
  emails: "email",
  mail: "email",
  stars: "rating",
  totalscore: "rating",
  averagerating: "rating",
  googlerating: "rating",
  reviewscount: "reviews",
  reviewcount: "reviews",
  numberofreviews: "reviews",
  totalreviews: "reviews",
  userratingcount: "reviews",
  userratingstotal: "reviews",
  googleplaceid: "place_id",
  placeid: "place_id",
  lat: "latitude",
  locationlat: "latitude",
  lng: "longitude",
  lon: "longitude",
  long: "longitude",
  locationlng: "longitude",
};

/** An address people would write to; a sheet's "mailto:" prefix and case do not matter. */
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[a-z]{2,}$/;

/**
 * Reads a business CSV. Throws a `DiscoveryError` ("bad_csv") when it is empty or has no `name`
 * column, naming the columns it expects; otherwise returns the businesses it could read and, by
 * line (the header is line 1), why it skipped a row or left a cell out.
 */
export function parseBusinessCsv(csvText: string): ParsedBusinessCsv {
  return readCsvRecords(csvText, { fields: FIELDS, synonyms: SYNONYMS, noun: "businesses", toRecord });
}

/** A row as a record, or why it cannot be one; `note` reports a cell left out of a row kept. */
function toRecord(row: CsvRow<Field>, note: (message: string) => void): BusinessRecord | string {
  const name = row.name ?? "";
  if (!name) return "has no name";
  const zip = row.zip ?? "";
  let place = csvCoordinates(row.latitude, row.longitude);
  if (typeof place === "string") return place;
  if (!place && zip) {
    place = csvZipPlace(zip);
    if (!place) note(`ZIP code ${zip} is not a US ZIP code we know; the business is kept without a place`);
  }
  const email = emailOf(row.email, note);
  return BusinessRecord.parse({
    name,
    category: row.category ?? "",
    address: row.address ?? "",
    city: row.city ?? "",
    state: row.state ?? "",
    zip,
    latitude: place?.lat ?? null,
    longitude: place?.lng ?? null,
    phone: row.phone ?? "",
    website: cleanWebsite(row.website),
    email,
    emailSource: email ? "manual" : null,
    rating: numberOf(row.rating, "rating", { max: 5, integer: false }, note),
    reviews: numberOf(row.reviews, "reviews", { max: Number.MAX_SAFE_INTEGER, integer: true }, note),
    placeId: row.place_id || null,
    source: "csv",
  });
}

function emailOf(cell: string | undefined, note: (message: string) => void): string {
  const email = (cell ?? "").replace(/^mailto:/i, "").toLowerCase();
  if (!email || EMAIL.test(email)) return email;
  note(`email "${cell}" is not an address; the business is kept without it`);
  return "";
}

/** A rating or a review count ("1,204" too), or null with a note when the cell is not one. */
function numberOf(
  cell: string | undefined,
  column: string,
  range: { max: number; integer: boolean },
  note: (message: string) => void,
): number | null {
  if (!cell) return null;
  const n = Number(cell.replace(/,(?=\d{3}(\D|$))/g, ""));
  if (Number.isFinite(n) && n >= 0 && n <= range.max && (!range.integer || Number.isInteger(n))) return n;
  const wanted = range.integer ? "a whole number" : `a number between 0 and ${range.max}`;
  note(`${column} "${cell}" is not ${wanted}; the business is kept without it`);
  return null;
}

/**
 * A source over an uploaded CSV: parsed once (row problems kept on `errors`). A search returns
 * every business inside the territory's circle and every one the file gives no place for; it
 * ignores `limit` and is never full, since splitting into tiles would read the same file again.
 * A row without a category takes the territory's query.
 */
export function csvBusinessSource(csvText: string): BusinessSource & Pick<ParsedBusinessCsv, "errors"> {
  const { records, errors } = parseBusinessCsv(csvText);
  return {
    source: "csv",
    errors,
    async search({ query, center, radiusMiles }) {
      const inside = records.filter(
        (b) =>
          b.latitude === null ||
          b.longitude === null ||
          greatCircleMiles(center, { lat: b.latitude, lng: b.longitude }) <= radiusMiles,
      );
      return {
        records: inside.map((b) => (b.category ? b : { ...b, category: query })),
        costUsd: null,
        full: false,
      };
    },
  };
}

/**
 * Businesses rows and the records sources report: a record as the cells of a new row, a row read
 * back as a record for de-duplication, a merge patch as cells, and a row as the API lists it.
 */
import { websiteKind } from "../../automation/hunting";
import type { BusinessRecord, EmailSource } from "../../schema/hunting";
import type { BusinessListRow } from "../../schema/hunting-api";
import type { CellValue, RowRecord } from "../../schema/tables";
import { reader, type TableHandle } from "../kinds/tables";

/** Record fields and the Businesses column key each is kept in (the rest are not kept in the row). */
const COLUMN_OF = {
  name: "name",
  category: "category",
  address: "address",
  city: "city",
  state: "state",
  zip: "zip",
  latitude: "latitude",
  longitude: "longitude",
  phone: "phone",
  website: "website",
  email: "email",
  emailSource: "emailSource",
  rating: "rating",
  reviews: "reviews",
  placeId: "placeId",
  mapsUrl: "mapsLink",
  status: "businessStatus",
} as const satisfies Partial<Record<keyof BusinessRecord, string>>;

type Kept = keyof typeof COLUMN_OF;

/** The cells (by key) that a record's fields become; fields not kept in the row are left out. */
export function recordCells(record: Partial<BusinessRecord>): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const [field, key] of Object.entries(COLUMN_OF) as [Kept, string][]) {
    if (!(field in record)) continue;
    const value = record[field];
    cells[key] = value === undefined || value === "" ? null : (value as CellValue);
  }
  return cells;
}

/** A new row's cells (by key): the record's, and what only a new row gets (its territory, lead status, chain). */
export function businessCells(
  record: BusinessRecord,
  extra: { territories: string[]; leadStatus: string; chain: boolean; chainReason: string | null },
): Record<string, CellValue> {
  return { ...recordCells(record), ...extra };
}

/** A Businesses row, as the record de-duplication compares and patches, with its row id and links. */
export type KnownBusiness = BusinessRecord & {
  rowId: string;
  territories: string[];
  chain: boolean;
  chainReason: string;
};

const EMAIL_SOURCES = new Set<string>(["provider", "review", "website", "manual"]);

export function knownBusiness(table: TableHandle, row: RowRecord): KnownBusiness {
  const r = reader(table, row.cells);
  const emailSource = r.text("emailSource");
  return {
    rowId: row.id,
    name: r.text("name") || "(no name)",
    category: r.text("category"),
    address: r.text("address"),
    city: r.text("city"),
    state: r.text("state"),
    zip: r.text("zip"),
    latitude: r.number("latitude"),
    longitude: r.number("longitude"),
    phone: r.text("phone"),
    website: r.text("website"),
    email: r.text("email"),
    emailSource: EMAIL_SOURCES.has(emailSource) ? (emailSource as EmailSource) : null,
    rating: r.number("rating"),
    reviews: r.number("reviews"),
    placeId: r.text("placeId") || null,
    mapsUrl: r.text("mapsLink"),
    status: r.text("businessStatus") === "closed" ? "closed" : "operational",
    providerChain: null,
    source: "sample",
    reviewTexts: [],
    territories: r.list("territories"),
    chain: r.get("chain") === true,
    chainReason: r.text("chainReason"),
  };
}

/** A chain flag a person cleared (a reason is left, the box unticked): scrapes and Rescore keep it so. */
export const clearedByPerson = (k: Pick<KnownBusiness, "chain" | "chainReason">) => !k.chain && k.chainReason !== "";

/** A row as `GET /api/businesses` lists it; score and qualified are the formula columns' values. */
export function businessListRow(table: TableHandle, row: RowRecord): BusinessListRow {
  const r = reader(table, row.cells);
  const website = r.text("website");
  return {
    rowId: row.id,
    placeId: r.text("placeId") || null,
    name: r.text("name"),
    category: r.text("category"),
    city: r.text("city"),
    state: r.text("state"),
    latitude: r.number("latitude"),
    longitude: r.number("longitude"),
    website,
    socialOnly: websiteKind(website).kind === "social",
    email: r.text("email"),
    emailSource: r.text("emailSource") || null,
    rating: r.number("rating"),
    reviews: r.number("reviews"),
    chain: r.get("chain") === true,
    chainReason: r.text("chainReason") || null,
    score: r.number("score"),
    qualified: r.get("qualified") === true,
    territories: r.list("territories"),
    leadStatus: r.text("leadStatus") || null,
  };
}

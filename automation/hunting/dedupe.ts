/**
 * One row per business, however many scrapes and territories find it. A business is known by its
 * place id; only when one of the two records has none do other keys count: the website host
 * together with the phone or the street (chain locations share a domain and stay separate, and a
 * social host such as facebook.com is shared by everyone, so it is never a key), then the phone,
 * then the name at the same street address. Finding a known business again updates its facts and
 * leaves what people wrote alone.
 */
import type { BusinessRecord } from "../../schema/hunting";
import { normalizedName, normalizedStreet, phoneKey } from "../discovery/select";
import { websiteKind } from "./social";

/**
 * The keys that identify a business, strongest first: `place:` its place id, then for matching
 * records without one `web:host|tel:`, `web:host|addr:`, `tel:` and `addr:name|street`.
 * @example businessKeys({ placeId: null, website: "https://joes.com/", phone: "+1 512 555 0147", address: "12 Oak Drive", name: "Joe's", … })
 * // ["web:joes.com|tel:5125550147", "web:joes.com|addr:12 oak dr", "tel:5125550147", "addr:joe s|12 oak dr"]
 */
export function businessKeys(
  record: Pick<BusinessRecord, "placeId" | "website" | "phone" | "address" | "name">,
): string[] {
  const keys: string[] = [];
  if (record.placeId) keys.push(`place:${record.placeId}`);
  const site = websiteKind(record.website);
  const host = site.kind === "own" ? site.host : null;
  const phone = phoneKey(record.phone);
  const street = normalizedStreet(record.address);
  if (host && phone) keys.push(`web:${host}|tel:${phone}`);
  if (host && street) keys.push(`web:${host}|addr:${street}`);
  if (phone) keys.push(`tel:${phone}`);
  const name = normalizedName(record.name);
  if (name && street) keys.push(`addr:${name}|${street}`);
  return keys;
}

/** Facts a provider knows better than the row: a new scrape overwrites them when it has them. */
const FACTS = ["rating", "reviews", "status", "mapsUrl", "providerChain", "reviewTexts"] as const;
/** Descriptive fields a person may have corrected: a scrape only fills them when they are blank. */
const FILL_BLANKS = [
  "category",
  "address",
  "city",
  "state",
  "zip",
  "latitude",
  "longitude",
  "phone",
  "website",
] as const;

/** Where a found record went: onto an existing row (by index) or a new one (by index in `added`). */
export type MergeTarget = { kind: "existing" | "added"; index: number };

export type MergeResult = {
  /** Changes to existing rows, one entry per changed row, holding only the fields that changed. */
  updates: { index: number; patch: Partial<BusinessRecord> }[];
  /** New businesses, each once, merged with their later duplicates in the same batch. */
  added: BusinessRecord[];
  /** For each found record, in order, the row it became part of (a territory links to each). */
  targets: MergeTarget[];
};

/** Equal values of a record's fields: primitives, or lists of review texts. */
const same = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]));

const isBlank = (value: unknown) => value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** Whether the row's email is one a person set: marked manual, or present with no source. */
const manualEmail = (row: BusinessRecord) =>
  row.emailSource === "manual" || (row.emailSource === null && row.email.trim() !== "");

/** What of `found` changes `row`: facts, blanks filled, an email unless a person set it. */
export function businessPatch(row: BusinessRecord, found: BusinessRecord): Partial<BusinessRecord> {
  const patch: Record<string, unknown> = {};
  const take = (key: keyof BusinessRecord) => {
    if (!same(row[key], found[key])) patch[key] = found[key];
  };
  for (const key of FACTS) if (!isBlank(found[key])) take(key);
  for (const key of FILL_BLANKS) if (isBlank(row[key]) && !isBlank(found[key])) take(key);
  if (!row.placeId && found.placeId) take("placeId");
  if (found.email.trim() && !manualEmail(row) && found.email !== row.email) {
    patch.email = found.email;
    patch.emailSource = found.emailSource;
  }
  return patch as Partial<BusinessRecord>;
}

/**
 * Merges a scrape's `found` records into the table's `existing` rows (which may carry more
 * fields, such as notes and lead status: they are never in a patch).
 */
export function mergeBusinesses(existing: readonly BusinessRecord[], found: readonly BusinessRecord[]): MergeResult {
  const rows: BusinessRecord[] = [...existing];
  const targets: MergeTarget[] = [];
  const patches = new Map<number, Partial<BusinessRecord>>();
  const added: BusinessRecord[] = [];
  /** Rows by key; a key may name several rows that differ by place id. */
  const index = new Map<string, number[]>();
  // When every found record has a place id, a row with one can only match by it: its other keys,
  // most of the time a merge takes against a large table, are not needed.
  const placeOnly = found.every((record) => record.placeId);
  const keysOf = (record: BusinessRecord) =>
    placeOnly && record.placeId ? [`place:${record.placeId}`] : businessKeys(record);
  const remember = (row: number) => {
    for (const key of keysOf(rows[row]!)) {
      const list = index.get(key);
      if (!list) index.set(key, [row]);
      else if (!list.includes(row)) list.push(row);
    }
  };
  for (let row = 0; row < rows.length; row++) remember(row);

  for (const record of found) {
    const row = match(record, rows, index);
    if (row === null) {
      rows.push({ ...record });
      added.push(rows[rows.length - 1]!);
      remember(rows.length - 1);
      targets.push({ kind: "added", index: added.length - 1 });
      continue;
    }
    const patch = businessPatch(rows[row]!, record);
    if (Object.keys(patch).length) {
      if (row >= existing.length) Object.assign(rows[row]!, patch);
      else {
        rows[row] = { ...rows[row]!, ...patch };
        patches.set(row, { ...patches.get(row), ...patch });
      }
      if (patch.placeId || patch.website || patch.phone || patch.address) remember(row);
    }
    targets.push(
      row < existing.length ? { kind: "existing", index: row } : { kind: "added", index: row - existing.length },
    );
  }
  const updates = [...patches].map(([row, patch]) => ({ index: row, patch })).sort((a, b) => a.index - b.index);
  return { updates, added, targets };
}

/** The row `record` is, by its strongest key that names one; two different place ids never match. */
function match(record: BusinessRecord, rows: readonly BusinessRecord[], index: Map<string, number[]>): number | null {
  for (const key of businessKeys(record)) {
    for (const row of index.get(key) ?? []) {
      const placeId = rows[row]!.placeId;
      if (key.startsWith("place:") || !placeId || !record.placeId) return row;
    }
  }
  return null;
}

/**
 * From what sources found to what a project gets: dealers within the radius that sell a make it
 * asked for, nearest first, each dealership once, and none the project already has. A dealer is
 * the same dealer when it shares a website host, a phone number, or a name at the same street
 * address with another: sources spell the rest differently.
 */
import type { DealerCandidate, DealerQuery, DealerRecord } from "../../schema/discovery";
import { DealerDirectory, greatCircleMiles } from "./geo";

/**
 * Dealers within `radiusMiles` of `center` that carry at least one of `makes` (keeping all their
 * makes), nearest first, duplicates after the first dropped. Pass a `DealerDirectory` to search
 * its index, or plain records to scan them.
 */
export function selectDealers(
  records: readonly DealerRecord[] | DealerDirectory<DealerRecord>,
  query: DealerQuery,
): DealerCandidate[] {
  const wanted = new Set(query.makes);
  const sells = (record: DealerRecord) => record.makes.some((make) => wanted.has(make));
  const nearby =
    records instanceof DealerDirectory
      ? records.within(query.center, query.radiusMiles, sells)
      : scan(records, query, sells);
  const seen = new Set<string>();
  return nearby
    .filter(({ dealer }) => isNew(keysOf(dealer), seen))
    .map(({ dealer, distanceMiles }) => ({ ...dealer, distanceMiles }));
}

/**
 * Keys by record, for records that are queried again and again (a directory's): computing them
 * is most of a selection's time. Records are never changed after a source makes them.
 */
const keyCache = new WeakMap<DealerRecord, string[]>();
function keysOf(record: DealerRecord): string[] {
  let keys = keyCache.get(record);
  if (!keys) {
    keys = dealerKeys(record);
    keyCache.set(record, keys);
  }
  return keys;
}

/** Whether none of `keys` is in `seen`; if so, they are added to it. */
function isNew(keys: readonly string[], seen: Set<string>): boolean {
  if (keys.some((key) => seen.has(key))) return false;
  for (const key of keys) seen.add(key);
  return true;
}

function scan(records: readonly DealerRecord[], query: DealerQuery, sells: (record: DealerRecord) => boolean) {
  const found: { dealer: DealerRecord; distanceMiles: number }[] = [];
  for (const dealer of records) {
    if (!sells(dealer)) continue;
    const distanceMiles = greatCircleMiles(query.center, { lat: dealer.latitude, lng: dealer.longitude });
    if (distanceMiles <= query.radiusMiles) found.push({ dealer, distanceMiles });
  }
  return found.sort((a, b) => a.distanceMiles - b.distanceMiles);
}

/** The fewest digits a phone key needs: shorter strings are extensions or junk, not numbers. */
const MIN_PHONE_DIGITS = 7;
/** US numbers are 10 digits; a leading country code (1, +1) is dropped by keeping the last 10. */
const PHONE_DIGITS = 10;

/** Street words as sources abbreviate them, so "1200 Commerce Drive" meets "1200 Commerce Dr.". */
const STREET_WORDS = new Map(
  Object.entries({
    street: "st",
    avenue: "ave",
    road: "rd",
    drive: "dr",
    boulevard: "blvd",
    highway: "hwy",
    parkway: "pkwy",
    lane: "ln",
    court: "ct",
    place: "pl",
    suite: "ste",
    north: "n",
    south: "s",
    east: "e",
    west: "w",
  }),
);

/** Only text outside printable ASCII needs Unicode normalization, which is slow for the rest. */
const NOT_PLAIN_ASCII = /[^\u0020-\u007e]/;

/** Whole street words, in text `normalizedName` made (words between single spaces). */
const STREET_WORD = new RegExp(`\\b(?:${[...STREET_WORDS.keys()].join("|")})\\b`, "g");

/**
 * The keys that identify a dealership: `web:` its website's host without `www.`, `tel:` the last
 * 10 digits of its phone, `addr:` its name and street address, each when it has one.
 * @example dealerKeys({ website: "https://www.lakeside-toyota.com/new", phone: "+1 (512) 555-0147", … })
 * // ["web:lakeside-toyota.com", "tel:5125550147", "addr:lakeside toyota|1200 commerce dr"]
 */
export function dealerKeys(record: Pick<DealerRecord, "name" | "address" | "phone" | "website">): string[] {
  const keys: string[] = [];
  const host = websiteHost(record.website);
  if (host) keys.push(`web:${ADDRESS_HOST.test(host) ? (sharedHostSite(record.website) ?? host) : host}`);
  const phone = phoneKey(record.phone);
  if (phone) keys.push(`tel:${phone}`);
  const name = normalizedName(record.name);
  const street = normalizedStreet(record.address);
  if (name && street) keys.push(`addr:${name}|${street}`);
  return keys;
}

/** The last 10 digits of a phone number, or null when it has too few digits to be one. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_DIGITS) : null;
}

/**
 * Text as lower-case ASCII words between single spaces, so sources' spellings of a name meet
 * ("Joe's Café" → "joe s cafe").
 */
export function normalizedName(text: string): string {
  return (NOT_PLAIN_ASCII.test(text) ? text.normalize("NFKD") : text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A street address as lower-case words, abbreviated as sources abbreviate them ("Drive" → "dr"). */
export const normalizedStreet = (address: string): string =>
  normalizedName(address).replace(STREET_WORD, (word) => STREET_WORDS.get(word)!);

/**
 * A host that is an IP address or localhost serves no one dealer: local stand-ins (the fixture
 * corpus on 127.0.0.1) put many dealers' sites under paths of one address.
 */
const ADDRESS_HOST = /^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])$/i;

/** `host:port/first-segment` of a site on a shared address, or null when it cannot be read. */
function sharedHostSite(website: string): string | null {
  try {
    const url = new URL(website.trim());
    return `${url.host}/${url.pathname.split("/")[1] ?? ""}`.toLowerCase();
  } catch {
    return null;
  }
}

/** A plain `https://host[:port]/…` or bare `host/…`: read without building a URL, the slow part of a key. */
const SIMPLE_HOST = /^(?:https?:\/\/)?([a-z0-9.-]+)(?::\d+)?(?:[/?#]|$)/i;

function websiteHost(website: string): string | null {
  const text = website.trim();
  if (!text) return null;
  const simple = SIMPLE_HOST.exec(text)?.[1];
  if (simple)
    return (
      simple
        .toLowerCase()
        .replace(/^www\./, "")
        .replace(/\.$/, "") || null
    );
  try {
    const host = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
    return host.replace(/^www\./, "").replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

/**
 * Those candidates none of whose keys is in `existingKeys` (the project's dealers' keys), each
 * dealership once: a later duplicate in the batch is dropped too. `existingKeys` is not changed.
 */
export function newDealers<T extends DealerRecord>(candidates: readonly T[], existingKeys: ReadonlySet<string>): T[] {
  const seen = new Set(existingKeys);
  return candidates.filter((candidate) => isNew(dealerKeys(candidate), seen));
}

/**
 * A FICTIONAL directory of local businesses for demos and tests without a provider: made-up
 * plumbers, bakeries and salons ("Hazelbrook Plumbing"), 0–3 of each category in every US ZIP
 * code (so a city has many and the country about 1.2 million), placed near the ZIP's centroid,
 * with phones in the 555-01xx range set aside for fiction, websites and emails only on the
 * reserved `.example` domain, and many with no website at all (the leads hunting is for). Each
 * ZIP and category is made from its own seed, so the same business is found the same way by
 * every territory that covers it.
 */
import { BusinessRecord } from "../../../schema/hunting";
import { normalize } from "../../contact/text";
import { greatCircleMiles, offsetMiles } from "../../discovery/geo";
import { mulberry32, slug } from "../../discovery/sources/sample";
import { type ZipCentroid, zipCentroids } from "../../discovery/zip";
import type { BusinessSource } from "./types";

/** Businesses in a ZIP code of each category at most: 0 to this many, 1.5 on average. */
export const MAX_PER_ZIP = 3;
/** How far from its ZIP centroid a business may sit, in miles. */
const JITTER_MILES = 2;
/** Shares of the directory: no website, then an own `.example` site; a provider email; a chain. */
const NO_WEBSITE_SHARE = 0.4;
const EMAIL_SHARE = 0.45;
const CHAIN_SHARE = 0.08;

/** Categories and the words a territory's query may use for them. */
export const SAMPLE_CATEGORIES: Record<string, string[]> = {
  Plumber: ["plumber", "plumbing"],
  Electrician: ["electrician", "electrical"],
  "HVAC contractor": ["hvac", "heating", "air conditioning"],
  Roofer: ["roofer", "roofing"],
  Landscaper: ["landscaper", "landscaping", "lawn care"],
  "Auto repair shop": ["auto repair", "mechanic", "car repair"],
  Bakery: ["bakery", "bakeries", "baker"],
  Cafe: ["cafe", "coffee shop", "coffee"],
  Restaurant: ["restaurant", "restaurants"],
  Florist: ["florist", "flower shop"],
  "Hair salon": ["hair salon", "salon", "hairdresser"],
  Barber: ["barber", "barbershop"],
  "Nail salon": ["nail salon", "nails"],
  Dentist: ["dentist", "dental"],
  "Pet groomer": ["pet groomer", "dog groomer", "grooming"],
  "Cleaning service": ["cleaning service", "house cleaning", "cleaner"],
  Locksmith: ["locksmith"],
  Photographer: ["photographer", "photography"],
  "Yoga studio": ["yoga studio", "yoga"],
  Tailor: ["tailor", "alterations"],
};
const FIRST =
  "Hazel Copper Juniper Amber Cobalt Fable Marigold Thistle Willow Saffron Pebble Quill Bramble Lantern Velvet Clover Starling Wren Maple Birch".split(
    " ",
  );
const SECOND =
  "brook field crest haven ridge moor vale wick stead hollow gate mead shire wood ford glen dale bury well cliff".split(
    " ",
  );
/** After the name: 2,000 names a category, so two different businesses rarely share one. */
const SUFFIX = ["", " Co.", " & Sons", " Pros", " Studio"];
const CHAINS = ["Brightway", "QuickNest", "Evergood", "Sunmark"];
const STREETS = "Main St|Market St|Oak Ave|Elm St|Mill Rd|Church St|Park Ave|2nd St|Lake Dr|Cedar Ln".split("|");

/** FNV-1a: a stable 32-bit seed from a ZIP code, a category and the directory's seed. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The businesses of `category` in one ZIP code: the same every time for the same seed. */
export function businessesIn(zip: ZipCentroid, category: string, seed = 1): BusinessRecord[] {
  const random = mulberry32(seedOf(`${seed}|${zip.zip}|${category}`));
  const at = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const count = Math.floor(random() * (MAX_PER_ZIP + 1));
  return Array.from({ length: count }, (_, k) => {
    const chain = random() < CHAIN_SHARE;
    const name = chain ? `${at(CHAINS)} ${category}` : `${at(FIRST)}${at(SECOND)} ${category}${at(SUFFIX)}`;
    const number = 100 + Math.floor(random() * 9_800);
    const host = `${slug(name)}-${zip.zip}-${k + 1}.example`;
    const hasSite = random() >= NO_WEBSITE_SHARE;
    const email = random() < EMAIL_SHARE ? `${at(["info", "hello", "office", slug(at(FIRST))])}@${host}` : "";
    const distance = Math.sqrt(random()) * JITTER_MILES;
    const bearing = random() * 2 * Math.PI;
    const spot = offsetMiles(zip, distance * Math.cos(bearing), distance * Math.sin(bearing));
    // Ratings cluster near 4.3 and review counts are skewed: a few businesses have hundreds.
    const rating = Math.round(Math.min(5, Math.max(2.5, 4.3 + (random() + random() - 1) * 0.9)) * 10) / 10;
    const reviews = Math.floor(random() ** 3 * 400);
    return BusinessRecord.parse({
      name,
      category,
      address: `${number} ${at(STREETS)}`,
      city: zip.city,
      state: zip.state,
      zip: zip.zip,
      latitude: Math.round(spot.lat * 1e6) / 1e6,
      longitude: Math.round(spot.lng * 1e6) / 1e6,
      phone: `(${200 + Math.floor(random() * 800)}) 555-01${String(Math.floor(random() * 100)).padStart(2, "0")}`,
      website: hasSite ? `https://${host}/` : "",
      email,
      emailSource: email ? "provider" : null,
      rating,
      reviews,
      placeId: `sample-${seed}-${zip.zip}-${slug(category)}-${k + 1}`,
      providerChain: chain,
      source: "sample",
    });
  });
}

/**
 * The first `count` businesses of the directory, every category of each ZIP code in ZIP order,
 * for benchmarks and tests that want many at once.
 */
export function sampleBusinesses(count: number, seed = 1): BusinessRecord[] {
  const out: BusinessRecord[] = [];
  const categories = Object.keys(SAMPLE_CATEGORIES);
  for (const zip of zipCentroids()) {
    for (const category of categories) out.push(...businessesIn(zip, category, seed));
    if (out.length >= count) break;
  }
  return out.slice(0, count);
}

/** The categories a territory's query names: every category one of whose words it contains. */
export function sampleCategoriesFor(query: string): string[] {
  const q = normalize(query);
  return Object.entries(SAMPLE_CATEGORIES)
    .filter(([category, words]) => [category, ...words].some((w) => q.includes(normalize(w))))
    .map(([category]) => category);
}

/**
 * The sample directory as a source: the nearest businesses of the query's categories in the
 * circle, made for the ZIP codes near it (the directory is as large as the country, never held whole).
 */
export function sampleSource(seed = 1): BusinessSource {
  return {
    source: "sample",
    async search({ query, center, radiusMiles, limit }) {
      const wanted = sampleCategoriesFor(query);
      const reach = radiusMiles + JITTER_MILES;
      const latSpan = reach / 69;
      const lngSpan = reach / (69 * Math.max(0.01, Math.cos((center.lat * Math.PI) / 180)));
      const zips = zipCentroids().filter(
        (z) =>
          Math.abs(z.lat - center.lat) <= latSpan &&
          Math.abs(z.lng - center.lng) <= lngSpan &&
          greatCircleMiles(center, z) <= reach,
      );
      const inside = zips
        .flatMap((zip) => wanted.flatMap((category) => businessesIn(zip, category, seed)))
        .map((b) => ({ b, d: greatCircleMiles(center, { lat: b.latitude!, lng: b.longitude! }) }))
        .filter((x) => x.d <= radiusMiles)
        .sort((a, b) => a.d - b.d || a.b.placeId!.localeCompare(b.b.placeId!));
      return { records: inside.slice(0, limit).map((x) => x.b), costUsd: 0, full: inside.length > limit };
    },
  };
}

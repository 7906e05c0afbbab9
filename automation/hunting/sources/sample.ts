/**
 * A FICTIONAL directory of local businesses for demos and tests without a provider: thousands of
 * made-up plumbers, bakeries and salons ("Hazelbrook Plumbing") placed a few miles from real ZIP
 * centroids, more where ZIP codes crowd, with phones in the 555-01xx range set aside for fiction,
 * websites and emails only on the reserved `.example` domain, and many with no website at all
 * (the leads hunting is for). The same count and seed always give the same directory.
 */
import { BusinessRecord } from "../../../schema/hunting";
import { normalize } from "../../contact/text";
import { greatCircleMiles, offsetMiles } from "../../discovery/geo";
import { mulberry32, slug } from "../../discovery/sources/sample";
import { zipCentroids } from "../../discovery/zip";
import type { BusinessSource } from "./types";

/** Businesses in the default directory. */
export const SAMPLE_BUSINESSES = 20_000;
/** Phones are `(AAA) 555-01NN`: 800 area codes × 100 numbers, one per business. */
export const MAX_SAMPLE_BUSINESSES = 80_000;
/** How far from its ZIP centroid a business may sit, in miles. */
const JITTER_MILES = 4;
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
const SECOND = "brook field crest haven ridge moor vale wick stead hollow".split(" ");
const CHAINS = ["Brightway", "QuickNest", "Evergood", "Sunmark"];
const STREETS = "Main St|Market St|Oak Ave|Elm St|Mill Rd|Church St|Park Ave|2nd St|Lake Dr|Cedar Ln".split("|");
/** A prime: `(i + 1) × 7919 mod 9973` gives street numbers that look like a town's. */
const STREET_NUMBER_MODULUS = 9_973;

/** The directory: `count` businesses from `seed`, the same every time. */
export function sampleBusinesses(count = SAMPLE_BUSINESSES, seed = 1): BusinessRecord[] {
  if (count > MAX_SAMPLE_BUSINESSES) throw new RangeError(`at most ${MAX_SAMPLE_BUSINESSES} sample businesses`);
  const random = mulberry32(seed);
  const at = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const zips = zipCentroids();
  const categories = Object.keys(SAMPLE_CATEGORIES);
  return Array.from({ length: count }, (_, i) => {
    const zip = at(zips);
    const category = at(categories);
    const chain = random() < CHAIN_SHARE;
    const name = chain ? `${at(CHAINS)} ${category}` : `${at(FIRST)}${at(SECOND)} ${category}`;
    const number = ((i + 1) * 7919) % STREET_NUMBER_MODULUS;
    const host = `${slug(name)}-${number}.example`;
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
      phone: `(${200 + (Math.floor(i / 100) % 800)}) 555-01${String(i % 100).padStart(2, "0")}`,
      website: hasSite ? `https://${host}/` : "",
      email,
      emailSource: email ? "provider" : null,
      rating,
      reviews,
      placeId: `sample-${seed}-${i + 1}`,
      providerChain: chain,
      source: "sample",
    });
  });
}

/** The categories a territory's query names: every category one of whose words it contains. */
export function sampleCategoriesFor(query: string): string[] {
  const q = normalize(query);
  return Object.entries(SAMPLE_CATEGORIES)
    .filter(([category, words]) => [category, ...words].some((w) => q.includes(normalize(w))))
    .map(([category]) => category);
}

/** The sample directory as a source: the nearest businesses of the query's categories in the circle. */
export function sampleSource(directory: readonly BusinessRecord[] = sampleBusinesses()): BusinessSource {
  return {
    source: "sample",
    async search({ query, center, radiusMiles, limit }) {
      const wanted = new Set(sampleCategoriesFor(query));
      const inside = directory
        .filter((b) => wanted.has(b.category))
        .map((b) => ({ b, d: greatCircleMiles(center, { lat: b.latitude!, lng: b.longitude! }) }))
        .filter((x) => x.d <= radiusMiles)
        .sort((a, b) => a.d - b.d);
      return { records: inside.slice(0, limit).map((x) => x.b), costUsd: 0, full: inside.length > limit };
    },
  };
}

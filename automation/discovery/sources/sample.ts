/**
 * A FICTIONAL dealer directory for demos and tests without a provider: thousands of made-up
 * dealers ("Larkbrook Toyota", "Quillmoor Chrysler Dodge Jeep Ram") placed a few miles from real
 * ZIP centroids, more of them where ZIP codes crowd (cities), with phones in the 555-01xx range
 * set aside for fiction and websites on the reserved `.example` domain, so none can be mistaken
 * for, or reach, a real dealership. The same count and seed always give the same directory.
 */
import type { DealerRecord } from "../../../schema/discovery";
import { MAKES, type Make } from "../../../schema/projects";
import { DealerDirectory, EARTH_RADIUS_MILES } from "../geo";
import { type ZipCentroid, zipCentroids } from "../zip";
import type { DealerSource } from "./types";

/** Dealers in the default directory: a few thousand, about what a large state has. */
export const SAMPLE_DEALERS = 6_000;
/**
 * The most the generator makes: phones are `(AAA) 555-01NN` with 800 area codes × 100 numbers,
 * and each dealer gets its own so that de-duplication never merges two of them.
 */
export const MAX_SAMPLE_DEALERS = 80_000;
/** How far from its ZIP centroid a dealer may sit, in miles: inside the town, not in the next one. */
const JITTER_MILES = 4;
/** Miles in one degree of latitude on the sphere geo.ts measures with. */
const MILES_PER_DEGREE_LAT = (2 * Math.PI * EARTH_RADIUS_MILES) / 360;
/**
 * Where dealers go: a city weighs (its distinct ZIP locations, at most this many) ^ CITY_WEIGHT_EXPONENT,
 * shared among its ZIP codes. Distinct locations, not codes, so Washington DC's hundreds of
 * single-building codes do not count as a metropolis; the cap keeps Houston from swamping Texas.
 */
const MAX_CITY_LOCATIONS = 60;
/** Above 1 so cities get more dealers than their share of ZIP codes, as they do in life. */
const CITY_WEIGHT_EXPONENT = 1.5;
/** Share of single-make franchise stores, then of multi-make groups; the rest are used-car lots. */
const FRANCHISE_SHARE = 0.74;
const GROUP_SHARE = 0.14;

/** Roughly how many US franchise stores each make has (NADA/Automotive News orders of magnitude). */
const MAKE_WEIGHTS: Record<Make, number> = {
  Acura: 270,
  "Alfa Romeo": 90,
  Audi: 290,
  BMW: 350,
  Buick: 300,
  Cadillac: 880,
  Chevrolet: 3000,
  Chrysler: 150,
  Dodge: 200,
  Fiat: 40,
  Ford: 3000,
  Genesis: 200,
  GMC: 300,
  Honda: 1050,
  Hyundai: 830,
  Infiniti: 200,
  Jaguar: 60,
  Jeep: 300,
  Kia: 780,
  "Land Rover": 80,
  Lexus: 245,
  Lincoln: 300,
  Mazda: 550,
  "Mercedes-Benz": 390,
  Mini: 110,
  Mitsubishi: 350,
  Nissan: 1050,
  Porsche: 195,
  Ram: 150,
  Subaru: 630,
  Tesla: 150,
  Toyota: 1500,
  Volkswagen: 600,
  Volvo: 280,
};
const GROUPS: Make[][] = [
  ["Chrysler", "Dodge", "Jeep", "Ram"],
  ["Chrysler", "Dodge", "Jeep", "Ram"],
  ["Buick", "GMC"],
  ["Chevrolet", "Buick", "GMC"],
  ["Jaguar", "Land Rover"],
  ["Ford", "Lincoln"],
  ["Alfa Romeo", "Fiat"],
  ["Hyundai", "Genesis"],
];
const FIRST =
  "Lark Copper Juniper Amber Cobalt Fable Marigold Thistle Willow Saffron Pebble Quill Hazel Bramble Tumble Lantern Velvet Clover Starling Wren".split(
    " ",
  );
const SECOND = "brook field crest haven ridge moor vale wick stead hollow".split(" ");
const LOT_WORDS = ["Auto Sales", "Motors", "Pre-Owned", "Car Company", "Autoplex"];
const STREETS =
  "Commerce Dr|Motor Pkwy|Auto Mall Rd|Main St|Market St|Industrial Blvd|Dealer Row|Highway 30|Route 9|Oak Ave|Frontage Rd|Gateway Blvd".split(
    "|",
  );
/** A prime: `(i + 1) × 7919 mod 99991` gives every dealer up to 99,990 its own street number. */
const STREET_NUMBER_MODULUS = 99_991;

/** mulberry32: a tiny seeded PRNG, plenty for made-up data (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks by weight with a binary search over cumulative weights. */
function weighted<T>(items: readonly T[], weights: readonly number[]): (random: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return (random) => {
    const target = random * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

let pickZip: ((random: number) => ZipCentroid) | undefined;
function zipPicker(): (random: number) => ZipCentroid {
  if (pickZip) return pickZip;
  const zips = zipCentroids();
  const city = (z: ZipCentroid) => `${z.city}|${z.state}`;
  const locations = new Map<string, Set<string>>();
  const codes = new Map<string, number>();
  for (const z of zips) {
    const spots = locations.get(city(z)) ?? new Set<string>();
    spots.add(`${z.lat.toFixed(2)},${z.lng.toFixed(2)}`);
    locations.set(city(z), spots);
    codes.set(city(z), (codes.get(city(z)) ?? 0) + 1);
  }
  const weight = (z: ZipCentroid) =>
    Math.min(MAX_CITY_LOCATIONS, locations.get(city(z))!.size) ** CITY_WEIGHT_EXPONENT / codes.get(city(z))!;
  pickZip = weighted(zips, zips.map(weight));
  return pickZip;
}

const pickMake = weighted(
  MAKES,
  MAKES.map((make) => MAKE_WEIGHTS[make]),
);
/** Lower-case words joined by hyphens, for made-up host names. */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function generate(count: number, seed: number): DealerRecord[] {
  const random = mulberry32(seed);
  const at = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const place = zipPicker();
  return Array.from({ length: count }, (_, i) => {
    const zip = place(random());
    const kind = random();
    let makes: Make[];
    let label: string;
    if (kind < FRANCHISE_SHARE) {
      makes = [pickMake(random())];
      label = makes[0]!;
    } else if (kind < FRANCHISE_SHARE + GROUP_SHARE) {
      makes = [...at(GROUPS)];
      label = makes.join(" ");
    } else {
      const many = new Set<Make>();
      const size = 4 + Math.floor(random() * 7);
      while (many.size < size) many.add(at(MAKES));
      makes = MAKES.filter((make) => many.has(make));
      label = at(LOT_WORDS);
    }
    const name = `${at(FIRST)}${at(SECOND)} ${label}`;
    const number = ((i + 1) * 7919) % STREET_NUMBER_MODULUS;
    const distance = Math.sqrt(random()) * JITTER_MILES;
    const bearing = random() * 2 * Math.PI;
    const latitude = zip.lat + (distance * Math.cos(bearing)) / MILES_PER_DEGREE_LAT;
    const longitude =
      zip.lng + (distance * Math.sin(bearing)) / (MILES_PER_DEGREE_LAT * Math.cos((zip.lat * Math.PI) / 180));
    return {
      name,
      makes,
      address: `${number} ${at(STREETS)}`,
      city: zip.city,
      state: zip.state,
      zip: zip.zip,
      phone: `(${200 + (Math.floor(i / 100) % 800)}) 555-01${String(i % 100).padStart(2, "0")}`,
      website: `https://${slug(name)}-${number}.example/`,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
      source: "sample",
      sourceId: `sample-${seed}-${i + 1}`,
    };
  });
}

const directories = new Map<string, DealerDirectory<DealerRecord>>();

/** The fictional directory for `count` and `seed`, indexed; built once per pair and kept. */
export function sampleDirectoryIndex(count = SAMPLE_DEALERS, seed = 1): DealerDirectory<DealerRecord> {
  const size = Math.max(0, Math.min(MAX_SAMPLE_DEALERS, Math.floor(count)));
  const key = `${size}:${seed}`;
  let directory = directories.get(key);
  if (!directory) {
    directory = new DealerDirectory(generate(size, seed));
    directories.set(key, directory);
  }
  return directory;
}

/**
 * The fictional dealers for `count` (at most `MAX_SAMPLE_DEALERS`) and `seed`.
 * @example sampleDirectory()[0] // { name: "Quillmoor Toyota", phone: "(200) 555-0100", website: "https://quillmoor-toyota-7919.example/", … }
 */
export function sampleDirectory(count = SAMPLE_DEALERS, seed = 1): readonly DealerRecord[] {
  return sampleDirectoryIndex(count, seed).dealers;
}

/** A source over the fictional directory: the dealers within the radius that sell one of the makes. */
export function sampleSource(options: { count?: number; seed?: number } = {}): DealerSource {
  return {
    source: "sample",
    async search(query) {
      const wanted = new Set(query.makes);
      return sampleDirectoryIndex(options.count, options.seed)
        .within(query.center, query.radiusMiles)
        .map(({ dealer }) => dealer)
        .filter((dealer) => !wanted.size || dealer.makes.some((make) => wanted.has(make)));
    },
  };
}

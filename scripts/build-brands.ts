/**
 * `npm run build:brands`: writes `automation/hunting/chains/brands.generated.json`, the chain
 * brands a local business's name is checked against, from the OpenStreetMap
 * name-suggestion-index package (BSD-3-Clause, © name-suggestion-index contributors; see
 * docs/attribution.md). The package is 95 MB unpacked, so only this compact set reaches the
 * Worker: the brands of the categories a local business falls in, present in the United States,
 * each name and match name normalised as business names are for de-duplication.
 * The generated file is committed; `brands.test.ts` fails when it differs from what this script
 * makes from the installed package, so an upgrade of the package cannot leave it stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizedName } from "../automation/discovery/select";
import type { BrandData } from "../automation/hunting/chains/brands";
import { isMain } from "./main";

export const BRANDS_FILE = fileURLToPath(
  new URL("../automation/hunting/chains/brands.generated.json", import.meta.url),
);

/** The NSI tree groups (the part after `brands/`) whose brands are places a business trades from. */
const BUSINESS_GROUPS = new Set(["shop", "amenity", "craft", "office", "healthcare", "leisure", "tourism", "club"]);

/**
 * Amenity categories whose brands are machines or street furniture (an ATM network, a parcel
 * locker, a charging network), never a business listing an agency would pitch.
 */
const NOT_PREMISES = new Set([
  "atm",
  "bicycle_parking",
  "bicycle_rental",
  "bicycle_repair_station",
  "car_sharing",
  "charging_station",
  "food_sharing",
  "parcel_locker",
  "parking",
  "payment_terminal",
  "photo_booth",
  "public_bookcase",
  "recycling",
  "telephone",
  "trolley_bay",
  "vending_machine",
  "waste_basket",
  "weighbridge",
]);

/**
 * Words people add after a brand for the trade the category names, beyond the category's own
 * words ("Starbucks Coffee", "Chase Bank", "Sonic Restaurant").
 */
const CATEGORY_WORDS: Record<string, string[]> = {
  cafe: ["coffee"],
  fast_food: ["restaurant"],
  fuel: ["gas", "station"],
  pharmacy: ["drug", "store"],
  supermarket: ["grocery", "market", "food"],
  car_repair: ["auto", "service", "center"],
  fitness_centre: ["fitness", "gym", "center"],
  hairdresser: ["hair", "salon"],
  bank: ["financial", "center"],
};

/**
 * Where NSI says a brand trades (country-coder ids): the US itself, one of its states'
 * features (`us-tx.geojson`), or the whole world (`001`), the Americas (`019`) or North America
 * (`003`, `021`) unless the US is excluded.
 */
const US_AREAS = new Set(["us", "001", "019", "003", "021"]);
const US_FEATURE = /^us-[a-z]{2}\.geojson$/;

type LocationSet = { include?: unknown[]; exclude?: unknown[] };
type NsiItem = {
  displayName?: string;
  locationSet?: LocationSet;
  matchNames?: string[];
  tags?: Record<string, string>;
};
type Nsi = { _meta: { version: string }; nsi: Record<string, { items: NsiItem[] }> };

const isUsArea = (id: unknown) => typeof id === "string" && (US_AREAS.has(id.toLowerCase()) || US_FEATURE.test(id));

/** Whether a brand trades in the United States, by its NSI location set. */
export function tradesInUs(set: LocationSet | undefined): boolean {
  if (!set?.include?.some(isUsArea)) return false;
  return !set.exclude?.some((id) => typeof id === "string" && id.toLowerCase() === "us");
}

/** The words of a category and the brand's cuisines, the words allowed after a one-word brand. */
function tradeWords(category: string, tags: Record<string, string>): string[] {
  const words = [...category.split("_"), ...(CATEGORY_WORDS[category] ?? [])];
  for (const cuisine of (tags.cuisine ?? "").split(";")) words.push(...cuisine.split("_").filter(Boolean));
  return words.map(normalizedName).filter(Boolean);
}

/**
 * The brand set from NSI's data: normalised names and match names, sorted, with the name shown
 * in a reason and the trade words of every category the brand appears in.
 */
export function buildBrands(nsi: Nsi): BrandData {
  // `own`: the key is the brand's own name, which a match name of another brand may not take over.
  const byKey = new Map<string, { name: string; own: boolean; words: Set<string> }>();
  for (const [path, { items }] of Object.entries(nsi.nsi)) {
    const [tree, group, category] = path.split("/");
    if (tree !== "brands" || !group || !category || !BUSINESS_GROUPS.has(group)) continue;
    if (group === "amenity" && NOT_PREMISES.has(category)) continue;
    for (const item of items) {
      const tags = item.tags ?? {};
      const name = tags.brand ?? tags.name ?? item.displayName;
      if (!name || !tradesInUs(item.locationSet)) continue;
      const words = tradeWords(category, tags);
      const own = normalizedName(name);
      for (const spelling of [name, item.displayName, tags["brand:en"], ...(item.matchNames ?? [])]) {
        const key = spelling ? normalizedName(spelling) : "";
        if (!key) continue;
        let entry = byKey.get(key);
        if (!entry || (key === own && !entry.own)) {
          entry = { name, own: key === own, words: entry?.words ?? new Set<string>() };
          byKey.set(key, entry);
        }
        for (const word of words) entry.words.add(word);
      }
    }
  }
  const wordSets = new Map<string, number>();
  const brands: BrandData["brands"] = [];
  for (const key of [...byKey.keys()].sort()) {
    const { name, words } = byKey.get(key)!;
    const set = [...words].sort().join(" ");
    if (!wordSets.has(set)) wordSets.set(set, wordSets.size);
    brands.push([key, name, wordSets.get(set)!]);
  }
  return { source: `name-suggestion-index ${nsi._meta.version}`, trades: [...wordSets.keys()], brands };
}

/** The generated file's text for the installed package, one brand per line so diffs read. */
export function brandsFileText(): string {
  // The package's `exports` map names its data folder without "./", so Node refuses the subpath:
  // the data is found beside the package's entry point (dist/js/) instead.
  const entry = createRequire(import.meta.url).resolve("name-suggestion-index");
  const nsi = JSON.parse(readFileSync(join(dirname(entry), "../json/nsi.json"), "utf8")) as Nsi;
  const data = buildBrands(nsi);
  const lines = data.brands.map((brand) => JSON.stringify(brand));
  return `{"source":${JSON.stringify(data.source)},"trades":${JSON.stringify(data.trades)},"brands":[\n${lines.join(",\n")}\n]}\n`;
}

if (isMain(import.meta.url)) {
  const text = brandsFileText();
  writeFileSync(BRANDS_FILE, text);
  const count = (text.match(/\n\["/g) ?? []).length;
  console.log(
    `Wrote ${count.toLocaleString("en-US")} brand names (${Math.round(text.length / 1024)} KB) to ${BRANDS_FILE}`,
  );
}

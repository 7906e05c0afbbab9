/**
 * Chains by brand: a business whose name is a known chain brand's, from the OpenStreetMap
 * name-suggestion-index (BSD-3-Clause, © name-suggestion-index contributors; see
 * docs/attribution.md), built by `npm run build:brands` into `brands.generated.json`: US brands
 * of shops, amenities, crafts, offices, healthcare, leisure and tourism, names normalised as
 * de-duplication normalises them.
 *
 * A name matches a brand when it is the brand, or starts with it at a word boundary. Starting
 * with it is not always enough, since many brands are ordinary words that local businesses use
 * too ("Target Plumbing LLC", "Edge Salon", "Subway Tile Co"):
 * - a brand of fewer than `MIN_PREFIX_LETTERS` letters ("CVS", "BP") must be the whole name;
 * - a brand of one word (not counting articles, a possessive "s" and joining words such as "at":
 *   "McDonald's" and "At Home" are one word) may be followed only by a store number, a word such
 *   as "store", words of its own trade other than the most general ones ("Starbucks Coffee",
 *   "Walgreens Pharmacy", but not "Alpine Auto Repair"), or "of"/"at"/"in" and a place
 *   ("McDonald's of Austin"). So "Target Plumbing LLC" is no chain: plumbing is not Target's trade;
 * - a brand of two words or more ("Jiffy Lube", "Mattress Firm") may be followed by anything,
 *   which a local business whose name starts with a two-word brand ("Main Event Catering")
 *   cannot escape (such names are rare).
 */
import { normalizedName } from "../../discovery/select";
import generated from "./brands.generated.json";

/** The generated file: where it came from, trade word lists, and `[key, name, trade]` sorted by key. */
export type BrandData = {
  source: string;
  /** Space-separated words of a trade (its category's words and cuisines), by index. */
  trades: string[];
  brands: [key: string, name: string, trade: number][];
};

/** Brands shorter than this (letters and digits) match only a whole name: "CVS", "BP", "Gap". */
export const MIN_PREFIX_LETTERS = 4;

/** Words after a one-word brand that still name one of its stores ("Target Store 1234"). */
const STORE_WORDS = new Set(["store", "stores", "no", "number", "location", "unit", "outlet"]);
/**
 * Trade words too general to tell a brand's store from a local business of the same trade:
 * "Alpine Auto Repair" is no Alpine dealer's workshop, "Lucky Market" no Lucky supermarket.
 */
const GENERAL_TRADE_WORDS = new Set(["auto", "car", "repair", "service", "center", "centre", "food", "market", "shop"]);
/** Words after a one-word brand that start its store's place ("McDonald's of Austin"). */
const PLACE_WORDS = new Set(["of", "at", "in"]);
/** A place after "of"/"at"/"in" is a town's name: a few words, no number, no word of a business. */
const MAX_PLACE_WORDS = 3;
const BUSINESS_WORDS = new Set(
  "plumbing plumber repair repairs service services co company llc inc shop salon studio store care pros group solutions".split(
    " ",
  ),
);
const isPlace = (words: string[]) =>
  words.length > 0 && words.length <= MAX_PLACE_WORDS && words.every((w) => !/\d/.test(w) && !BUSINESS_WORDS.has(w));
/** A store number as normalised text writes it: "#1234" → "1234", "T-1234" → "t 1234", "T1234". */
const STORE_NUMBER = /^[a-z]?\d+$/;
/**
 * Words that do not make a brand of one word into two: articles, a possessive's "s" and small
 * joining words, so "At Home" and "La Place" count as one word ("At Home Care Services" is none).
 */
const NOT_WORDS = new Set(["the", "a", "an", "s", "at", "of", "in", "on", "and", "la", "le", "el", "de", "los", "las"]);

type Brand = { name: string; trade: Set<string>; words: number; letters: number };
/** Brands by spelling, and the first words of all spellings: most names start with none, and stop there. */
type BrandIndex = { brands: Map<string, Brand>; firstWords: Set<string>; maxWords: number };

let index: BrandIndex | null = null;

/** The index, built on first use so a module that never checks a brand pays nothing. */
function brandIndex(): BrandIndex {
  if (index) return index;
  const data = generated as unknown as BrandData;
  const trades = data.trades.map((words) => new Set(words.split(" ").filter((w) => !GENERAL_TRADE_WORDS.has(w))));
  const brands = new Map<string, Brand>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  for (const [key, name, trade] of data.brands) {
    const tokens = key.split(" ");
    const brand: Brand = {
      name,
      trade: trades[trade] ?? new Set(),
      words: tokens.filter((t) => !NOT_WORDS.has(t)).length,
      letters: key.replaceAll(" ", "").length,
    };
    // People write "McDonalds" and "Home Depot" as often as "McDonald's" and "The Home Depot".
    const spellings = [key, key.replaceAll(/ s\b/g, "s"), key.replace(/^the /, "")];
    for (const spelling of spellings) {
      if (!brands.has(spelling)) brands.set(spelling, brand);
      const words = spelling.split(" ");
      firstWords.add(words[0]!);
      maxWords = Math.max(maxWords, words.length);
    }
  }
  index = { brands, firstWords, maxWords };
  return index;
}

/** Whether `tail` (the words after a one-word brand) still names one of the brand's stores. */
function storeTail(brand: Brand, tail: string[]): boolean {
  for (let i = 0; i < tail.length; i++) {
    const word = tail[i]!;
    if (PLACE_WORDS.has(word)) return isPlace(tail.slice(i + 1));
    const singular = word.endsWith("s") ? word.slice(0, -1) : word;
    const known = STORE_WORDS.has(word) || brand.trade.has(word) || brand.trade.has(singular);
    const letterOfNumber = word.length === 1 && STORE_NUMBER.test(tail[i + 1] ?? "");
    if (!known && !letterOfNumber && !STORE_NUMBER.test(word)) return false;
  }
  return true;
}

function accepts(brand: Brand, tail: string[]): boolean {
  if (tail.length === 0) return true;
  if (brand.letters < MIN_PREFIX_LETTERS) return false;
  return brand.words >= 2 || storeTail(brand, tail);
}

/** A chain verdict: whether it is one and why ("brand: Starbucks"), or why not (null). */
export type ChainVerdict = { chain: boolean; reason: string | null };

/**
 * Whether a business's name is a chain brand's, by the rules in this module's comment.
 * @example chainByBrand("Starbucks Coffee #1234") // { chain: true, reason: "brand: Starbucks" }
 * chainByBrand("Target Plumbing LLC") // { chain: false, reason: null }
 */
export function chainByBrand(name: string): ChainVerdict {
  const { brands, firstWords, maxWords } = brandIndex();
  const tokens = normalizedName(name).split(" ");
  const starts = tokens[0] === "the" ? [0, 1] : [0];
  for (const start of starts) {
    if (!firstWords.has(tokens[start]!)) continue;
    for (let end = Math.min(tokens.length, start + maxWords); end > start; end--) {
      const brand = brands.get(tokens.slice(start, end).join(" "));
      if (brand && accepts(brand, tokens.slice(end))) return { chain: true, reason: `brand: ${brand.name}` };
    }
  }
  return { chain: false, reason: null };
}

/** Where the brand list came from and how many names it holds, for reports and the bench. */
export function brandListInfo(): { source: string; names: number } {
  return { source: (generated as unknown as BrandData).source, names: brandIndex().brands.size };
}

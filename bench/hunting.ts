/**
 * `npm run bench:hunting`: business hunting's pure figures.
 * 1. Scoring 100,000 businesses with `scoreBusiness`, and with the formula engine running the
 *    grid's Score and Qualified columns (as a room or the edge does): median ms of several runs.
 * 2. Chain detection over the same 100,000: by brand name (`chainByBrand`, against the
 *    name-suggestion-index brand list) and by the same name or site across territories
 *    (`chainsAcross`): median ms of several runs.
 * 3. De-duplicating 100,000 found businesses against 100,000 known ones (half of them known: by
 *    place id, or for records without one by phone or name and street), and one scrape of 500
 *    found with place ids against the 100,000: ms.
 * 4. One territory scrape of 500 businesses from a local Outscraper stand-in through the Worker
 *    (`bench/hunting-worker.ts`): seconds, first and again.
 * Seeded data, so runs compare; figures only, no timed assertions.
 */

import { brandListInfo, chainByBrand, chainsAcross } from "../automation/hunting/chains";
import { mergeBusinesses } from "../automation/hunting/dedupe";
import { qualifiedFormula, scoreFormula } from "../automation/hunting/formulas";
import { DEFAULT_SCORING, scoreBusiness } from "../automation/hunting/score";
import { FormulaGraph } from "../schema/formula";
import { BusinessRecord } from "../schema/hunting";
import type { CellValue } from "../schema/tables";
import { benchWorkerScrape } from "./hunting-worker";
import { fmt, summary } from "./stats";

const BUSINESSES = 100_000;
/** Timed runs after one warm-up run; the median is reported. */
const RUNS = 5;
const SEED = 20_261_206;
/** One territory's scrape: the issue's figure for a scrape through the Worker. */
const SCRAPE = 500;

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ["Plumber", "Bakery", "Restaurant", "Dentist", "Hair salon", "Auto repair"];
/** Brand names every 20th business carries, as a chain's locations do in a real search. */
const BRANDS = ["Starbucks Coffee", "Jiffy Lube", "McDonald's", "Great Clips", "Aspen Dental"];
/** Territories the bench's businesses are spread over (a category in a city, 20 cities each). */
const TERRITORIES = 120;
const STREETS = ["Oak Drive", "Main Street", "Congress Avenue", "Elm St", "Lamar Blvd"];

/** Business `i` as a source would report it: a third with no website, a sixth with a social profile. */
function businessAt(i: number, random: () => number, withPlaceId: boolean): BusinessRecord {
  const category = CATEGORIES[i % CATEGORIES.length]!;
  const site = i % 6;
  const website =
    site < 2
      ? ""
      : site === 2
        ? `https://www.facebook.com/biz${i}`
        : `https://www.${category.toLowerCase().replace(" ", "")}-${i}.example/`;
  // Half of a chain's locations carry a store number, as Maps listings often do.
  const brand = i % 20 === 0 ? `${BRANDS[(i / 20) % BRANDS.length]}${i % 40 ? ` #${i}` : ""}` : null;
  return BusinessRecord.parse({
    name: brand ?? `${category} ${i}`,
    category,
    address: `${(i % 9_000) + 1} ${STREETS[i % STREETS.length]}`,
    city: "Austin",
    state: "TX",
    phone: `+1 512 ${String(1_000_000 + i).slice(-7)}`,
    website,
    email: random() < 0.4 ? `info@biz${i}.example` : "",
    rating: random() < 0.1 ? null : Math.round(random() * 50) / 10,
    reviews: random() < 0.1 ? null : Math.floor(random() * 400),
    placeId: withPlaceId ? `ChIJ${i}` : null,
    source: withPlaceId ? "outscraper" : "csv",
  });
}

function median(timings: number[]): number {
  return summary(timings).p50;
}

function time(run: () => void): number {
  run();
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    timings.push(performance.now() - started);
  }
  return median(timings);
}

const random = prng(SEED);
const businesses = Array.from({ length: BUSINESSES }, (_, i) => businessAt(i, random, true));
const chains = businesses.map(() => random() < 0.15);

let qualified = 0;
const plainMs = time(() => {
  qualified = 0;
  for (let i = 0; i < BUSINESSES; i++) {
    const b = businesses[i]!;
    if (scoreBusiness({ ...b, chain: chains[i]! }, DEFAULT_SCORING).qualified) qualified++;
  }
});

const graph = new FormulaGraph(
  [
    { id: "score", name: "Score", text: scoreFormula(DEFAULT_SCORING) },
    { id: "qualified", name: "Qualified", text: qualifiedFormula(DEFAULT_SCORING) },
  ],
  ["Website", "Email", "Rating", "Reviews", "Chain"].map((name) => ({ id: name, name })),
);
const cells: Record<string, CellValue>[] = businesses.map((b, i) => ({
  Website: b.website,
  Email: b.email,
  Rating: b.rating,
  Reviews: b.reviews,
  Chain: chains[i]!,
}));
let formulaQualified = 0;
const formulaMs = time(() => {
  formulaQualified = 0;
  for (const row of cells) if (graph.evaluateRow(row).qualified === true) formulaQualified++;
});

console.log(`Scoring ${BUSINESSES.toLocaleString("en-US")} businesses (median of ${RUNS} runs):`);
console.log(`  scoreBusiness:   ${fmt(plainMs)} ms  (${qualified.toLocaleString("en-US")} qualified)`);
console.log(`  formula engine:  ${fmt(formulaMs)} ms  (${formulaQualified.toLocaleString("en-US")} qualified)`);
if (qualified !== formulaQualified) console.log("  !! the formula engine and scoreBusiness disagree");

const names = businesses.map((b) => b.name);
let branded = 0;
const brandMs = time(() => {
  branded = 0;
  for (const name of names) if (chainByBrand(name).chain) branded++;
});
const rows = businesses.map((b, i) => ({
  id: String(i),
  name: b.name,
  website: b.website,
  territories: [`t${i % TERRITORIES}`],
}));
let across = 0;
const acrossMs = time(() => {
  across = chainsAcross(rows).size;
});
const brands = brandListInfo();
console.log(
  `Chain detection over ${BUSINESSES.toLocaleString("en-US")} businesses (median of ${RUNS} runs; ${brands.names.toLocaleString("en-US")} brand names, ${brands.source}):`,
);
console.log(`  by brand:           ${fmt(brandMs)} ms  (${branded.toLocaleString("en-US")} chains)`);
console.log(`  across territories: ${fmt(acrossMs)} ms  (${across.toLocaleString("en-US")} chains)`);

// Known: businesses 0–99,999. Found: 50,000 of them again (half with place ids, half as CSV rows
// without one, matched by phone) and 50,000 new ones.
const found = Array.from({ length: BUSINESSES }, (_, i) =>
  i % 2 === 0 ? businessAt(i, random, i % 4 === 0) : businessAt(BUSINESSES + i, random, true),
);
const scrape = found.filter((b) => b.placeId).slice(0, SCRAPE);
mergeBusinesses(businesses, scrape);
const scrapeStarted = performance.now();
const scraped = mergeBusinesses(businesses, scrape);
const scrapeMs = performance.now() - scrapeStarted;

let result = mergeBusinesses(businesses, found);
const started = performance.now();
result = mergeBusinesses(businesses, found);
const dedupeMs = performance.now() - started;
console.log(
  `De-duplicating ${BUSINESSES.toLocaleString("en-US")} found against ${BUSINESSES.toLocaleString("en-US")} known:`,
);
console.log(
  `  ${fmt(dedupeMs)} ms  (${result.added.length.toLocaleString("en-US")} added, ${result.updates.length.toLocaleString("en-US")} rows updated)`,
);
console.log(
  `De-duplicating one scrape of ${SCRAPE} (with place ids) against ${BUSINESSES.toLocaleString("en-US")} known:`,
);
console.log(`  ${fmt(scrapeMs)} ms  (${scraped.added.length} added, ${scraped.updates.length} rows updated)`);

await benchWorkerScrape();

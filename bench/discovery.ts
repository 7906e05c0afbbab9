/**
 * `npm run bench:discovery`: dealership discovery's figures on a 50,000-dealer fictional
 * directory (the sample generator at count 50,000).
 * 1. Build time: generating the directory, and building its kdbush index alone.
 * 2. 200 radius queries (150 miles, centers at random ZIP centroids, one to three makes) through
 *    `selectDealers` on the index, median and p95 per query.
 * 3. The same queries by a linear scan of the records (`selectDealers` on the plain list), as a
 *    peer in the same run, and the ratio of medians. Both must select the same dealers.
 */

import { DealerDirectory, mulberry32, sampleDirectory, selectDealers, zipCentroids } from "../automation/discovery";
import { MAKES, type Make } from "../schema/projects";
import { fmt, summary } from "./stats";

const DEALERS = 50_000;
const QUERIES = 200;
const RADIUS_MILES = 150;
/** Index builds timed after one warm-up; the median is reported. */
const BUILDS = 5;
/**
 * Every query runs once through both paths before timing: the JIT compiles both, and each
 * dealer's de-duplication keys are computed and cached, as in a Worker that has served a few
 * projects from the same directory. Timing starts from that steady state.
 */
const WARM_UP_PASSES = 1;

let started = performance.now();
const records = sampleDirectory(DEALERS, 1);
const generateMs = performance.now() - started;

new DealerDirectory(records);
const builds: number[] = [];
let directory = new DealerDirectory(records);
for (let i = 0; i < BUILDS; i++) {
  started = performance.now();
  directory = new DealerDirectory(records);
  builds.push(performance.now() - started);
}

const next = mulberry32(42);
const zips = zipCentroids();
const queries = Array.from({ length: QUERIES }, () => {
  const zip = zips[Math.floor(next() * zips.length)]!;
  const makes = new Set<Make>();
  const count = 1 + Math.floor(next() * 3);
  while (makes.size < count) makes.add(MAKES[Math.floor(next() * MAKES.length)]!);
  return { center: { lat: zip.lat, lng: zip.lng }, radiusMiles: RADIUS_MILES, makes: [...makes] };
});

function time(select: (query: (typeof queries)[number]) => unknown[]): { ms: number[]; found: number[] } {
  const ms: number[] = [];
  const found: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    const picked = select(query);
    ms.push(performance.now() - t);
    found.push(picked.length);
  }
  return { ms, found };
}

for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
  for (const query of queries) {
    selectDealers(directory, query);
    selectDealers(records, query);
  }
}
const indexed = time((query) => selectDealers(directory, query));
const scanned = time((query) => selectDealers(records, query));
const mismatches = indexed.found.filter((n, i) => n !== scanned.found[i]).length;
if (mismatches) throw new Error(`${mismatches} queries selected different dealers by index and by scan`);

const index = summary(indexed.ms);
const scan = summary(scanned.ms);
const dealersFound = summary(indexed.found);
console.log(
  `directory of ${DEALERS.toLocaleString("en-US")} fictional dealers: generated in ${fmt(generateMs, 0)} ms · ` +
    `kdbush index built in ${fmt(summary(builds).p50)} ms (median of ${BUILDS})`,
);
console.log(
  `${QUERIES} queries, ${RADIUS_MILES} mi, 1–3 makes (median ${dealersFound.p50} dealers selected, p95 ${dealersFound.p95}):`,
);
console.log(`  selectDealers on the index: median ${fmt(index.p50, 2)} ms, p95 ${fmt(index.p95, 2)} ms per query`);
console.log(`  selectDealers by linear scan: median ${fmt(scan.p50, 2)} ms, p95 ${fmt(scan.p95, 2)} ms per query`);
console.log(
  `  index is ${fmt(scan.p50 / index.p50)}× faster at the median, ${fmt(scan.p95 / index.p95)}× at p95; same selections`,
);

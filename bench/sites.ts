/**
 * `npm run bench:sites`: the fallback site generator's figures over 1,000 seeded businesses.
 * 1. Generation time per site (median and p95, after a warm-up pass).
 * 2. Sanitizing a generated page and computing its headers (CSP hashes), per site: what storing
 *    and serving a site adds.
 * 3. Bytes of a typical page (the median), raw and gzipped.
 * 4. An assembled Architect page (the Messages API stand-in's fixture), raw and gzipped.
 * 5. The quality check per site: screenshots at two sizes and axe-core (`bench/sites-quality.ts`).
 * 6. The four-agent pipeline's overhead per site beyond the model's own time
 *    (`bench/sites-pipeline.ts`).
 */
import { gzipSync } from "node:zlib";
import { ANSWERS } from "../automation/sites/agents/test/fixtures";
import { assembleSite } from "../automation/sites/assemble";
import { siteHeaders } from "../automation/sites/csp";
import { fallbackSite } from "../automation/sites/fallback";
import { sanitizeSiteHtml } from "../automation/sites/sanitize";
import { SiteFacts } from "../schema/sites";
import { benchPipeline } from "./sites-pipeline";
import { benchQuality } from "./sites-quality";
import { fmt, summary } from "./stats";

const BUSINESSES = 1_000;
/** Pages put through the browser check (each takes a few hundred ms). */
const CHECKED_PAGES = 21;
const CATEGORIES = [
  "Plumber",
  "Electrician",
  "Roofing contractor",
  "Bakery",
  "Mexican restaurant",
  "Coffee shop",
  "Hair salon",
  "Day spa",
  "Yoga studio",
  "Notary",
  "Bookstore",
  "Florist",
  "",
];
const WORDS =
  "great friendly fast fair clean careful honest helpful quick on time would call again best in town price work".split(
    " ",
  );

/** mulberry32: a small seeded generator, so every run measures the same 1,000 businesses. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function business(i: number): SiteFacts {
  const r = random(i + 1);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const sentence = () => Array.from({ length: 8 + Math.floor(r() * 30) }, () => pick(WORDS)).join(" ");
  return SiteFacts.parse({
    name: `Business ${i} ${pick(WORDS)}`,
    category: pick(CATEGORIES),
    address: `${100 + i} Main St`,
    city: "Springfield",
    state: "IL",
    zip: "62701",
    phone: `(217) 555-${String(i % 10_000).padStart(4, "0")}`,
    rating: r() < 0.8 ? Math.round((3 + r() * 2) * 10) / 10 : null,
    reviewCount: Math.floor(r() * 500),
    hours: r() < 0.6 ? ["Mon 8–5", "Tue 8–5", "Wed 8–5", "Thu 8–5", "Fri 8–5", "Sat 9–1", "Sun Closed"] : [],
    mapsUrl: `https://maps.google.com/?cid=${i}`,
    reviews: Array.from({ length: Math.floor(r() * 7) }, () => ({
      author: pick(WORDS),
      rating: Math.ceil(r() * 5),
      text: sentence(),
    })),
    claimUrl: `https://rowpilot.example/claim/${i}`,
  });
}

const facts = Array.from({ length: BUSINESSES }, (_, i) => business(i));
// A warm-up pass, so the timed one measures compiled code.
for (const [i, f] of facts.entries()) fallbackSite(f, { seed: i });

const generate: number[] = [];
const pages: string[] = [];
facts.forEach((f, i) => {
  const start = performance.now();
  pages.push(fallbackSite(f, { seed: i }).html);
  generate.push(performance.now() - start);
});

const serve: number[] = [];
for (const html of pages) {
  const start = performance.now();
  await siteHeaders({ html: sanitizeSiteHtml(html) });
  serve.push(performance.now() - start);
}

const bytes = summary(pages.map((html) => Buffer.byteLength(html)));
const gzipped = summary(pages.map((html) => gzipSync(html).length));
const g = summary(generate);
const s = summary(serve);
console.log(
  `fallback generation, ms per site (${BUSINESSES} businesses): median ${fmt(g.p50, 3)}, p95 ${fmt(g.p95, 3)}`,
);
console.log(`sanitize + CSP headers, ms per site: median ${fmt(s.p50, 2)}, p95 ${fmt(s.p95, 2)}`);
console.log(
  `typical page (median): ${fmt(bytes.p50 / 1024)} KB, ${fmt(gzipped.p50 / 1024)} KB gzipped (p95 ${fmt(bytes.p95 / 1024)} KB)`,
);

const architect = assembleSite(ANSWERS.architect);
console.log(
  `assembled Architect page (the stand-in's fixture, a short page): ${fmt(Buffer.byteLength(architect) / 1024)} KB, ${fmt(gzipSync(architect).length / 1024)} KB gzipped`,
);

await benchQuality("fallback pages", pages.slice(0, CHECKED_PAGES));
await benchPipeline();

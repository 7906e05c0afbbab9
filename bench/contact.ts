/**
 * The contact engine over the dealership corpora (`e2e/contact-sites/` and `e2e/contact-sites-more/`): per site its outcome, the
 * corpus checker's verdict (from what the sites' server received, not the engine's report) and
 * seconds; then the success rate, median and p95 seconds per site, and forms per minute at
 * concurrency 1 and 4. Goal: every site passes, median under 8 s.
 *
 *   npm run bench:contact [-- <corpus> …]
 */
import type { Browser } from "puppeteer-core";
import { runContact } from "../automation/contact/engine";
import { localGuard } from "../automation/contact/guard";
import { CORPORA, CORPUS_PROFILE, type ContactSites, startContactSites } from "../e2e/contact-sites";
import { SenderProfile } from "../schema/contact";
import { attemptPage, launchChromium } from "../scripts/chromium";
import { fmt, summary } from "./stats";

const profile = SenderProfile.parse(CORPUS_PROFILE);

interface SiteRun {
  id: string;
  expected: string;
  got: string;
  seconds: number;
  /** The corpus checker's verdict, from what the sites' server received. */
  pass?: boolean;
}

/** The engine said success where the site did not get a correct message, or was not meant to: the worst outcome. */
const falseSuccesses = (runs: SiteRun[]) =>
  runs.filter((r) => r.got === "success" && (r.pass === false || r.expected !== "success"));
/** Right: the outcome the site calls for, and the checker agrees with what the server received. */
const right = (runs: SiteRun[]) => runs.filter((r) => r.got === r.expected && r.pass).length;

/** Runs every site with `concurrency` pages in one browser; returns each run and the wall time. */
async function pass(browser: Browser, urls: { id: string; expected: string; url: string }[], concurrency: number) {
  const queue = [...urls];
  const runs: SiteRun[] = [];
  const started = performance.now();
  const worker = async () => {
    for (let site = queue.shift(); site; site = queue.shift()) {
      const { page, close } = await attemptPage(browser);
      try {
        const result = await runContact(page, {
          url: site.url,
          profile,
          guard: localGuard(),
          saveScreenshot: async (label) => label,
        });
        runs.push({
          id: site.id,
          expected: site.expected,
          got: result.category ?? result.outcome,
          seconds: result.durationMs / 1000,
        });
      } finally {
        await close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { runs, wallSeconds: (performance.now() - started) / 1000 };
}

const browser = await launchChromium();
const totals: SiteRun[] = [];
let falseAtFour = 0;
try {
  // `npm run bench:contact -- contact-sites-proof` runs only the corpora named.
  const named = CORPORA.filter((c) => process.argv.slice(2).includes(c));
  for (const corpus of named.length > 0 ? named : CORPORA) {
    const sites = await startContactSites(corpus);
    try {
      totals.push(...(await benchCorpus(corpus, sites)));
    } finally {
      await sites.stop();
    }
  }
  const seconds = summary(totals.map((r) => r.seconds));
  const passed = totals.filter((r) => r.pass).length;
  console.log(
    `\nall corpora: ${passed}/${totals.length} pass the checker, ${right(totals)}/${totals.length} right` +
      ` · false successes ${falseSuccesses(totals).length} (concurrency 1) and ${falseAtFour} (concurrency 4)` +
      ` · median ${fmt(seconds.p50)} s · p95 ${fmt(seconds.p95)} s per site (goal: all right, no false success, median < 8 s)`,
  );
} finally {
  await browser.close();
}

async function benchCorpus(corpus: string, sites: ContactSites): Promise<SiteRun[]> {
  const urls = (await sites.sites()).map((s) => ({ ...s, url: sites.url(s.id) }));
  await sites.reset();
  const one = await pass(browser, urls, 1);
  const verdicts = await sites.check();
  const verdictOf = (id: string) => verdicts.lines.find((l) => l.startsWith(`${id} `))?.slice(id.length + 1) ?? "?";
  for (const run of one.runs) run.pass = verdictOf(run.id).startsWith("PASS");
  console.log(`\n${corpus}: ${urls.length} dealership sites, concurrency 1\n`);
  console.log(
    `${"site".padEnd(24)} ${"expected".padEnd(17)} ${"outcome".padEnd(19)} ${"seconds".padStart(7)}  checker`,
  );
  for (const run of one.runs) {
    console.log(
      `${run.id.padEnd(24)} ${run.expected.padEnd(17)} ${run.got.padEnd(19)} ${fmt(run.seconds).padStart(7)}  ${verdictOf(run.id)}`,
    );
  }
  const seconds = summary(one.runs.map((r) => r.seconds));
  console.log(
    `\nright: ${right(one.runs)}/${one.runs.length} · checker: ${verdicts.passed}/${verdicts.total} pass (${fmt((100 * verdicts.passed) / verdicts.total, 0)}%)` +
      ` · median ${fmt(seconds.p50)} s · p95 ${fmt(seconds.p95)} s per site`,
  );
  console.log(`concurrency 1: ${fmt((60 * urls.length) / one.wallSeconds)} forms/min (${fmt(one.wallSeconds)} s wall)`);
  await sites.reset();
  const four = await pass(browser, urls, 4);
  const again = await sites.check();
  const againOf = (id: string) => again.lines.find((l) => l.startsWith(`${id} `))?.slice(id.length + 1) ?? "?";
  for (const run of four.runs) run.pass = againOf(run.id).startsWith("PASS");
  const falseFour = falseSuccesses(four.runs);
  falseAtFour += falseFour.length;
  console.log(
    `concurrency 4: ${fmt((60 * urls.length) / four.wallSeconds)} forms/min (${fmt(four.wallSeconds)} s wall), checker ${again.passed}/${again.total}, ${right(four.runs)} right`,
  );
  const falseOne = falseSuccesses(one.runs);
  console.log(
    `false successes: ${falseOne.length} at concurrency 1${falseOne.length ? ` (${falseOne.map((r) => r.id).join(", ")})` : ""},` +
      ` ${falseFour.length} at concurrency 4${falseFour.length ? ` (${falseFour.map((r) => r.id).join(", ")})` : ""}`,
  );
  return one.runs;
}

/**
 * A 12-site outreach project end to end through the Worker, as a user runs it: served by
 * wrangler's local mode over a fresh build (Queues, Durable Objects, R2 and Browser Rendering
 * all local), a project created through the API, its dealers imported from a CSV that points at
 * the fixture corpus, Start automation, and the project polled until every dealer has a final
 * status. Run at concurrency 1 and 4: total minutes, per-site median and p95 (the engine's own
 * time per attempt), and the corpus checker's verdict from what the sites' server received.
 *
 * Then per dealer: right (the outcome its site calls for, and the checker agrees) and false
 * successes (the engine said success where the site got no correct message, or was not meant to).
 *
 *   npm run bench:project [-- <corpus> …]     (default: contact-sites)
 */
import { rmSync } from "node:fs";
import { Api } from "../e2e/api";
import { CORPORA, CORPUS_PROFILE, type ContactSites, startContactSites } from "../e2e/contact-sites";
import type { AttemptRecord, ProjectDetail } from "../schema/projects";
import { type Served, serve } from "../scripts/serve";
import { type BuildCopy, buildCopy } from "./grid/build";
import { fmt, summary } from "./stats";

/** How long one pass may take before the benchmark gives up on it. */
const PASS_TIMEOUT_MS = 15 * 60_000;
const POLL_MS = 500;

function corpusCsv(sites: ContactSites, ids: string[]): string {
  const rows = ids.map(
    (id, i) =>
      `${id.replace(/-/g, " ")},Toyota,${100 + i} Congress Ave,Austin,TX,78701,(512) 555-02${String(i).padStart(2, "0")},${sites.url(id)},${30.27 + i * 0.005},-97.74`,
  );
  return ["name,makes,address,city,state,zip,phone,website,latitude,longitude", ...rows].join("\n");
}

async function pass(api: Api, slug: string, sites: ContactSites, concurrency: number) {
  await sites.reset();
  const ids = (await sites.sites()).map((s) => s.id);
  const q = `?workspace=${slug}`;
  const { id } = await api.request<{ id: string }>("POST", `/api/projects${q}`, {
    name: `Bench at concurrency ${concurrency}`,
    location: { zip: "78701" },
    radiusMiles: 50,
    makes: ["Toyota"],
    sender: { ...CORPUS_PROFILE, extra: { "Vehicle of interest": CORPUS_PROFILE.vehicleOfInterest } },
    message: `${CORPUS_PROFILE.message} (for {{dealership.name}})`,
    settings: { batchSize: 3, concurrency },
  });
  await api.request("POST", `/api/projects/${id}/discover${q}`, { source: "csv", csv: corpusCsv(sites, ids) });
  const started = performance.now();
  await api.request("POST", `/api/projects/${id}/automation/start${q}`, {});
  let detail: ProjectDetail;
  for (;;) {
    detail = await api.request<ProjectDetail>("GET", `/api/projects/${id}${q}`);
    const { queued, running, pending } = detail.counts;
    if (queued + running + pending === 0) break;
    if (performance.now() - started > PASS_TIMEOUT_MS)
      throw new Error(`concurrency ${concurrency}: not done in 15 minutes`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const totalMs = performance.now() - started;
  const { attempts } = await api.request<{ attempts: AttemptRecord[] }>(
    "GET",
    `/api/projects/${id}/attempts${q}&limit=50`,
  );
  const perSite = summary(attempts.map((a) => (a.durationMs ?? 0) / 1000));
  const checked = await sites.check();
  const expected = new Map((await sites.sites()).map((s) => [s.id.replace(/-/g, " "), s.expected]));
  const passes = (name: string) => checked.lines.some((l) => l.startsWith(`${name.replace(/ /g, "-")} PASS`));
  const got = (a: AttemptRecord) => (a.outcome === "success" ? "success" : (a.category ?? a.outcome));
  const right = attempts.filter((a) => got(a) === expected.get(a.dealershipName) && passes(a.dealershipName));
  const falseSuccesses = attempts.filter(
    (a) => a.outcome === "success" && (expected.get(a.dealershipName) !== "success" || !passes(a.dealershipName)),
  );
  return { concurrency, totalMs, perSite, counts: detail.counts, checked, right: right.length, falseSuccesses };
}

let served: Served | undefined;
let build: BuildCopy | undefined;
let sites: ContactSites | undefined;
try {
  const named = CORPORA.filter((c) => process.argv.slice(2).includes(c));
  build = await buildCopy();
  served = await serve({ config: build.config });
  const { api, slug } = await Api.account(served.url);
  for (const corpus of named.length > 0 ? named : (["contact-sites"] as const)) {
    sites = await startContactSites(corpus);
    const total = (await sites.sites()).length;
    console.log(`Project benchmark — ${corpus}: ${total} dealer sites end to end through the local Worker`);
    const results = [];
    for (const concurrency of [1, 4]) {
      const r = await pass(api, slug, sites, concurrency);
      results.push(r);
      console.log(
        `  concurrency ${concurrency}: ${fmt(r.totalMs / 60_000, 2)} min in all (${fmt(r.totalMs / 1000)} s), ` +
          `per site median ${fmt(r.perSite.p50)} s, p95 ${fmt(r.perSite.p95)} s; ` +
          `${r.counts.success} success, ${r.counts.failed} failed; checker ${r.checked.passed}/${r.checked.total}; ` +
          `right ${r.right}/${total}; false successes ${r.falseSuccesses.length}`,
      );
      for (const line of r.checked.lines.filter((l) => l.includes(" FAIL "))) console.log(`    ${line}`);
      for (const a of r.falseSuccesses) console.log(`    false success: ${a.dealershipName}: ${a.reason}`);
    }
    const [one, four] = results;
    if (one && four) console.log(`  speed-up at concurrency 4: ${fmt(one.totalMs / four.totalMs, 2)}×`);
    await sites.stop();
    sites = undefined;
  }
} finally {
  await sites?.stop();
  if (served) {
    await served.stop();
    rmSync(served.state, { recursive: true, force: true });
  }
  build?.remove();
}

/**
 * One Autopilot cycle through the Worker, as "Run one cycle" runs it: the product served as
 * `npm start` serves it, over a workspace of 10,000 businesses (CSV imports into territories
 * scraped before the cycle), with ten due territories scraped from an Outscraper stand-in and
 * pitches sent through a Resend stand-in, each behind a proxy that holds every call for a fixed
 * latency. Sites come from the fallback generator: with an Anthropic key the agents write them on
 * the generate-jobs queue, outside the cycle, and a later cycle publishes them. Reports the
 * cycle's wall time, its phases' counts, and the share of that time at least one provider call
 * was in flight (scrapes and sends run on queues: calls made after the cycle ended are counted
 * apart).
 */
import { rmSync } from "node:fs";
import { placeZip } from "../automation/discovery/zip";
import { fakeOutscraperMaps, fakePlaces } from "../automation/hunting/sources/test/fake-outscraper-maps";
import { startFakeResend } from "../automation/messaging/providers/test/fake-resend";
import { Api } from "../e2e/api";
import type { CycleRecord } from "../schema/autopilot";
import { type Served, serve } from "../scripts/serve";
import { busyMs, timedProxy } from "./autopilot-proxy";
import { type BuildCopy, buildCopy } from "./grid/build";
import { fmt } from "./stats";

/** The issue's workspace: 10,000 businesses already found, imported in batches of 2,000. */
const BUSINESSES = 10_000;
const IMPORT_BATCH = 2_000;
/** What a provider's API costs a call across the internet, for every stand-in alike. */
const LATENCY_MS = 200;
/** Due territories for the cycle's scraping phase (the default cap is 10), around the stand-in's places. */
const DUE_TERRITORIES = 10;
const PLACES = 500;
const RADIUS_MILES = 12;
const RESEND_KEY = "re_bench_key";
/** A cycle at the default caps over a cold server; far more than it takes. */
const CYCLE_TIMEOUT_MS = 20 * 60_000;
const POLL_MS = 500;
/** How long the bench waits after the cycle for the sends it queued. */
const AFTER_MS = 10_000;

/** Businesses `from`…`from + count` as a CSV import: a third without a website, two in five with an email. */
function csvOf(from: number, count: number): string {
  const lines = ["name,category,phone,email,website,zip,rating,reviews"];
  for (let i = from; i < from + count; i++) {
    const website = i % 3 === 0 ? "" : `https://bench-${i}.example/`;
    const email = i % 5 < 2 ? `owner@bench-${i}.example` : "";
    const phone = `(512) ${String(2_000_000 + i).slice(0, 3)}-${String(2_000_000 + i).slice(3)}`;
    lines.push(
      `Bench Business ${i},Plumber,${phone},${email},${website},78701,${(3.5 + (i % 15) / 10).toFixed(1)},${(i * 7) % 250}`,
    );
  }
  return lines.join("\n");
}

export async function benchAutopilotCycle(): Promise<void> {
  const outscraper = await fakeOutscraperMaps(fakePlaces(PLACES, placeZip("62701"), RADIUS_MILES - 1));
  const resend = await startFakeResend(RESEND_KEY);
  const proxies = {
    outscraper: await timedProxy(outscraper.url, LATENCY_MS),
    email: await timedProxy(resend.url, LATENCY_MS),
  };
  let build: BuildCopy | undefined;
  let served: Served | undefined;
  try {
    build = await buildCopy();
    served = await serve({
      config: build.config,
      env: { OUTSCRAPER_URL: proxies.outscraper.url, RESEND_URL: proxies.email.url },
    });
    const { api, slug } = await Api.account(served.url);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      secrets: { outscraperApiKey: "bench-key", emailApiKey: RESEND_KEY },
      providers: { email: "resend" },
      sender: {
        fromName: "Bench Agency",
        fromEmail: "bench@rowpilot.example",
        replyTo: "bench@rowpilot.example",
        postalAddress: "100 Congress Ave, Austin, TX 78701",
      },
    });

    await api.request("PUT", `/api/hunting/settings?${ws}`, { defaultSource: "outscraper" });
    const importStarted = performance.now();
    for (let from = 0; from < BUSINESSES; from += IMPORT_BATCH) {
      const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
        query: `plumber ${from / IMPORT_BATCH + 1}`,
        location: { zip: "78701" },
        radiusMiles: 15,
      });
      await api.request("POST", `/api/territories/${id}/scrape?${ws}`, {
        source: "csv",
        csv: csvOf(from, IMPORT_BATCH),
      });
    }
    const importSeconds = (performance.now() - importStarted) / 1000;
    for (let i = 0; i < DUE_TERRITORIES; i++)
      await api.request("POST", `/api/territories?${ws}`, {
        query: `plumber ${i + 1}`,
        location: { zip: "62701" },
        radiusMiles: RADIUS_MILES,
        priority: 10 - i,
      });
    // The brief's caps (the defaults); the switch stays off so no schedule starts a second cycle.
    await api.request("POST", `/api/autopilot?${ws}`, { enabled: false });

    const started = performance.now();
    const { cycleId } = await api.request<{ cycleId: string }>("POST", `/api/autopilot/run?${ws}`);
    let cycle: CycleRecord;
    for (;;) {
      cycle = await api.request<CycleRecord>("GET", `/api/autopilot/cycles/${cycleId}?${ws}`);
      if (cycle.status !== "running") break;
      if (performance.now() - started > CYCLE_TIMEOUT_MS) throw new Error(`cycle ${cycleId} still running`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const ended = performance.now();
    // Give messaging's queue a moment to send what the cycle queued.
    await new Promise((r) => setTimeout(r, AFTER_MS));
    const wallMs = ended - started;
    const all = Object.values(proxies).flatMap((p) => p.calls);
    const waitingMs = busyMs(all, started, ended);

    console.log(
      `One Autopilot cycle over ${BUSINESSES.toLocaleString("en-US")} businesses (stand-ins at ${LATENCY_MS} ms a call; ` +
        `import took ${fmt(importSeconds, 0)} s):`,
    );
    console.log(`  cycle ${cycle.status}: ${fmt(wallMs / 60_000, 2)} min (${fmt(wallMs / 1000, 1)} s)`);
    for (const phase of cycle.phases) {
      const counts = Object.entries(phase.counts ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      console.log(
        `    ${phase.name.padEnd(10)} done ${phase.done}, failed ${phase.failed}, skipped ${phase.skipped}` +
          `${counts ? ` (${counts})` : ""}${phase.error ? ` — ${phase.error}` : ""}`,
      );
    }
    for (const [name, proxy] of Object.entries(proxies)) {
      const during = proxy.calls.filter(([a]) => a >= started && a <= ended).length;
      const after = proxy.calls.filter(([a]) => a > ended).length;
      console.log(
        `  ${name.padEnd(10)} ${during} calls during the cycle, ${after} after it (queue work the cycle left running)`,
      );
    }
    console.log(
      `  waiting for providers: ${fmt(waitingMs / 1000, 1)} s (${fmt((100 * waitingMs) / wallMs, 0)}%); ` +
        `our code and the platform: ${fmt((wallMs - waitingMs) / 1000, 1)} s (${fmt((100 * (wallMs - waitingMs)) / wallMs, 0)}%)`,
    );
  } finally {
    if (served) {
      await served.stop();
      rmSync(served.state, { recursive: true, force: true });
    }
    build?.remove();
    await Promise.all([...Object.values(proxies).map((p) => p.close()), outscraper.close(), resend.close()]);
  }
}

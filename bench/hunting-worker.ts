/**
 * One territory scrape of 500 businesses through the Worker, as a user runs it: the product served
 * as `npm start` serves it, with `OUTSCRAPER_URL` pointing at a local stand-in of Outscraper's Maps
 * search holding 500 places. The first scrape (tiles, reviews, 500 new rows, scoring, the
 * qualified-lead rule) and a forced second one (500 known businesses refreshed): seconds each,
 * from the request to its answer.
 */
import { rmSync } from "node:fs";
import { placeZip } from "../automation/discovery/zip";
import { fakeOutscraperMaps, fakePlaces } from "../automation/hunting/sources/test/fake-outscraper-maps";
import { Api } from "../e2e/api";
import type { ScrapeRun } from "../schema/hunting-api";
import { type Served, serve } from "../scripts/serve";
import { type BuildCopy, buildCopy } from "./grid/build";
import { fmt } from "./stats";

const PLACES = 500;
const RADIUS_MILES = 12;

export async function benchWorkerScrape(): Promise<void> {
  const outscraper = await fakeOutscraperMaps(fakePlaces(PLACES, placeZip("62701"), RADIUS_MILES - 1));
  let build: BuildCopy | undefined;
  let served: Served | undefined;
  try {
    build = await buildCopy();
    served = await serve({ config: build.config, env: { OUTSCRAPER_URL: outscraper.url } });
    const { api, slug } = await Api.account(served.url);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { outscraperApiKey: "bench-key" } });
    const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
      query: "plumber",
      location: { zip: "62701" },
      radiusMiles: RADIUS_MILES,
    });
    const scrape = async (force: boolean) => {
      const started = performance.now();
      const run = await api.request<ScrapeRun>("POST", `/api/territories/${id}/scrape?${ws}`, {
        source: "outscraper",
        force,
      });
      return { run, seconds: (performance.now() - started) / 1000 };
    };
    const first = await scrape(false);
    const again = await scrape(true);
    console.log(`One territory scrape of ${PLACES} businesses through the Worker (Outscraper stand-in):`);
    console.log(
      `  first scrape:  ${fmt(first.seconds, 2)} s  (${first.run.found} found in ${first.run.tiles} searches, ` +
        `${first.run.added} new, ${first.run.qualified} qualified)`,
    );
    console.log(
      `  scraped again: ${fmt(again.seconds, 2)} s  (${again.run.found} found, ${again.run.added} new, ` +
        `${again.run.updated} updated)`,
    );
  } finally {
    if (served) {
      await served.stop();
      rmSync(served.state, { recursive: true, force: true });
    }
    build?.remove();
    await outscraper.close();
  }
}

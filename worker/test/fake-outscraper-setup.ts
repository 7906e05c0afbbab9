/**
 * Outscraper's stand-in (`e2e/fakes/outscraper-maps.ts`) for the tests inside workerd, which
 * cannot open servers themselves: started on a free port on 127.0.0.1 by vitest's globalSetup
 * and given to the Worker as `OUTSCRAPER_URL` (vitest.config.ts), so scrapes the Worker runs on
 * its queues and workflows reach it too. Its places are plumbers around Springfield, IL 62701; a
 * workspace whose Outscraper key is `DOWN_KEY` finds it answering 500 to everything.
 */
import type { TestProject } from "vitest/node";
import { placeZip } from "../../automation/discovery/zip";
import { fakeOutscraperMaps, fakePlaces } from "../../automation/hunting/sources/test/fake-outscraper-maps";

/** Enough places for a few territories' scrapes; few enough that a scrape takes a second. */
const PLACES = 60;
/** Miles around 62701 the places are spread over. */
export const FAKE_OUTSCRAPER_RADIUS = 5;

declare module "vitest" {
  interface ProvidedContext {
    fakeOutscraper: { url: string };
  }
}

export default async function setup(project: TestProject) {
  const fake = await fakeOutscraperMaps(fakePlaces(PLACES, placeZip("62701"), FAKE_OUTSCRAPER_RADIUS));
  project.provide("fakeOutscraper", { url: fake.url });
  return () => fake.close();
}

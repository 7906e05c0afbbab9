/**
 * The demo workspace's business hunting: four territories (a category in a place), two of them
 * scraped from the labelled, fictional sample directory so Businesses, the map and the report
 * have something to show. Runs once; later starts find the Territories table and change nothing.
 */
import type { CreateTerritory } from "../schema/hunting-api";
import { HUNTING_KINDS } from "../schema/hunting-tables";
import { seedThroughApi } from "./seed-api";

const TERRITORIES: (CreateTerritory & { scrape: boolean })[] = [
  { query: "plumber", location: { zip: "78701" }, radiusMiles: 15, priority: 8, scrape: true },
  { query: "bakery", location: { city: "Chicago", state: "IL" }, radiusMiles: 6, priority: 6, scrape: true },
  { query: "hair salon", location: { zip: "80202" }, radiusMiles: 10, priority: 5, scrape: false },
  { query: "roofer", location: { city: "Phoenix", state: "AZ" }, radiusMiles: 20, priority: 3, scrape: false },
];

export function seedDemoHunting(port: number): Promise<void> {
  return seedThroughApi(port, { label: "hunting territories", kind: HUNTING_KINDS.territories }, async (call) => {
    let businesses = 0;
    for (const { scrape, ...territory } of TERRITORIES) {
      const { id } = await call("POST", "/territories", territory);
      if (scrape)
        businesses += Number((await call("POST", `/territories/${id}/scrape`, { source: "sample" })).added ?? 0);
    }
    return `Seeded ${TERRITORIES.length} hunting territories and ${businesses} sample businesses.`;
  });
}

/**
 * The demo workspace's sites: the fallback generator's site for the three best-scored qualified
 * businesses (no Anthropic key is needed), the first of them published at `/s/<slug>/`, so the
 * Sites table, the gallery and a public page with its claim bar have something to show. Runs
 * after the hunting seed, once; later starts find the Sites table and change nothing.
 */
import { SITES_KINDS } from "../schema/sites-tables";
import { seedThroughApi } from "./seed-api";

/** Enough to show a published site and two in review without slowing the first start much (a site takes ~1 s with its screenshots). */
const DEMO_SITES = 3;

type Listed = { rowId: string; name: string; score: number | null };

export function seedDemoSites(port: number): Promise<void> {
  return seedThroughApi(port, { label: "sites", kind: SITES_KINDS.sites }, async (call) => {
    const { rows } = (await call("GET", "/businesses?qualified=true&limit=1000")) as unknown as { rows: Listed[] };
    const best = [...rows].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, DEMO_SITES);
    if (!best.length) return "No qualified business to make a demo site for.";
    const made: string[] = [];
    for (const business of best) {
      const site = await call("POST", "/sites/generate", { businessRowId: business.rowId });
      made.push(String(site.siteId));
    }
    const published = await call("POST", `/sites/${made[0]}/publish`, { confirm: true });
    return `Seeded ${made.length} demo sites; ${best[0]?.name} is published at ${String(published.url)}.`;
  });
}

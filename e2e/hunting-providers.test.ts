/**
 * Business hunting against a provider, as `npm start` runs it with `OUTSCRAPER_URL` pointing at a
 * stand-in: a territory whose first search comes back full is split into tiles until every place
 * is found, emails come from the provider and from owners' answers to reviews, and a provider
 * that refuses the key fails the territory with the reason and writes no business.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../automation/discovery/sources/test-server";
import { placeZip } from "../automation/discovery/zip";
import { fakeOutscraperMaps, fakePlaces, REFUSED_KEY } from "../automation/hunting/sources/test/fake-outscraper-maps";
import type { BusinessListRow, HuntingReport, ScrapeRun, TerritoryRecord } from "../schema/hunting-api";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";

const PLACES = 300;
let outscraper: FakeServer | undefined;
let served: Served | undefined;

beforeAll(async () => {
  outscraper = await fakeOutscraperMaps(fakePlaces(PLACES, placeZip("62701"), 9));
  served = await serve({ env: { OUTSCRAPER_URL: outscraper.url } });
});

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await outscraper?.close();
});

describe("business hunting through Outscraper's stand-in", () => {
  it("tiles a full territory until every place is found, with provider and review emails", async () => {
    const { api, slug } = await Api.account(served!.url);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { outscraperApiKey: "hunting-key" } });
    const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
      query: "plumber",
      location: { zip: "62701" },
      radiusMiles: 10,
    });
    const run = await api.request<ScrapeRun>("POST", `/api/territories/${id}/scrape?${ws}`, { source: "outscraper" });
    expect(run).toMatchObject({ status: "succeeded", source: "outscraper", found: PLACES, added: PLACES });
    expect(run.tiles).toBeGreaterThan(1);
    const searches = outscraper!.requests.filter((r) => r.path === "/maps/search-v3");
    expect(searches.every((r) => r.headers["x-api-key"] === "hunting-key")).toBe(true);
    expect(searches.every((r) => r.url.searchParams.get("enrichment") === "domains_service")).toBe(true);

    const { rows } = await api.request<{ rows: BusinessListRow[] }>(
      "GET",
      `/api/businesses?${ws}&territory=${id}&limit=1000`,
    );
    expect(rows).toHaveLength(PLACES);
    expect(rows.filter((b) => b.emailSource === "provider")).toHaveLength(PLACES / 2);
    const fromReviews = rows.filter((b) => b.emailSource === "review");
    expect(fromReviews.length).toBeGreaterThan(0);
    for (const b of fromReviews) expect(b.email).toMatch(/^owner\d+@/);
    // Outscraper flags every 25th place a chain; no name here is a brand, none repeats.
    expect(rows.filter((b) => b.chain).map((b) => b.chainReason)).toEqual(
      Array.from({ length: PLACES / 25 }, () => "provider: chain"),
    );

    const report = await api.request<HuntingReport>("GET", `/api/hunting/report?${ws}`);
    expect(report.totals).toMatchObject({ businesses: PLACES, tilesSearched: run.tiles, placesFound: PLACES });
  });

  it("fails the territory with the provider's refusal and writes nothing when the key is refused", async () => {
    const { api, slug } = await Api.account(served!.url);
    const ws = `workspace=${slug}`;
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, { secrets: { outscraperApiKey: REFUSED_KEY } });
    const { id } = await api.request<{ id: string }>("POST", `/api/territories?${ws}`, {
      query: "plumber",
      location: { zip: "62701" },
    });
    await expect(api.request("POST", `/api/territories/${id}/scrape?${ws}`, { source: "outscraper" })).rejects.toThrow(
      /: 502 .*Outscraper/,
    );
    const territory = await api.request<TerritoryRecord>("GET", `/api/territories/${id}?${ws}`);
    expect(territory.status).toBe("failed");
    expect(territory.lastError).toMatch(/Outscraper/i);
    expect(territory.lastRun).toMatchObject({ status: "failed" });
    const { rows } = await api.request<{ rows: unknown[] }>("GET", `/api/businesses?${ws}&territory=${id}`);
    expect(rows).toEqual([]);
  });
});

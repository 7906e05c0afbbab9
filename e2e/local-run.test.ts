/**
 * The local server as `npm start` runs it (its own port and state): the Worker's cron triggers
 * fire on their schedules with nothing from outside asking, and a provider stand-in set in the
 * environment (`OUTSCRAPER_URL`) is where the Worker's discovery goes.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, fakeServer } from "../automation/discovery/sources/test-server";
import { type Served, serve } from "../scripts/serve";
import { Api } from "./api";

/** A rule saved now is due at the next whole minute (≤ 60 s), then runs within a few seconds. */
const FIRES_WITHIN_MS = 70_000;

/** A Toyota store 3 miles from the Loop, as Outscraper's Google Maps search describes a place. */
const PLACE = {
  name: "Larkbrook Toyota",
  full_address: "1200 N Commerce Dr, Chicago, IL 60610",
  street: "1200 N Commerce Dr",
  city: "Chicago",
  state: "Illinois",
  postal_code: "60610",
  phone: "+1 312-555-0100",
  site: "https://larkbrook.example/",
  latitude: 41.9,
  longitude: -87.64,
  place_id: "ChIJ-larkbrook",
  category: "Toyota dealer",
  subtypes: "Toyota dealer, Car dealer",
};

let outscraper: FakeServer | undefined;
let served: Served | undefined;

beforeAll(async () => {
  outscraper = await fakeServer(() => ({ json: { id: "r1", status: "Success", data: [[PLACE]] } }));
  served = await serve({ cron: true, env: { OUTSCRAPER_URL: outscraper.url } });
});

afterAll(async () => {
  await served?.stop();
  if (served) rmSync(served.state, { recursive: true, force: true });
  await outscraper?.close();
});

describe("the local server as npm start runs it", () => {
  it("fires a rule scheduled every minute on its own, with no request but reading the run log", async () => {
    const base = served!.url;
    const { api, tableId } = await Api.withTable(base, [{ name: "Dealer" }, { name: "Stage" }], "Follow-ups");
    const { id: rowId } = await api.request<{ id: string }>("POST", `/api/tables/${tableId}/rows`, {
      cells: { Dealer: "Bayou Ford" },
    });
    await api.request("PUT", `/api/tables/${tableId}/triggers/nudge`, {
      name: "Nudge every minute",
      when: '{Dealer} != ""',
      start: { kind: "schedule", cron: "* * * * *" },
      action: { name: "set-fields", params: { fields: { Stage: "Nudged" } } },
    });

    type Run = { ruleId: string; rowId: string; source: string; outcome: string };
    const runs = async () =>
      (await api.request<{ runs: Run[] }>("GET", `/api/tables/${tableId}/triggers/runs`)).runs.map((r) => [
        r.ruleId,
        r.rowId,
        r.source,
        r.outcome,
      ]);
    await expect
      .poll(runs, { timeout: FIRES_WITHIN_MS, interval: 2_000 })
      .toContainEqual(["nudge", rowId, "schedule", "succeeded"]);
  }, 90_000);

  it("sends discovery to the Outscraper stand-in named in its environment", async () => {
    const { api, slug } = await Api.account(served!.url);
    await api.request("PATCH", `/api/workspaces/${slug}/settings`, {
      secrets: { outscraperApiKey: "outscraper-test-key" },
    });
    const { id } = await api.request<{ id: string }>("POST", `/api/projects?workspace=${slug}`, {
      name: "Loop Toyota",
      location: { zip: "60601" },
      radiusMiles: 15,
      makes: ["Toyota"],
      sender: { firstName: "Dana", lastName: "Whitfield", email: "dana@example.org", phone: "(512) 555-0147" },
      message: "Hello {{dealership.name}}",
    });

    const result = await api.request<{ found: number; added: number }>(
      "POST",
      `/api/projects/${id}/discover?workspace=${slug}`,
      { source: "outscraper" },
    );

    expect(outscraper!.requests.map((r) => [r.path, r.headers["x-api-key"]])).toEqual([
      ["/maps/search-v3", "outscraper-test-key"],
    ]);
    expect(outscraper!.requests[0]!.url.searchParams.get("query")).toMatch(/^Toyota dealer near 41\.8/);
    expect(result).toMatchObject({ found: 1, added: 1 });
    const { dealerships } = await api.request<{ dealerships: { name: string }[] }>(
      "GET",
      `/api/projects/${id}/dealerships?workspace=${slug}`,
    );
    expect(dealerships.map((d) => d.name)).toEqual(["Larkbrook Toyota"]);
  });
});

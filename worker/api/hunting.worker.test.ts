import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type {
  BusinessListRow,
  FindEmailResult,
  HuntingReport,
  HuntingSettings,
  ScrapeRun,
  TerritoryRecord,
} from "../../schema/hunting-api";
import type { TableDetail } from "../../schema/tables";
import { EVERY_MINUTE } from "../cron";
import { type Client, call, json, memberWithRole, ownerWithWorkspace } from "../test/http";
import worker from "../test-entry";

/** The Worker's cron handler, as the platform calls it at `at`. */
async function tick(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: EVERY_MINUTE }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const DAY_MS = 86_400_000;

function hunting(client: Client, slug: string) {
  const api = (method: string, path: string, body?: unknown) =>
    call(client, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${slug}`, body);
  const territory = async (body: Record<string, unknown>) => {
    const res = await api("POST", "/territories", body);
    if (res.status !== 201) throw new Error(`territory: ${res.status} ${await res.text()}`);
    return (await json<{ id: string }>(res)).id;
  };
  const read = async (id: string) => json<TerritoryRecord>(await api("GET", `/territories/${id}`));
  const businesses = async (query = "") => {
    const rows: BusinessListRow[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: BusinessListRow[]; nextCursor: string | null } = await json(
        await api("GET", `/businesses?limit=1000${query}${cursor ? `&cursor=${cursor}` : ""}`),
      );
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  };
  return { api, territory, read, businesses };
}

describe("business hunting API", () => {
  it("scrapes a territory from the sample directory into scored, linked rows, then rests it", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const id = await h.territory({ query: "plumber", location: { zip: "78701" }, radiusMiles: 15, priority: 8 });
    expect(await h.read(id)).toMatchObject({ status: "pending", name: "plumber in Austin, TX 78701", priority: 8 });

    const started = Date.now();
    const res = await h.api("POST", `/territories/${id}/scrape`, { source: "sample" });
    expect(res.status).toBe(200);
    const run = await json<ScrapeRun>(res);
    expect(run).toMatchObject({ territoryId: id, source: "sample", status: "succeeded", updated: 0 });
    expect(run.found).toBeGreaterThan(0);
    expect(run.added).toBe(run.found);

    const rows = await h.businesses(`&territory=${id}`);
    expect(rows).toHaveLength(run.found);
    for (const b of rows) {
      expect(b.territories).toEqual([id]);
      expect(b.score).toBe(
        (b.website === "" || b.socialOnly ? 30 : 0) +
          (b.email ? 25 : 0) +
          ((b.rating ?? 0) >= 4.5 ? 20 : 0) +
          ((b.reviews ?? 0) >= 100 ? 15 : 0) +
          (b.chain ? 0 : 10),
      );
      expect(b.qualified).toBe((b.score ?? 0) >= 50);
    }
    const qualified = rows.filter((b) => b.qualified);
    expect(run.qualified).toBe(qualified.length);
    expect(qualified.length).toBeGreaterThan(0);
    // The built-in rule makes qualified businesses qualified leads.
    await expect
      .poll(async () => (await h.businesses(`&territory=${id}&qualified=true`)).map((b) => b.leadStatus), {
        timeout: 10_000,
      })
      .toEqual(qualified.map(() => "qualified"));
    expect(rows.filter((b) => !b.qualified).every((b) => b.leadStatus === "new")).toBe(true);

    const after = await h.read(id);
    expect(after).toMatchObject({ status: "cooldown", found: run.found, new: run.found, qualified: run.qualified });
    expect(after.lastRun?.runId).toBe(run.runId);
    expect(Date.parse(after.cooldownUntil!) - started).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(Date.parse(after.cooldownUntil!) - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);

    // In cooldown: refused with the date, unless an owner forces it; an editor may not.
    const again = await h.api("POST", `/territories/${id}/scrape`, { source: "sample" });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ cooldownUntil: after.cooldownUntil });
    const editor = await memberWithRole(owner, `/api/workspaces/${ws.slug}`, "editor");
    const editorForce = await hunting(editor, ws.slug).api("POST", `/territories/${id}/scrape`, { force: true });
    expect(editorForce.status).toBe(403);
    // Nor may an editor end the cooldown by setting the status back.
    const editorReset = await hunting(editor, ws.slug).api("PATCH", `/territories/${id}`, { status: "pending" });
    expect(editorReset.status).toBe(403);
    expect((await h.read(id)).status).toBe("cooldown");
    const forced = await h.api("POST", `/territories/${id}/scrape`, { source: "sample", force: true });
    expect(forced.status).toBe(200);
    expect(await json(forced)).toMatchObject({ found: run.found, added: 0, updated: 0 });
    expect(await h.businesses(`&territory=${id}`)).toHaveLength(run.found);
    const audit = await json<{ entries: { action: string }[] }>(
      await call(owner, "GET", `/api/workspaces/${ws.slug}/audit`),
    );
    expect(audit.entries.map((e) => e.action)).toContain("territory.scrape-forced");
  });

  it("keeps one row for a business two territories find, linking both, and keeps what people wrote", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const a = await h.territory({ query: "bakery", location: { zip: "60601" }, radiusMiles: 4 });
    const b = await h.territory({ query: "bakery", location: { city: "Chicago", state: "il" }, radiusMiles: 6 });
    const first = await json<ScrapeRun>(await h.api("POST", `/territories/${a}/scrape`, {}));
    const inA = await h.businesses(`&territory=${a}`);
    const tables = await json<{ businesses: string }>(await h.api("GET", "/hunting/tables"));
    const note = inA[0]!;
    const patched = await call(owner, "PATCH", `/api/tables/${tables.businesses}/rows/${note.rowId}`, {
      cells: { Notes: "Called, call back Monday", Email: "owner@personal.test", "Email source": "manual" },
    });
    expect(patched.status).toBe(200);

    const second = await json<ScrapeRun>(await h.api("POST", `/territories/${b}/scrape`, {}));
    const all = await h.businesses();
    const inB = all.filter((row) => row.territories.includes(b));
    expect(inB).toHaveLength(second.found);
    const both = all.filter((row) => row.territories.includes(a) && row.territories.includes(b));
    expect(both.length).toBeGreaterThan(0);
    expect(second.added).toBe(second.found - both.length);
    expect(all).toHaveLength(first.found + second.added);
    expect(new Set(all.map((row) => row.placeId)).size).toBe(all.length);
    const kept = all.find((row) => row.rowId === note.rowId)!;
    expect(kept).toMatchObject({ email: "owner@personal.test", emailSource: "manual" });
  });

  it("takes the next due territory by priority, never one in cooldown, and says when none is due", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const low = await h.territory({ query: "florist", location: { zip: "30303" }, priority: 2 });
    const high = await h.territory({ query: "florist", location: { zip: "98101" }, priority: 9 });
    const next = async () => {
      const res = await h.api("POST", "/territories/scrape-next");
      return res.status === 204 ? null : (await json<{ territoryId: string }>(res)).territoryId;
    };
    expect(await next()).toBe(high);
    expect(await next()).toBe(low);
    expect(await next()).toBeNull();
    expect((await h.read(high)).status).toBe("cooldown");
  });

  it("refuses bad places, keyless providers and broken CSV lines with clear messages, writing nothing", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const bad = async (body: Record<string, unknown>) => {
      const res = await h.api("POST", "/territories", body);
      return { status: res.status, error: (await json<{ error: { message: string } }>(res)).error.message };
    };
    expect(await bad({ query: "plumber", location: { zip: "00000" } })).toEqual({
      status: 400,
      error: "ZIP code 00000 is not a US ZIP code we know",
    });
    expect((await bad({ query: "plumber", location: { city: "Nowhereville", state: "TX" } })).error).toMatch(
      /Nowhereville, TX is not a US city we know/,
    );
    expect((await bad({ query: "", location: { zip: "78701" } })).status).toBe(400);

    const odd = await h.territory({ query: "quantum physicist", location: { zip: "78701" } });
    const unmapped = await h.api("POST", `/territories/${odd}/scrape`, { source: "overpass" });
    expect(unmapped.status).toBe(400);
    expect((await json<{ error: { message: string } }>(unmapped)).error.message).toMatch(
      /OpenStreetMap search does not know the category "quantum physicist": use one of .*plumber/,
    );
    // Asked for by a person, the answer is enough: the territory is left for another source.
    expect(await h.read(odd)).toMatchObject({ status: "pending", lastError: null });
    const unsampled = await h.api("POST", `/territories/${odd}/scrape`, { source: "sample" });
    expect((await json<{ error: { message: string } }>(unsampled)).error.message).toMatch(
      /The sample directory has no "quantum physicist" businesses: use one of plumber, electrician/,
    );

    const id = await h.territory({ query: "plumber", location: { zip: "78701" } });
    const keyless = await h.api("POST", `/territories/${id}/scrape`, { source: "outscraper" });
    expect(keyless.status).toBe(400);
    expect((await json<{ error: { message: string } }>(keyless)).error.message).toMatch(/Outscraper API key/);
    expect((await h.read(id)).status).toBe("pending");

    const csv = [
      "Business Name,Category,Street,City,State,Zip,Phone,Website,Email,Rating,Reviews",
      "Lone Star Rooter,plumber,1 Congress Ave,Austin,TX,78701,512-555-0101,,rooter@lonestar.test,4.8,140",
      ",plumber,2 Congress Ave,Austin,TX,78701,512-555-0102,,,4.1,3",
      "Hill Country Pipes,plumber,3 Congress Ave,Austin,TX,78701,512-555-0103,https://hcpipes.test,,3.9,12",
    ].join("\n");
    const res = await h.api("POST", `/territories/${id}/scrape`, { source: "csv", csv });
    expect(res.status).toBe(200);
    const run = await json<ScrapeRun>(res);
    expect(run).toMatchObject({ source: "csv", found: 2, added: 2 });
    expect(run.problems.join(" ")).toMatch(/line 3/);
    const rows = await h.businesses(`&territory=${id}`);
    const rooter = rows.find((r) => r.name === "Lone Star Rooter")!;
    expect(rooter).toMatchObject({ email: "rooter@lonestar.test", emailSource: "manual", score: 100, qualified: true });
    expect(rows.find((r) => r.name === "Hill Country Pipes")).toMatchObject({ score: 10, qualified: false });
  });

  it("rewrites Score and Qualified when an owner changes lead scoring; editors may not", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const id = await h.territory({ query: "bakery", location: { zip: "60601" }, radiusMiles: 5 });
    await h.api("POST", `/territories/${id}/scrape`, {});
    const before = await h.businesses();
    const put = await h.api("PUT", "/hunting/settings", {
      scoring: {
        weights: { noWebsite: 50, hasEmail: 20, highRating: 10, manyReviews: 10, notChain: 10 },
        minScore: 70,
      },
    });
    expect(put.status).toBe(200);
    expect((await json<HuntingSettings>(put)).scoring.minScore).toBe(70);
    const after = await h.businesses();
    for (const b of after) {
      const expected =
        (b.website === "" || b.socialOnly ? 50 : 0) +
        (b.email ? 20 : 0) +
        ((b.rating ?? 0) >= 4.5 ? 10 : 0) +
        ((b.reviews ?? 0) >= 100 ? 10 : 0) +
        (b.chain ? 0 : 10);
      expect(b.score).toBe(expected);
      expect(b.qualified).toBe(expected >= 70);
    }
    expect(after.map((b) => b.score)).not.toEqual(before.map((b) => b.score));
    // Rewriting the formulas edits no row; the leads a lower bar qualifies are promoted all the same.
    expect((await h.api("PUT", "/hunting/settings", { scoring: { minScore: 30 } })).status).toBe(200);
    const lower = await h.businesses();
    const promoted = lower.filter((b) => b.qualified && !after.find((x) => x.rowId === b.rowId)?.qualified);
    expect(promoted.length).toBeGreaterThan(0);
    for (const b of promoted) expect(b.leadStatus).toBe("qualified");
    const tables = await json<{ businesses: string }>(await h.api("GET", "/hunting/tables"));
    const table = await json<TableDetail>(await call(owner, "GET", `/api/tables/${tables.businesses}`));
    expect(table.columns.find((c) => c.name === "Qualified")?.options.formula).toBe("AND({Score} >= 30)");

    const over = await h.api("PUT", "/hunting/settings", { scoring: { weights: { noWebsite: 90, hasEmail: 90 } } });
    expect(over.status).toBe(400);
    expect((await json<{ error: { message: string } }>(over)).error.message).toMatch(/add up to more than 100/);
    const editor = await memberWithRole(owner, `/api/workspaces/${ws.slug}`, "editor");
    expect((await hunting(editor, ws.slug).api("PUT", "/hunting/settings", { cooldownDays: 1 })).status).toBe(403);

    const report = await json<HuntingReport>(await h.api("GET", "/hunting/report"));
    expect(report.totals.businesses).toBe(lower.length);
    expect(report.totals.qualified).toBe(lower.filter((b) => b.qualified).length);
    expect(report.byCategory[0]?.key).toMatch(/bakery/i);
  });
});

describe("scheduled scraping", () => {
  it("takes the next due territory on the cron when a workspace turns it on, at most once an interval", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const first = await h.territory({ query: "tailor", location: { zip: "02108" }, priority: 9 });
    const second = await h.territory({ query: "tailor", location: { zip: "94103" }, priority: 4 });
    const now = Date.now();
    await tick(now);
    expect((await h.read(first)).status).toBe("pending");

    const put = await h.api("PUT", "/hunting/settings", {
      autoScrape: { enabled: true, everyMinutes: 60, dailyCap: 5 },
    });
    expect(put.status).toBe(200);
    await tick(now);
    await expect.poll(async () => (await h.read(first)).status, { timeout: 10_000 }).toBe("cooldown");
    expect((await h.read(first)).lastRun?.trigger).toBe("schedule");
    await tick(now + 30 * 60_000);
    expect((await h.read(second)).status).toBe("pending");
    await tick(now + 61 * 60_000);
    await expect.poll(async () => (await h.read(second)).status, { timeout: 10_000 }).toBe("cooldown");
  });
});

describe("hunting buttons and email finding", () => {
  it("scrapes from the grid's Scrape button and finds an email on a business's own site", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const id = await h.territory({ query: "tailor", location: { zip: "84101" }, radiusMiles: 0.2 });
    const tables = await json<{ territories: string; businesses: string }>(await h.api("GET", "/hunting/tables"));
    const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${tables.territories}`));
    const scrapeColumn = detail.columns.find((c) => c.options.key === "scrapeNow")!;
    // A circle the sample directory has no tailor in: the scrape succeeds and finds nothing.
    const press = await call(owner, "POST", `/api/tables/${tables.territories}/rows/${id}/buttons/${scrapeColumn.id}`);
    expect(press.status).toBe(202);
    // The territory's row is written before its run's: wait for both.
    await expect.poll(async () => (await h.read(id)).lastRun?.status, { timeout: 10_000 }).toBe("succeeded");
    expect(await h.read(id)).toMatchObject({ status: "exhausted", lastRun: { trigger: "button", found: 0 } });

    const site = `http://127.0.0.1:${inject("hookTarget").port}/site/`;
    const csv = `name,website,zip\nLarkbrook Plumbing,${site},84101`;
    await json(await h.api("POST", `/territories/${id}/scrape`, { source: "csv", csv }));
    const [business] = await h.businesses(`&territory=${id}`);
    expect(business).toMatchObject({ name: "Larkbrook Plumbing", email: "", score: 10 });
    const found = await json<FindEmailResult>(await h.api("POST", `/businesses/${business!.rowId}/find-email`));
    expect(found).toMatchObject({ email: "larkbrook.plumbing@gmail.com", source: "website" });
    expect(found.email && found.page).toMatch(/\/site\/contact\/$/);
    const [after] = await h.businesses(`&territory=${id}`);
    expect(after).toMatchObject({ email: "larkbrook.plumbing@gmail.com", emailSource: "website", score: 35 });
  });

  it("renders a site built by its script in a browser when its HTML holds no address", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const id = await h.territory({ query: "bakery", location: { zip: "84101" } });
    const site = `http://127.0.0.1:${inject("hookTarget").port}/app-site/`;
    await h.api("POST", `/territories/${id}/scrape`, {
      source: "csv",
      csv: `name,website,zip\nQuillmoor Bakery,${site},84101`,
    });
    const [business] = await h.businesses(`&territory=${id}`);
    const found = await json<FindEmailResult>(await h.api("POST", `/businesses/${business!.rowId}/find-email`));
    expect(found).toMatchObject({ email: "hello.quillmoor.bakery@gmail.com", source: "website", page: site });
  }, 60_000);

  it("lets only owners press Scrape again during a cooldown, and records the press", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const h = hunting(owner, ws.slug);
    const id = await h.territory({ query: "locksmith", location: { zip: "10001" } });
    const first = await json<ScrapeRun>(await h.api("POST", `/territories/${id}/scrape`, {}));
    const tables = await json<{ territories: string }>(await h.api("GET", "/hunting/tables"));
    const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${tables.territories}`));
    const again = detail.columns.find((c) => c.options.key === "scrapeAgain")!;
    const scrape = detail.columns.find((c) => c.options.key === "scrapeNow")!;
    const press = (client: Client, column: string) =>
      call(client, "POST", `/api/tables/${tables.territories}/rows/${id}/buttons/${column}`);
    expect((await press(owner, scrape.id)).status).toBe(409);
    const editor = await memberWithRole(owner, `/api/workspaces/${ws.slug}`, "editor");
    const refused = await press(editor, again.id);
    expect(refused.status).toBe(403);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/Only owners/);
    expect((await press(owner, again.id)).status).toBe(202);
    // The press's run is recorded as running (found 0) before it finishes: wait for it to finish.
    const finished = async () => {
      const run = (await h.read(id)).lastRun;
      return run && run.runId !== first.runId && run.status !== "running" ? run : null;
    };
    await expect.poll(finished, { timeout: 10_000 }).not.toBeNull();
    expect(await finished()).toMatchObject({ trigger: "button", status: "succeeded", found: first.found, added: 0 });
    const audit = await json<{ entries: { action: string; target: string }[] }>(
      await call(owner, "GET", `/api/workspaces/${ws.slug}/audit`),
    );
    expect(audit.entries.filter((e) => e.action === "button.pressed").map((e) => e.target)).toEqual([id]);
  });
});

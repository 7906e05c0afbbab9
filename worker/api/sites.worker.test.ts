import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cspProblems } from "../../automation/sites/csp";
import type { BusinessListRow } from "../../schema/hunting-api";
import type { StageRecord } from "../../schema/site-agents";
import type { SiteDetail, SiteList } from "../../schema/sites-api";
import type { TableDetail } from "../../schema/tables";
import { call, json, ORIGIN, ownerWithWorkspace } from "../test/http";

const columnName = (table: TableDetail, id: string) => table.columns.find((c) => c.id === id)?.name;

const HOSTILE = `Joe's </script><script>alert(1)</script> Plumbing`;

describe("sites API", () => {
  it("generates a business's site into review, publishes it with a strict CSP, and takes it down", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const api = (method: string, path: string, body?: unknown) =>
      call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
    const { id } = await json<{ id: string }>(
      await api("POST", "/territories", { query: "plumber", location: { zip: "78701" } }),
    );
    const csv = `name,category,phone,zip,rating,reviews\n"${HOSTILE.replace(/"/g, '""')}",Plumber,(512) 555-0142,78701,4.8,120`;
    expect((await api("POST", `/territories/${id}/scrape`, { source: "csv", csv })).status).toBe(200);
    const { rows } = await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`));
    const business = rows[0]!;

    const generated = await api("POST", "/sites/generate", { businessRowId: business.rowId });
    expect(generated.status).toBe(201);
    const site = await json<{ siteId: string; status: string; slug: string; version: number }>(generated);
    expect(site).toMatchObject({ status: "review", version: 1 });
    // Seen in a browser: screenshots at both sizes and the checks, in the Sites row.
    const tables = await json<{ id: string; name: string }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    const sitesId = tables.find((t) => t.name === "Sites")!.id;
    const sitesTable = await json<TableDetail>(await call(owner, "GET", `/api/tables/${sitesId}`));
    const [row] = (
      await json<{ rows: { cells: Record<string, unknown> }[] }>(
        await call(owner, "GET", `/api/tables/${sitesId}/rows`),
      )
    ).rows;
    const cells = row!.cells as Record<string, { key: string; size: number }[] | string>;
    const byName = (name: string) => cells[Object.keys(cells).find((id) => columnName(sitesTable, id) === name)!];
    expect(byName("Quality")).toMatch(
      /^accessibility ✓ \(axe: no serious or critical\) · Claim bar ✓ · no console errors · \d+\.\d KB · every image described · lang en · LCP \d+ ms \(phone\) · links ✓$/,
    );
    for (const shot of ["Desktop", "Mobile"]) {
      const [file] = byName(shot) as { key: string; size: number }[];
      expect(file!.size).toBeGreaterThan(5_000);
      const image = await call(owner, "GET", `/api/tables/${sitesId}/files/${file!.key}`);
      expect(image.headers.get("content-type")).toBe("image/png");
    }
    expect(site.slug).toMatch(/^joe-s-script-script-alert-1-script-plumbing-[a-z0-9]{6}$/);
    // In review, nothing is public yet.
    expect((await call(owner, "GET", `/s/${site.slug}/`)).status).toBe(404);

    const published = await json<{ status: string; url: string }>(await api("POST", `/sites/${site.siteId}/publish`));
    expect(published.status).toBe("published");
    // The tests set SITES_DOMAIN, so the address is the site's own host (`/s/<slug>/` serves it too).
    expect(published.url).toBe(`https://${site.slug}.sites.rowpilot.test/`);
    const page = await call({}, "GET", `/s/${site.slug}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(cspProblems(csp)).toEqual([]);
    // An opaque origin: the page's script can reach nothing of the app's origin it is served beside.
    expect(csp).toMatch(/; sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox$/);
    expect(csp).not.toMatch(/allow-same-origin/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("set-cookie")).toBeNull();
    const html = await page.text();
    expect(html).toContain("data-claim-bar");
    expect(html).toContain("(512) 555-0142");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("Joe&#39;s &lt;/script&gt;");

    const [business2] = (await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`))).rows;
    expect(business2?.leadStatus).toBe("site generated");

    // The claim bar's form: refused with the reason, then recorded and the business marked.
    expect(html).toMatch(/href="(\/s\/[^"]+\/)?claim"/);
    const form = await call({}, "GET", `/s/${site.slug}/claim`);
    expect(form.status).toBe(200);
    expect(form.headers.get("content-security-policy")).toMatch(/form-action 'self'/);
    const claim = (fields: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}/s/${site.slug}/claim`, { method: "POST", body: new URLSearchParams(fields) });
    const bad = await claim({ name: "Joe", email: "not an email" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Please give an email address we can reach you at");
    const good = await claim({ name: "Joe Ruiz", email: "joe@ruizplumbing.com", phone: "512-555-0142" });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Thank you, Joe Ruiz");
    const [claimed] = (await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`))).rows;
    expect(claimed?.leadStatus).toBe("claimed");
    const claimsId = (
      await json<{ id: string; name: string }[]>(await call(owner, "GET", `/api/tables?workspace=${ws.slug}`))
    ).find((t) => t.name === "Claims")!.id;
    const claims = await json<{ rows: { cells: Record<string, unknown> }[] }>(
      await call(owner, "GET", `/api/tables/${claimsId}/rows`),
    );
    expect(claims.rows.map((r) => Object.values(r.cells))).toEqual([
      expect.arrayContaining(["Joe Ruiz", "joe@ruizplumbing.com", [site.siteId], [business.rowId]]),
    ]);
    expect((await api("POST", `/sites/${site.siteId}/unpublish`)).status).toBe(200);
    expect((await call({}, "GET", `/s/${site.slug}/`)).status).toBe(404);
    const listed = await json<{ sites: { id: string; status: string }[] }>(await api("GET", "/sites"));
    expect(listed.sites).toEqual([expect.objectContaining({ id: site.siteId, status: "review" })]);

    // Styles and fonts from a host the workspace allows, once it is published again; scripts never.
    expect(csp).toMatch(/font-src 'self';/);
    expect((await api("PATCH", "/sites/settings", { allowedHosts: ["fonts.example.com"] })).status).toBe(200);
    expect((await api("POST", `/sites/${site.siteId}/publish`)).status).toBe(200);
    const allowed = (await call({}, "GET", `/s/${site.slug}/`)).headers.get("content-security-policy") ?? "";
    expect(allowed).toMatch(/style-src [^;]*https:\/\/fonts\.example\.com/);
    expect(allowed).toMatch(/font-src [^;]*https:\/\/fonts\.example\.com/);
    expect(allowed).not.toMatch(/script-src [^;]*fonts\.example\.com/);
    expect(cspProblems(allowed)).toEqual([]);
  }, 60_000);

  it("never lets a site publish over, or take down, another workspace's page by editing its Slug", async () => {
    const workspaceWithSite = async (zip: string) => {
      const { owner, ws } = await ownerWithWorkspace();
      const api = (method: string, path: string, body?: unknown) =>
        call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
      const { id } = await json<{ id: string }>(
        await api("POST", "/territories", { query: "bakery", location: { zip }, radiusMiles: 2 }),
      );
      await api("POST", `/territories/${id}/scrape`, {});
      const { rows } = await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`));
      const site = await json<{ siteId: string; slug: string }>(
        await api("POST", "/sites/generate", { businessRowId: rows[0]!.rowId }),
      );
      const tables = await json<{ id: string; name: string }[]>(await api("GET", "/tables"));
      return { owner, api, site, name: rows[0]!.name, sitesId: tables.find((t) => t.name === "Sites")!.id };
    };
    const a = await workspaceWithSite("60601");
    const b = await workspaceWithSite("78701");
    expect((await b.api("POST", `/sites/${b.site.siteId}/publish`)).status).toBe(200);
    const slug = (value: string) =>
      call(a.owner, "PATCH", `/api/tables/${a.sitesId}/rows/${a.site.siteId}`, { cells: { Slug: value } });
    expect((await slug(b.site.slug)).status).toBe(200);
    const publish = await a.api("POST", `/sites/${a.site.siteId}/publish`, { confirm: true });
    expect(publish.status).toBe(409);
    expect(await publish.text()).toContain(`Another site is published at /s/${b.site.slug}/`);
    expect((await a.api("POST", `/sites/${a.site.siteId}/unpublish`)).status).toBe(409);
    const page = await call({}, "GET", `/s/${b.site.slug}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(b.name.replace(/&/g, "&amp;").replace(/'/g, "&#39;"));
    expect((await slug("../../b")).status).toBe(200);
    expect((await a.api("POST", `/sites/${a.site.siteId}/publish`, { confirm: true })).status).toBe(400);
  }, 60_000);

  it("generates from the Businesses grid's Generate site button, a new version each time", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const api = (method: string, path: string, body?: unknown) =>
      call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
    const { id } = await json<{ id: string }>(
      await api("POST", "/territories", { query: "bakery", location: { zip: "60601" }, radiusMiles: 2 }),
    );
    await api("POST", `/territories/${id}/scrape`, {});
    const { rows } = await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`));
    const tables = await json<{ businesses: string }>(await api("GET", "/hunting/tables"));
    const detail = await json<TableDetail>(await call(owner, "GET", `/api/tables/${tables.businesses}`));
    const button = detail.columns.find((c) => c.options.key === "generateSite")!;
    const press = () =>
      call(owner, "POST", `/api/tables/${tables.businesses}/rows/${rows[0]!.rowId}/buttons/${button.id}`);
    expect((await press()).status).toBe(202);
    const version = async () =>
      (await json<{ sites: { version: number }[] }>(await api("GET", "/sites"))).sites[0]?.version ?? 0;
    await expect.poll(version, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await press()).status, { timeout: 20_000 }).toBe(202);
    await expect.poll(version, { timeout: 20_000 }).toBe(2);
  }, 60_000);

  it("gives the gallery its cards, filters, screenshots, stage timeline and the agent at work", async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const api = (method: string, path: string, body?: unknown) =>
      call(owner, method, `/api${path}${path.includes("?") ? "&" : "?"}workspace=${ws.slug}`, body);
    const { id } = await json<{ id: string }>(
      await api("POST", "/territories", { query: "plumber", location: { zip: "78701" } }),
    );
    const csv =
      "name,category,phone,city,zip,rating,reviews\nRuiz Plumbing,Plumber,(512) 555-0142,Austin,78701,4.8,120";
    await api("POST", `/territories/${id}/scrape`, { source: "csv", csv });
    const [business] = (await json<{ rows: BusinessListRow[] }>(await api("GET", `/businesses?territory=${id}`))).rows;
    const { siteId, slug } = await json<{ siteId: string; slug: string }>(
      await api("POST", "/sites/generate", { businessRowId: business!.rowId }),
    );

    const detail = await json<SiteDetail>(await api("GET", `/sites/${siteId}`));
    expect(detail).toMatchObject({
      id: siteId,
      businessRowId: business!.rowId,
      slug,
      url: null,
      status: "review",
      version: 1,
      fallback: true,
      stages: [],
      running: null,
      published: null,
      error: null,
      business: { name: "Ruiz Plumbing", category: "Plumber", city: "Austin" },
    });
    expect(detail.vibe).toMatch(/\w/);
    expect(detail.generated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(detail.quality).toMatch(/Claim bar ✓/);
    for (const url of [detail.screenshots.desktop, detail.screenshots.mobile]) {
      const image = await call(owner, "GET", url!);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/png");
    }

    const list = (query: string) => api("GET", `/sites${query}`).then((res) => json<SiteList>(res));
    const all = await list("");
    expect(all.sites).toEqual([
      expect.objectContaining({
        id: siteId,
        businessName: "Ruiz Plumbing",
        status: "review",
        fallback: true,
        vibe: detail.vibe,
        screenshot: detail.screenshots.desktop,
        version: 1,
        running: null,
      }),
    ]);
    expect(all.facets).toEqual({ status: { review: 1 }, vibe: { [detail.vibe!]: 1 } });
    expect((await list("?status=review")).sites.map((s) => s.id)).toEqual([siteId]);
    expect((await list("?status=published")).sites).toEqual([]);
    expect((await list(`?vibe=${detail.vibe}&status=`)).sites.map((s) => s.id)).toEqual([siteId]);
    expect((await list("?vibe=no-such-vibe")).sites).toEqual([]);
    expect((await list("?vibe=no-such-vibe")).facets.status).toEqual({ review: 1 });
    const bogus = await api("GET", "/sites?status=bogus");
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toMatch(/status/);

    const published = await json<SiteDetail>(await api("POST", `/sites/${siteId}/publish`));
    expect(published.status).toBe("published");
    expect(await json<SiteDetail>(await api("GET", `/sites/${siteId}`))).toMatchObject({
      status: "published",
      // The tests run with SITES_DOMAIN set (vitest.config.ts): a published site is on its own host.
      url: `https://${slug}.sites.rowpilot.test/`,
      published: expect.stringMatching(/^\d{4}-/),
    });

    // A version the agents made: its stages.json is the timeline, one entry an agent.
    const record = (stage: StageRecord["stage"], status: StageRecord["status"], error: string | null) => ({
      stage,
      status,
      input: { system: "", user: "" },
      output: null,
      model: "claude-sonnet-5-5",
      usage: { inputTokens: 1200, outputTokens: 630, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 },
      costUsd: 0.0126,
      durationMs: 4200,
      attempts: 1,
      error,
    });
    await env.FILES.put(
      `sites/${ws.id}/${siteId}/v1/stages.json`,
      JSON.stringify([record("analyst", "complete", null), record("concept", "failed", "refused twice")]),
    );
    expect((await json<SiteDetail>(await api("GET", `/sites/${siteId}`))).stages).toEqual([
      {
        name: "analyst",
        status: "complete",
        model: "claude-sonnet-5-5",
        ms: 4200,
        tokens: 1830,
        costUsd: 0.0126,
        error: null,
        batch: false,
        repair: false,
      },
      {
        name: "concept",
        status: "failed",
        model: "claude-sonnet-5-5",
        ms: 4200,
        tokens: 1830,
        costUsd: 0.0126,
        error: "refused twice",
        batch: false,
        repair: false,
      },
    ]);

    // While a stage runs, its row says so and the API names the agent.
    const tables = await json<{ id: string; name: string }[]>(
      await call(owner, "GET", `/api/tables?workspace=${ws.slug}`),
    );
    const sitesId = tables.find((t) => t.name === "Sites")!.id;
    const running = await call(owner, "PATCH", `/api/tables/${sitesId}/rows/${siteId}`, {
      cells: { Status: "generating", Stages: "Art Director: running…" },
    });
    expect(running.status).toBe(200);
    expect((await json<SiteDetail>(await api("GET", `/sites/${siteId}`))).running).toBe("artDirector");
    expect((await list("?status=generating")).sites).toEqual([
      expect.objectContaining({ id: siteId, running: "artDirector" }),
    ]);
  }, 60_000);
});

import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { cspProblems } from "../../automation/sites/csp";
import { getDb } from "../db";
import { findHunting } from "../hunting/tables";
import { byKey } from "../kinds/tables";
import { versionKey } from "../sites/generate";
import { publishedSiteUrl } from "../sites/host";
import { findSites } from "../sites/tables";
import { json } from "../test/http";
import { siteCells, workspaceWithRosa } from "../test/sites";

type Version = {
  version: number;
  generated: string;
  fallback: boolean | null;
  vibe: string | null;
  bytes: number;
  quality: { summary: string; findings: string[] } | null;
};
const test = { kind: "automation" as const, job: "test" };

describe("site versions", () => {
  it("lists a site's versions and restores one as a new version in review, leaving the published page alone", async () => {
    const { api, ws, business, owner } = await workspaceWithRosa();
    const generate = async () =>
      json<{ siteId: string; slug: string; version: number }>(
        await api("POST", "/sites/generate", { businessRowId: business.rowId }),
      );
    const { siteId, slug } = await generate();
    const db = getDb(env.DB);
    const h = (await findHunting(env, db, ws.id))!;
    await h.businesses.room.patchRow(business.rowId, byKey(h.businesses, { name: "Rosa's Cocina" }), test);
    expect((await generate()).version).toBe(2);
    // Version 2 has no findings, so it publishes without a confirmation.
    expect((await api("POST", `/sites/${siteId}/publish`)).status).toBe(200);

    const listed = await json<{ versions: Version[] }>(await api("GET", `/sites/${siteId}/versions`));
    expect(listed.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(listed.versions[1]).toEqual({
      version: 1,
      generated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      fallback: true,
      vibe: expect.any(String),
      bytes: expect.any(Number),
      quality: {
        summary: expect.stringMatching(/^accessibility ✓ .* · LCP \d+ ms \(phone\) · links ✓$/),
        findings: [],
      },
    });
    expect(listed.versions[1]!.bytes).toBeGreaterThan(2_000);

    expect((await api("POST", `/sites/${siteId}/restore`, { version: 7 })).status).toBe(404);
    expect((await api("POST", `/sites/${siteId}/restore`, { version: "one" })).status).toBe(400);
    const restored = await api("POST", `/sites/${siteId}/restore`, { version: 1 });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ status: "review", version: 3 });
    const page = (v: number) => env.FILES.get(versionKey(ws.id, siteId, v)).then((f) => f!.text());
    expect(await page(3)).toBe(await page(1));
    expect(await page(3)).toMatch(/Rosa(&#39;|')s Taquería/);
    const cells = await siteCells(owner, ws.slug);
    expect(cells).toMatchObject({ Status: "review", Version: 3, Fallback: true, Error: null });
    expect(cells.Quality).toBe(listed.versions[1]!.quality!.summary);
    expect(cells.Desktop).toEqual([expect.objectContaining({ name: "v3-desktop.png", size: expect.any(Number) })]);
    expect(cells.Mobile).toEqual([expect.objectContaining({ name: "v3-mobile.png" })]);

    // The public page is still version 2 until someone publishes again.
    const live = await (await SELF.fetch(`http://rowpilot.test/s/${slug}/`)).text();
    expect(live).toMatch(/Rosa(&#39;|')s Cocina/);
    const again = await json<{ versions: Version[] }>(await api("GET", `/sites/${siteId}/versions`));
    expect(again.versions.map((v) => [v.version, v.quality?.summary])).toEqual([
      [3, cells.Quality],
      [2, expect.any(String)],
      [1, cells.Quality],
    ]);

    const sites = (await findSites(env, db, ws.id))!;
    await sites.room.patchRow(siteId, byKey(sites, { status: "generating" }), test);
    const busy = await api("POST", `/sites/${siteId}/restore`, { version: 2 });
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ error: { message: expect.stringMatching(/being generated/) } });
  }, 90_000);
});

describe("sites on their own host (SITES_DOMAIN)", () => {
  const onHost = (host: string, path: string, init: RequestInit = {}) =>
    SELF.fetch(`http://${host}${path}`, { ...init, headers: { host, ...init.headers }, redirect: "manual" });

  it("serves the published site at <slug>.<SITES_DOMAIN>, its claim form at /claim, and nothing of the app", async () => {
    const { api, business } = await workspaceWithRosa();
    const { siteId, slug } = await json<{ siteId: string; slug: string }>(
      await api("POST", "/sites/generate", { businessRowId: business.rowId }),
    );
    const host = `${slug}.sites.rowpilot.test`;
    expect((await onHost(host, "/")).status).toBe(404);
    const published = await json<{ url: string }>(await api("POST", `/sites/${siteId}/publish`));
    expect(published.url).toBe(`https://${host}/`);
    const local = { APP_URL: "http://localhost:8787", SITES_DOMAIN: "localhost" };
    expect(publishedSiteUrl(local, slug)).toBe(`http://${slug}.localhost:8787/`);

    const page = await onHost(host, "/");
    expect(page.status).toBe(200);
    const byPath = await SELF.fetch(`http://rowpilot.test/s/${slug}/`);
    expect(await page.text()).toBe(await byPath.text());
    expect(cspProblems(page.headers.get("content-security-policy") ?? "")).toEqual([]);
    expect(page.headers.get("set-cookie")).toBeNull();

    const form = await onHost(host, "/claim");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Claim this site");
    const claim = await onHost(host, "/claim", {
      method: "POST",
      body: new URLSearchParams({ name: "Rosa Díaz", email: "rosa@example.com" }),
    });
    expect(claim.status).toBe(200);
    expect(await claim.text()).toContain("Thank you, Rosa Díaz");
    // The claim bar of a page published before the domain was set links to the path form.
    const old = await onHost(host, `/s/${slug}/claim`);
    expect([old.status, old.headers.get("location")]).toEqual([301, "/claim"]);

    for (const [method, path] of [
      ["GET", "/api/me"],
      ["POST", "/api/auth/sign-up/email"],
      ["GET", "/sign-in"],
      ["GET", `/s/${slug}/`],
      ["GET", "/sync/anything"],
      ["GET", "/index.html"],
    ] as const) {
      const body =
        method === "POST"
          ? JSON.stringify({ name: "X", email: "x@example.com", password: "a long password" })
          : undefined;
      const res = await onHost(host, path, { method, body, headers: { "content-type": "application/json" } });
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
      expect(await res.text()).toContain("No site is published at this address.");
    }
    expect((await onHost("no-such-site.sites.rowpilot.test", "/")).status).toBe(404);
  }, 90_000);
});

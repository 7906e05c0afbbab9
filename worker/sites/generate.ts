/**
 * Generating, publishing and unpublishing a business's site. Generation makes a new version from
 * the business's row: the deterministic fallback generator (the four Claude agents are wired in
 * later), stored in R2 under the site's id, the Sites row going to review. Publishing copies the
 * version to the site's public address (`/s/<slug>/`), which the Worker serves with a strict CSP;
 * unpublishing takes it down. A person publishes; nothing publishes on its own.
 */
import { slug as slugOf } from "../../automation/discovery/sources/sample";
import { fallbackSite } from "../../automation/sites/fallback";
import { SiteFacts } from "../../schema/sites";
import type { RowRecord } from "../../schema/tables";
import { getDb } from "../db";
import { knownBusiness } from "../hunting/businesses";
import { HuntingMissingError } from "../hunting/errors";
import type { Hunting } from "../hunting/tables";
import { byKey, reader, type TableHandle } from "../kinds/tables";
import { ensureSites } from "./tables";

const origin = { kind: "automation" as const, job: "sites" };

export type SiteRecord = {
  id: string;
  businessRowId: string | null;
  slug: string;
  status: string;
  version: number;
  fallback: boolean;
  url: string | null;
};

export function siteRecord(sites: TableHandle, row: RowRecord): SiteRecord {
  const r = reader(sites, row.cells);
  return {
    id: row.id,
    businessRowId: r.list("business")[0] ?? null,
    slug: r.text("slug"),
    status: r.text("status") || "queued",
    version: r.number("version") ?? 0,
    fallback: r.get("fallback") === true,
    url: r.text("url") || null,
  };
}

/** Where a version's page and a published page are kept in R2. */
export const versionKey = (workspaceId: string, siteId: string, version: number) =>
  `sites/${workspaceId}/${siteId}/v${version}/index.html`;
export const publicKey = (slug: string) => `sites/public/${slug}/index.html`;

/** The facts a site is made from, read from the business's row. */
function factsOf(h: Hunting, row: RowRecord, slug: string): SiteFacts {
  const b = knownBusiness(h.businesses, row);
  return SiteFacts.parse({
    name: b.name.slice(0, 200),
    category: b.category.slice(0, 120),
    address: b.address.slice(0, 300),
    city: b.city.slice(0, 120),
    state: b.state.slice(0, 60),
    zip: b.zip.slice(0, 20),
    phone: b.phone.slice(0, 40),
    website: b.website.slice(0, 500),
    email: b.email.slice(0, 254),
    rating: b.rating,
    reviewCount: b.reviews,
    mapsUrl: b.mapsUrl.slice(0, 1000),
    claimUrl: `/s/${slug}/claim`,
  });
}

async function siteOfBusiness(sites: TableHandle, businessRowId: string): Promise<RowRecord | null> {
  const link = sites.keys.business;
  if (!link) return null;
  const { rows } = await sites.room.queryRows({
    filters: [{ columnId: link, op: "contains", value: businessRowId }],
    sort: [],
    limit: 10,
    offset: 0,
  });
  return rows.find((row) => reader(sites, row.cells).list("business").includes(businessRowId)) ?? null;
}

/** A new version of the business's site, in review. */
export async function generateSite(
  env: Env,
  h: Hunting,
  businessRowId: string,
  createdBy: string | null,
): Promise<SiteRecord> {
  const [business] = await h.businesses.room.readRows([businessRowId]);
  if (!business) throw new HuntingMissingError("Business not found");
  const sites = await ensureSites(env, getDb(env.DB), h.workspaceId, createdBy, h.ids.businesses);
  let row = await siteOfBusiness(sites, businessRowId);
  if (!row) {
    const name = reader(h.businesses, business.cells).text("name");
    const slug = `${slugOf(name).slice(0, 48) || "site"}-${businessRowId.slice(-6).toLowerCase()}`;
    const inserted = await sites.room.insertRows(
      [byKey(sites, { business: [businessRowId], slug, status: "queued", version: 0 })],
      origin,
    );
    if (!inserted.ok) throw new Error(inserted.message);
    row = (await sites.room.readRows(inserted.value))[0] ?? null;
  }
  if (!row) throw new Error("The new Sites row cannot be read back");
  const site = siteRecord(sites, row);
  const version = site.version + 1;
  const page = fallbackSite(factsOf(h, business, site.slug));
  await env.FILES.put(versionKey(h.workspaceId, site.id, version), page.html, {
    httpMetadata: { contentType: "text/html; charset=utf-8" },
  });
  const written = await sites.room.patchRow(
    site.id,
    byKey(sites, {
      status: "review",
      version,
      fallback: true,
      vibe: page.vibe,
      template: page.template,
      generated: new Date().toISOString(),
      error: null,
    }),
    origin,
  );
  if (!written.ok) throw new Error(written.message);
  await h.businesses.room.patchRow(businessRowId, byKey(h.businesses, { leadStatus: "site generated" }), origin);
  return siteRecord(sites, written.value);
}

export async function publishSite(
  env: Env,
  workspaceId: string,
  sites: TableHandle,
  siteId: string,
): Promise<SiteRecord> {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  const page = site.version ? await env.FILES.get(versionKey(workspaceId, site.id, site.version)) : null;
  if (!page) throw new HuntingMissingError("This site has no generated version to publish yet");
  await env.FILES.put(publicKey(site.slug), await page.text(), {
    httpMetadata: { contentType: "text/html; charset=utf-8" },
  });
  const cells = { status: "published", url: `${env.APP_URL}/s/${site.slug}/`, published: new Date().toISOString() };
  const written = await sites.room.patchRow(site.id, byKey(sites, cells), origin);
  if (!written.ok) throw new Error(written.message);
  return siteRecord(sites, written.value);
}

export async function unpublishSite(env: Env, sites: TableHandle, siteId: string): Promise<SiteRecord> {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  await env.FILES.delete(publicKey(site.slug));
  const written = await sites.room.patchRow(site.id, byKey(sites, { status: "review", url: null }), origin);
  if (!written.ok) throw new Error(written.message);
  return siteRecord(sites, written.value);
}

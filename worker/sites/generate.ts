/**
 * Generating, publishing and unpublishing a business's site. Generation makes a new version from
 * the business's row (the four Claude agents with the workspace's key, else the deterministic
 * fallback generator), stored in R2 under the site's id, the Sites row going to review. Publishing copies the
 * version to the site's public address (`/s/<slug>/`), which the Worker serves with a strict CSP;
 * unpublishing takes it down. A person publishes; nothing publishes on its own.
 */

import { slug as slugOf } from "../../automation/discovery/sources/sample";
import { fallbackSite } from "../../automation/sites/fallback";
import type { SiteAgent } from "../../schema/site-agents";
import { SiteFacts } from "../../schema/sites";
import { isBusySite } from "../../schema/sites-api";
import type { RowRecord } from "../../schema/tables";
import { readWorkspaceSecret } from "../api/settings";
import { getDb } from "../db";
import { knownBusiness } from "../hunting/businesses";
import { HuntingMissingError } from "../hunting/errors";
import type { Hunting } from "../hunting/tables";
import { byKey, reader, type TableHandle } from "../kinds/tables";
import { publishedSiteUrl } from "./host";
import type { SiteJob } from "./jobs";
import { countPublished } from "./prompts/success";
import type { SiteQuality } from "./quality";
import { assertPublishable, seeVersion } from "./quality-store";
import { readSiteSettings } from "./settings";
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
  /** Why the last generation fell back or failed. */
  error: string | null;
  /** One line a stage of the last generation by the agents. */
  stages: string | null;
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
    error: r.text("error") || null,
    stages: r.text("stages") || null,
  };
}

/** Where a version's page and a published page are kept in R2. */
export const versionKey = (workspaceId: string, siteId: string, version: number) =>
  `sites/${workspaceId}/${siteId}/v${version}/index.html`;
export const publicKey = (slug: string) => `sites/public/${slug}/index.html`;

/** The facts a site is made from, read from the business's row. */
export function factsOf(h: Hunting, row: RowRecord, slug: string): SiteFacts {
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

export async function siteOfBusiness(sites: TableHandle, businessRowId: string): Promise<RowRecord | null> {
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

/** The business's Sites row, made (with its slug) the first time. */
async function siteRowFor(
  sites: TableHandle,
  h: Hunting,
  business: RowRecord,
): Promise<{ site: SiteRecord; created: boolean }> {
  const existing = await siteOfBusiness(sites, business.id);
  if (existing) return { site: siteRecord(sites, existing), created: false };
  const name = reader(h.businesses, business.cells).text("name");
  const slug = `${slugOf(name).slice(0, 48) || "site"}-${business.id.slice(-6).toLowerCase()}`;
  const inserted = await sites.room.insertRows(
    [byKey(sites, { business: [business.id], slug, status: "queued", version: 0 })],
    origin,
  );
  if (!inserted.ok) throw new Error(inserted.message);
  const [row] = await sites.room.readRows(inserted.value);
  if (!row) throw new Error("The new Sites row cannot be read back");
  return { site: siteRecord(sites, row), created: true };
}

/**
 * A new version of the business's site. With the workspace's Anthropic key the four agents make
 * it on the `generate-jobs` queue (the row says queued, then generating); without one the
 * fallback generator makes it at once. Either way it ends in review.
 */
export async function generateSite(
  env: Env,
  h: Hunting,
  businessRowId: string,
  createdBy: string | null,
  /** A prompt variant to use (the agents only; the fallback generator has no prompts). */
  variant?: string,
): Promise<SiteRecord> {
  const [business] = await h.businesses.room.readRows([businessRowId]);
  if (!business) throw new HuntingMissingError("Business not found");
  const db = getDb(env.DB);
  const sites = await ensureSites(env, db, h.workspaceId, createdBy, h.ids.businesses);
  const { site, created } = await siteRowFor(sites, h, business);
  if (!created) refuseWhileBusy(site);
  if (await readWorkspaceSecret(env, db, h.workspaceId, "anthropicApiKey")) {
    const job: SiteJob = {
      kind: "site",
      workspaceId: h.workspaceId,
      huntingIds: h.ids,
      siteId: site.id,
      businessRowId,
      ...(variant ? { variant } : {}),
    };
    const written = await sites.room.patchRow(site.id, byKey(sites, { status: "queued", error: null }), origin);
    if (!written.ok) throw new Error(written.message);
    await env.GENERATE_QUEUE.send(job);
    return siteRecord(sites, written.value);
  }
  return storeVersion(env, h, sites, site, business, { page: fallbackPage(h, business, site.slug), fallback: true });
}

/**
 * Runs `from` and the stages after it again with the agents, reusing the earlier stages of the
 * last version (the row goes back to queued). Needs the workspace's Anthropic key.
 */
export async function regenerateSite(env: Env, h: Hunting, sites: TableHandle, siteId: string, from: SiteAgent) {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  if (!site.businessRowId) throw new SiteInputError("This site belongs to no business");
  if (!(await readWorkspaceSecret(env, getDb(env.DB), h.workspaceId, "anthropicApiKey")))
    throw new SiteInputError(
      "Regenerating a stage needs an Anthropic API key in Settings; Generate makes a new fallback version",
    );
  if (isBusySite(site.status)) throw new SiteBusyError("This site is being generated already");
  const job: SiteJob = {
    kind: "site",
    workspaceId: h.workspaceId,
    huntingIds: h.ids,
    siteId,
    businessRowId: site.businessRowId,
    from,
  };
  const written = await sites.room.patchRow(siteId, byKey(sites, { status: "queued", error: null }), origin);
  if (!written.ok) throw new Error(written.message);
  await env.GENERATE_QUEUE.send(job);
  return siteRecord(sites, written.value);
}

/** Publishing or generating while a version is being made would lose one of them. */
function refuseWhileBusy(site: SiteRecord): void {
  if (isBusySite(site.status)) throw new SiteBusyError("This site is being generated: wait for its new version");
}

/** The addresses a slug may take (the Slug cell is editable; `/s/<slug>/` serves only these). */
export const SITE_SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * Whether the site may use its slug's public address: a well-formed slug whose published page, if
 * any, is this site's. The Slug cell can be edited, so without this an editor could publish over
 * (or take down) another site's page, another workspace's included. True when a page of its own is there.
 */
async function claimPublicAddress(env: Env, workspaceId: string, site: SiteRecord): Promise<boolean> {
  if (!SITE_SLUG.test(site.slug))
    throw new SiteInputError(
      "The Slug must be lowercase letters, digits and hyphens (up to 81), starting with a letter or digit",
    );
  const there = await env.FILES.head(publicKey(site.slug));
  if (!there) return false;
  const owner = there.customMetadata ?? {};
  if (owner.workspaceId !== workspaceId || owner.siteId !== site.id)
    throw new SiteBusyError(`Another site is published at /s/${site.slug}/: choose another Slug`);
  return true;
}

/** A request the site cannot take (no key, no business). */
export class SiteInputError extends Error {}
/** The site is being generated already. */
export class SiteBusyError extends Error {}

/** The fallback generator's page for the business. */
export function fallbackPage(h: Hunting, business: RowRecord, slug: string) {
  const page = fallbackSite(factsOf(h, business, slug));
  return { html: page.html, vibe: page.vibe, template: page.template };
}

/** Stores a new version of the site and puts its row in review, the business marked "site generated". */
export async function storeVersion(
  env: Env,
  h: Hunting,
  sites: TableHandle,
  site: SiteRecord,
  business: RowRecord,
  made: {
    page: { html: string; vibe: string; template: string };
    fallback: boolean;
    error?: string;
    stages?: string;
    /** The page's screenshots and report when the caller checked it already (the repair pass). */
    checked?: SiteQuality;
  },
): Promise<SiteRecord> {
  const [now] = await sites.room.readRows([site.id]);
  const version = (now ? siteRecord(sites, now).version : site.version) + 1;
  await env.FILES.put(versionKey(h.workspaceId, site.id, version), made.page.html, {
    httpMetadata: { contentType: "text/html; charset=utf-8" },
    // What the versions list shows without opening each page.
    customMetadata: { fallback: String(made.fallback), vibe: made.page.vibe, template: made.page.template },
  });
  const at = { workspaceId: h.workspaceId, sites, siteId: site.id, version };
  const seen = await seeVersion(env, at, made.page.html, made.checked);
  const written = await sites.room.patchRow(
    site.id,
    byKey(sites, {
      ...seen,
      status: "review",
      version,
      fallback: made.fallback,
      vibe: made.page.vibe,
      template: made.page.template,
      generated: new Date().toISOString(),
      error: made.error ?? null,
      stages: made.stages ?? null,
    }),
    origin,
  );
  if (!written.ok) throw new Error(written.message);
  await h.businesses.room.patchRow(business.id, byKey(h.businesses, { leadStatus: "site generated" }), origin);
  return siteRecord(sites, written.value);
}

export async function publishSite(
  env: Env,
  workspaceId: string,
  sites: TableHandle,
  siteId: string,
  /** A person saw the version's quality findings (of `version`, when given) and publishes it anyway. */
  { confirm = false, version }: { confirm?: boolean; version?: number } = {},
): Promise<SiteRecord> {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  refuseWhileBusy(site);
  if (version !== undefined && version !== site.version)
    throw new SiteBusyError(`Version ${site.version} replaced the version ${version} you reviewed: review it first`);
  await claimPublicAddress(env, workspaceId, site);
  const page = site.version ? await env.FILES.get(versionKey(workspaceId, site.id, site.version)) : null;
  if (!page) throw new HuntingMissingError("This site has no generated version to publish yet");
  await assertPublishable(env, workspaceId, site.id, site.version, confirm);
  await env.FILES.put(publicKey(site.slug), await page.text(), {
    httpMetadata: { contentType: "text/html; charset=utf-8" },
    // Whose site it is, for its claim form (the public address carries only the slug), and the
    // hosts the workspace allows its styles and fonts from when it was published.
    customMetadata: { workspaceId, siteId: site.id, allowedHosts: (await allowedHostsOf(env, workspaceId)).join(" ") },
  });
  const cells = { status: "published", url: publishedSiteUrl(env, site.slug), published: new Date().toISOString() };
  const written = await sites.room.patchRow(site.id, byKey(sites, cells), origin);
  if (!written.ok) throw new Error(written.message);
  await countPublished(env, workspaceId, site);
  return siteRecord(sites, written.value);
}

/** The workspace's allowlisted style and font hosts (site settings), for a published page's CSP. */
async function allowedHostsOf(env: Env, workspaceId: string): Promise<string[]> {
  return (await readSiteSettings(getDb(env.DB), workspaceId)).allowedHosts;
}

export async function unpublishSite(
  env: Env,
  workspaceId: string,
  sites: TableHandle,
  siteId: string,
): Promise<SiteRecord> {
  const [row] = await sites.room.readRows([siteId]);
  if (!row) throw new HuntingMissingError("Site not found");
  const site = siteRecord(sites, row);
  refuseWhileBusy(site);
  if (await claimPublicAddress(env, workspaceId, site)) await env.FILES.delete(publicKey(site.slug));
  const written = await sites.room.patchRow(site.id, byKey(sites, { status: "review", url: null }), origin);
  if (!written.ok) throw new Error(written.message);
  return siteRecord(sites, written.value);
}

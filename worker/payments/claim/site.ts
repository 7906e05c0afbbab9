/**
 * The published site a claim is about: found by its slug through the public page's R2 metadata
 * (the workspace and Sites row it was published from), with the business it was made for.
 */

import type { Db } from "../../db";
import { findHunting } from "../../hunting/tables";
import { reader } from "../../kinds/tables";
import { publicKey, SITE_SLUG } from "../../sites/generate";
import { findSites } from "../../sites/tables";

export type PublishedSite = { slug: string; workspaceId: string; siteId: string };

export type ClaimedSite = PublishedSite & {
  /** The Businesses row the site was made for, when its Sites row still links one. */
  businessId: string | null;
  businessName: string;
};

export const NO_SITE = "No site is published at this address.";

/** The site published under `slug`, or null when nothing is. */
export async function publishedSite(env: Env, slug: string): Promise<PublishedSite | null> {
  if (!SITE_SLUG.test(slug)) return null;
  const head = await env.FILES.head(publicKey(slug));
  const { workspaceId, siteId } = head?.customMetadata ?? {};
  return workspaceId && siteId ? { slug, workspaceId, siteId } : null;
}

/** The site with its business's id and name; the name falls back to the slug's words. */
export async function siteWithBusiness(env: Env, db: Db, site: PublishedSite): Promise<ClaimedSite> {
  const sites = await findSites(env, db, site.workspaceId);
  const [row] = sites ? await sites.room.readRows([site.siteId]) : [];
  const businessId = sites && row ? (reader(sites, row.cells).list("business")[0] ?? null) : null;
  let businessName = "";
  if (businessId) {
    const hunting = await findHunting(env, db, site.workspaceId);
    const [business] = hunting ? await hunting.businesses.room.readRows([businessId]) : [];
    if (hunting && business) businessName = reader(hunting.businesses, business.cells).text("name");
  }
  return { ...site, businessId, businessName: businessName || slugWords(site.slug) };
}

/** "rosas-taqueria-x1y2z3" → "rosas taqueria": the slug without its random tail. */
const slugWords = (slug: string) => slug.replace(/-[a-z0-9]{6}$/, "").replaceAll("-", " ");

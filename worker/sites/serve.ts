/**
 * Published sites at `/s/<slug>/`: the page from R2 with its own strict Content-Security-Policy
 * (hashes of its inline script and style; styles and fonts from the hosts the workspace allowed
 * when it was published; nothing else may run or load), nosniff, a referrer
 * policy and no cookies. With `SITES_DOMAIN` set, `host.ts` serves the same page on
 * `<slug>.<SITES_DOMAIN>`, off the app's origin; the path keeps working.
 */
import { Hono } from "hono";
import { siteHeaders } from "../../automation/sites/csp";
import type { AppEnv } from "../api/context";
import { claimRoutes } from "./claim";
import { publicKey, SITE_SLUG } from "./generate";

/** The locked-down page for an address with no site: no scripts, no styles, nothing to load. */
export function notFound(): Response {
  return new Response("<!doctype html><title>No site here</title><p>No site is published at this address.</p>", {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const siteRoutes = new Hono<AppEnv>()
  .route("/:slug/claim", claimRoutes)
  .get("/:slug", (c) => c.redirect(`/s/${c.req.param("slug")}/`, 301))
  .get("/:slug/", async (c) => {
    const slug = c.req.param("slug");
    if (!SITE_SLUG.test(slug)) return notFound();
    const page = await c.env.FILES.get(publicKey(slug));
    if (!page) return notFound();
    const html = await page.text();
    // Hosts were validated as bare host names when the workspace allowed them (worker/sites/settings.ts).
    const hosts = (page.customMetadata?.allowedHosts ?? "")
      .split(" ")
      .filter(Boolean)
      .map((h) => `https://${h}`);
    const headers = await siteHeaders({ html, allow: { styles: hosts, fonts: hosts } });
    return new Response(html, { headers: { ...headers, "Cache-Control": "no-cache" } });
  })
  .all("*", () => notFound());

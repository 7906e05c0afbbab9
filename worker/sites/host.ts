/**
 * Published sites on their own wildcard domain: with `SITES_DOMAIN` set (say `sites.example.com`),
 * a request for `<slug>.sites.example.com` gets the site published under that slug, exactly as
 * `/s/<slug>/` serves it, and its claim form at `/claim`. Nothing of the app is served on such a
 * host (no API, no pages, no cookies): any other path is the locked-down 404 page. Keeping sites
 * off the app's origin means a site's page can never read or set the app's cookies.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../api/context";
import { notFound, siteRoutes } from "./serve";

/**
 * `https://<slug>.<SITES_DOMAIN>/` when the domain is set, else `<APP_URL>/s/<slug>/`. An app on
 * localhost (`npm start`) serves its sites over its own scheme and port instead.
 * @example publishedSiteUrl({ APP_URL: "http://localhost:8787", SITES_DOMAIN: "localhost" }, "rosas") // "http://rosas.localhost:8787/"
 */
export function publishedSiteUrl(env: Pick<Env, "APP_URL" | "SITES_DOMAIN">, slug: string): string {
  const domain = sitesDomain(env);
  if (!domain) return `${env.APP_URL}/s/${slug}/`;
  const app = new URL(env.APP_URL);
  return app.hostname === "localhost"
    ? `${app.protocol}//${slug}.${domain}${app.port ? `:${app.port}` : ""}/`
    : `https://${slug}.${domain}/`;
}

const sitesDomain = (env: Pick<Env, "SITES_DOMAIN">) =>
  (env.SITES_DOMAIN ?? "")
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, "");

/**
 * The label before `.<domain>` when `host` (port aside) is a site's host, else null.
 * @example siteLabelOfHost("rosas-taqueria-x1y2z3.sites.example.com:443", "sites.example.com") // "rosas-taqueria-x1y2z3"
 */
export function siteLabelOfHost(host: string, domain: string): string | null {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return domain && name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : null;
}

/** The path on `siteRoutes` that a site host's path stands for, or null for a path a site host does not serve. */
function sitePath(slug: string, path: string): string | null {
  if (path === "/") return `/${slug}/`;
  if (path === "/claim" || path === "/claim/") return `/${slug}/claim`;
  // Where Recurrente's checkout sends the buyer back, and that page's JSON twin.
  if (path === "/claim/done" || path === "/claim/status") return `/${slug}${path}`;
  return null;
}

/** Serves the published site on `<slug>.<SITES_DOMAIN>` and nothing else there; other hosts go on to the app. */
export const siteHost: MiddlewareHandler<AppEnv> = async (c, next) => {
  const domain = sitesDomain(c.env);
  const host = c.req.header("host") ?? new URL(c.req.url).host;
  const label = domain ? siteLabelOfHost(host, domain) : null;
  // The app's own host may sit under the sites domain (app.example.com beside *.example.com).
  if (label === null || host.toLowerCase() === new URL(c.env.APP_URL).host) return next();
  const url = new URL(c.req.url);
  // Pages published before the domain was set link their claim bar to the path form.
  if (url.pathname === `/s/${label}/claim` && c.req.method === "GET") return c.redirect("/claim", 301);
  const path = sitePath(label, url.pathname);
  if (!path || label.includes(".")) return notFound();
  url.pathname = path;
  return siteRoutes.fetch(new Request(url, c.req.raw), c.env, c.executionCtx);
};

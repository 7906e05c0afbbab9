/**
 * Published sites at `/s/<slug>/`: the page from R2 with its own strict Content-Security-Policy
 * (hashes of its inline script and style; styles and fonts from the hosts the workspace allowed
 * when it was published; nothing else may run or load), nosniff, a referrer
 * policy and no cookies. A page of a workspace carries its chat widget (`chat-embed.ts`), the
 * CSP allowing exactly its script and socket on the app's origin. A site its owner has claimed and
 * paid for is served without its claim bar, or, while it is taken offline for a past-due
 * subscription, as a friendly notice (`worker/payments/site-state.ts`). With `SITES_DOMAIN` set,
 * `host.ts` serves the same page on `<slug>.<SITES_DOMAIN>`, off the app's origin; the path keeps working.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { withoutClaimBar } from "../../automation/payments/claim-bar";
import { withChatWidget } from "../../automation/sites/chat-embed";
import { siteHeaders } from "../../automation/sites/csp";
import { workspace } from "../../schema/db";
import type { AppEnv } from "../api/context";
import { getDb } from "../db";
import { offlinePage } from "../payments/claim/offline";
import { claimRoutes } from "../payments/claim/routes";
import { siteClaimState } from "../payments/site-state";
import { publicKey, SITE_SLUG } from "./generate";
import { siteLabelOfHost } from "./host";

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

/**
 * Where the chat widget and its socket are: the app's own origin. Locally that is the origin the
 * request came to, unless it came to a site's host; deployed, always APP_URL.
 */
function appOrigin(env: Env, requestUrl: string): string {
  const url = new URL(requestUrl);
  // A site's own host is reached through `host.ts`, which keeps the host in the URL it hands on.
  const domain = (env.SITES_DOMAIN ?? "").trim().toLowerCase();
  const onSiteHost = domain !== "" && siteLabelOfHost(url.host, domain) !== null;
  return env.ROWPILOT_ENV === "local" && !onSiteHost ? url.origin : new URL(env.APP_URL).origin;
}

export const siteRoutes = new Hono<AppEnv>()
  .route("/:slug/claim", claimRoutes)
  .get("/:slug", (c) => c.redirect(`/s/${c.req.param("slug")}/`, 301))
  .get("/:slug/", async (c) => {
    const slug = c.req.param("slug");
    if (!SITE_SLUG.test(slug)) return notFound();
    const page = await c.env.FILES.get(publicKey(slug));
    if (!page) return notFound();
    // Hosts were validated as bare host names when the workspace allowed them (worker/sites/settings.ts).
    const hosts = (page.customMetadata?.allowedHosts ?? "")
      .split(" ")
      .filter(Boolean)
      .map((h) => `https://${h}`);
    const { workspaceId, siteId } = page.customMetadata ?? {};
    const claim = workspaceId && siteId ? await siteClaimState(c.env, workspaceId, siteId) : "unclaimed";
    if (claim === "offline") return offlinePage();
    const published = claim === "claimed" ? withoutClaimBar(await page.text()) : await page.text();
    const owner = workspaceId
      ? await getDb(c.env.DB).query.workspace.findFirst({ where: eq(workspace.id, workspaceId) })
      : undefined;
    // A page published before pages recorded their workspace is served as it was, without the chat.
    const { html, chat } = owner
      ? withChatWidget(published, appOrigin(c.env, c.req.url), owner.slug)
      : { html: published, chat: undefined };
    const headers = await siteHeaders({ html, allow: { styles: hosts, fonts: hosts }, chat });
    return new Response(html, { headers: { ...headers, "Cache-Control": "no-cache" } });
  })
  .all("*", () => notFound());

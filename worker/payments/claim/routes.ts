/**
 * The claim flow's routes. On the sites origin under `/s/<slug>/claim` (and `/claim` on a site's
 * own host): the form (GET), its post (303 to Recurrente's checkout, or the form again with the
 * reason), the success page `/done?claim=<id>` and `/status?claim=<id>` (`ClaimStatus` JSON). On
 * the API: `POST /api/claims`, public, the same claim as JSON.
 */
import { Hono } from "hono";
import { z } from "zod";
import { escapeHtml } from "../../../automation/sites/escape";
import type { ClaimAnswer } from "../../../schema/payments-api";
import type { AppEnv } from "../../api/context";
import { fail, readBody } from "../../api/errors";
import { publicOrigin } from "../../api/origin";
import { getDb } from "../../db";
import { recurrenteOf } from "../recurrente";
import { claimStatusOf, donePage } from "./done";
import { claimById, paidClaimOf } from "./ledger";
import { type ClaimFields, claimForm, sitesPage } from "./page";
import { offeredPlan } from "./plan";
import { NO_SITE, publishedSite, siteWithBusiness } from "./site";
import { ALREADY_CLAIMED, type ClaimOutcome, startClaim } from "./start";

/** Without an address (a local request), every such client shares one rate-limit bucket. */
const clientIp = (request: Request) => request.headers.get("cf-connecting-ip") ?? "unknown";

/** The form's path on the host it was reached on: `/s/<slug>/claim`, or `/claim` on a site's own host. */
function claimPath(requestUrl: string, slug: string): string {
  return new URL(requestUrl).pathname.startsWith("/s/") ? `/s/${slug}/claim` : "/claim";
}

const noSite = () => sitesPage("No site here", `<p>${NO_SITE}</p>`, { status: 404 });
const claimed = (status = 200) =>
  sitesPage("Already claimed", `<h1>Already claimed</h1><p>${ALREADY_CLAIMED}</p>`, { status });

export const claimRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const found = await publishedSite(c.env, c.req.param("slug")!);
    if (!found) return noSite();
    const db = getDb(c.env.DB);
    const site = await siteWithBusiness(c.env, db, found);
    if (!(await recurrenteOf(c.env, db, site.workspaceId)))
      return sitesPage("Claim this site", claimForm(site.businessName, null), { form: c.env });
    if (await paidClaimOf(db, site.workspaceId, site.siteId)) return claimed();
    const plan = await offeredPlan(c.env, db, site.workspaceId);
    return sitesPage("Claim this site", claimForm(site.businessName, plan), { form: c.env });
  })
  .post("/", async (c) => {
    const slug = c.req.param("slug")!;
    // A body that is not a form reads as an empty one: the claim is then refused for its missing fields.
    const data = await c.req.formData().catch(() => new FormData());
    const form = Object.fromEntries([...data.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
    const db = getDb(c.env.DB);
    const outcome = await startClaim(c.env, db, { ...form, siteSlug: slug }, clientIp(c.req.raw), {
      claimPage: `${new URL(c.req.url).origin}${claimPath(c.req.url, slug)}`,
    });
    return answerForm(c.env, db, slug, outcome, form);
  })
  .get("/done", async (c) => {
    const slug = c.req.param("slug")!;
    const found = await publishedSite(c.env, slug);
    const row = found ? await claimById(getDb(c.env.DB), found.workspaceId, c.req.query("claim") ?? "") : null;
    if (!row || row.siteSlug !== slug)
      return sitesPage(
        "No such claim",
        `<p>We could not find this claim. <a href="${escapeHtml(claimPath(c.req.url, slug))}">Claim this site</a></p>`,
        { status: 404 },
      );
    return donePage(row, claimPath(c.req.url, slug));
  })
  .get("/status", async (c) => {
    const slug = c.req.param("slug")!;
    const found = await publishedSite(c.env, slug);
    const row = found ? await claimById(getDb(c.env.DB), found.workspaceId, c.req.query("claim") ?? "") : null;
    if (!row || row.siteSlug !== slug) return c.json({ error: "No such claim" }, 404);
    return c.json(claimStatusOf(row), 200, { "Cache-Control": "no-store" });
  });

async function answerForm(
  env: Env,
  db: ReturnType<typeof getDb>,
  slug: string,
  outcome: ClaimOutcome,
  values: ClaimFields,
): Promise<Response> {
  switch (outcome.type) {
    case "checkout":
      return new Response(null, {
        status: 303,
        headers: { Location: outcome.checkoutUrl, "Cache-Control": "no-store" },
      });
    case "recorded":
      return sitesPage(
        "Thank you",
        `<h1>Thank you, ${escapeHtml(outcome.name)}</h1><p>We have your claim and will be in touch at ${escapeHtml(outcome.email)}.</p>`,
      );
    case "refused": {
      if (outcome.status === 404) return noSite();
      if (outcome.status === 409 && outcome.message === ALREADY_CLAIMED) return claimed(409);
      if (outcome.status === 409)
        return sitesPage(
          "Payment being confirmed",
          `<h1>Payment being confirmed</h1><p>${escapeHtml(outcome.message)}</p>`,
          {
            status: 409,
          },
        );
      const found = await publishedSite(env, slug);
      const site = found ? await siteWithBusiness(env, db, found) : null;
      const plan =
        site && (await recurrenteOf(env, db, site.workspaceId)) ? await offeredPlan(env, db, site.workspaceId) : null;
      return sitesPage("Claim this site", claimForm(site?.businessName ?? slug, plan, outcome.message, values), {
        status: outcome.status,
        form: env,
        headers: outcome.status === 429 ? { "Retry-After": "60" } : {},
      });
    }
  }
}

/** `POST /api/claims` `{ siteSlug, name, email, phone? }` → `{ claimId, checkoutUrl }`. */
export const claimApiRoutes = new Hono<AppEnv>().post("/", async (c) => {
  const body = await readBody(c, z.record(z.string(), z.unknown()));
  const slug = typeof body.siteSlug === "string" ? body.siteSlug.trim() : "";
  const outcome = await startClaim(c.env, c.get("db"), body, clientIp(c.req.raw), {
    claimPage: `${publicOrigin(c.env, c.req.url)}/s/${slug}/claim`,
  });
  if (outcome.type === "refused") fail(outcome.status, outcome.message);
  if (outcome.type === "recorded")
    return c.json(
      { recorded: true, message: "Claim recorded: payments are not set up here, so the team will get in touch." },
      202,
    );
  return c.json({ claimId: outcome.claimId, checkoutUrl: outcome.checkoutUrl } satisfies ClaimAnswer);
});

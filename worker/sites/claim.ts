/**
 * "Is this your business? Claim this site": the claim bar of a published site links to
 * `/s/<slug>/claim`, a small form of our own (name, email, phone). Until payments take over the
 * claim flow, a claim is recorded as a Claims row linked to the site and its business, and the
 * business's lead status becomes "claimed". Only a published site takes claims.
 */
import { Hono } from "hono";
import { siteHeaders } from "../../automation/sites/csp";
import { escapeHtml } from "../../automation/sites/escape";
import { ClaimRequest } from "../../schema/sites-tables";
import type { AppEnv } from "../api/context";
import { getDb } from "../db";
import { findHunting } from "../hunting/tables";
import { byKey, reader } from "../kinds/tables";
import { publicKey } from "./generate";
import { ensureClaims, findSites } from "./tables";

const origin = { kind: "automation" as const, job: "claim" };
const FORM_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1c1917;background:#fafaf9}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.6rem;border:1px solid #78716c;border-radius:.4rem;font:inherit}
button{margin-top:1.5rem;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:600}
.error{color:#b91c1c}`;

async function page(title: string, body: string, status = 200): Promise<Response> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${FORM_STYLE}</style></head><body>${body}</body></html>`;
  const headers = await siteHeaders({ html, sandbox: false });
  // The claim form posts to itself; nothing else may be posted anywhere.
  headers["Content-Security-Policy"] = headers["Content-Security-Policy"]!.replace(
    "form-action 'none'",
    "form-action 'self'",
  );
  return new Response(html, { status, headers });
}

function form(error = "", values: Partial<Record<"name" | "email" | "phone", string>> = {}): string {
  const field = (name: "name" | "email" | "phone", label: string, type: string) =>
    `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${escapeHtml(values[name] ?? "")}"${name === "phone" ? "" : " required"}>`;
  return `<h1>Claim this site</h1><p>Tell us who you are and we will get in touch to hand the site over.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post">${field("name", "Your name", "text")}${field("email", "Email", "email")}${field("phone", "Phone (optional)", "tel")}<button type="submit">Claim this site</button></form>`;
}

/** The published site behind a slug: its workspace and row, from the public page's metadata. */
async function published(env: Env, slug: string) {
  const head = await env.FILES.head(publicKey(slug));
  const { workspaceId, siteId } = head?.customMetadata ?? {};
  return workspaceId && siteId ? { workspaceId, siteId } : null;
}

export const claimRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (!(await published(c.env, c.req.param("slug")!)))
      return page("No site here", "<p>No site is published at this address.</p>", 404);
    return page("Claim this site", form());
  })
  .post("/", async (c) => {
    const site = await published(c.env, c.req.param("slug")!);
    if (!site) return page("No site here", "<p>No site is published at this address.</p>", 404);
    const raw = Object.fromEntries(
      [...(await c.req.formData()).entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
    ) as Record<string, string>;
    const parsed = ClaimRequest.safeParse(raw);
    if (!parsed.success) return page("Claim this site", form(parsed.error.issues[0]!.message, raw), 400);
    const db = getDb(c.env.DB);
    const h = await findHunting(c.env, db, site.workspaceId);
    const sites = await findSites(c.env, db, site.workspaceId);
    const [row] = sites ? await sites.room.readRows([site.siteId]) : [];
    if (!h || !sites || !row) return page("No site here", "<p>No site is published at this address.</p>", 404);
    const businessRowId = reader(sites, row.cells).list("business")[0];
    const claims = await ensureClaims(c.env, db, site.workspaceId, h.ids.businesses);
    const cells = {
      ...parsed.data,
      site: [site.siteId],
      business: businessRowId ? [businessRowId] : [],
      received: new Date().toISOString(),
      status: "new",
    };
    const inserted = await claims.room.insertRows([byKey(claims, cells)], origin);
    if (!inserted.ok) return page("Claim this site", form(inserted.message, raw), 400);
    if (businessRowId)
      await h.businesses.room.patchRow(businessRowId, byKey(h.businesses, { leadStatus: "claimed" }), origin);
    return page(
      "Thank you",
      `<h1>Thank you, ${escapeHtml(parsed.data.name)}</h1><p>We have your claim and will be in touch at ${escapeHtml(parsed.data.email)}.</p>`,
    );
  });

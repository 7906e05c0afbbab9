/**
 * The claim pages' HTML, served on the sites origin with the sites' strict CSP (only their own
 * inline style, no script): the form with the plan on offer, the pages that answer it, and the
 * confirming page that refreshes itself with a `<meta http-equiv="refresh">`, which needs no
 * script. The form may post to itself and be redirected on to Recurrente's hosted checkout, so
 * `form-action` names exactly those two.
 */
import { RECURRENTE_URL } from "../../../automation/payments/recurrente/client";
import { siteHeaders } from "../../../automation/sites/csp";
import { escapeHtml } from "../../../automation/sites/escape";
import { money, type OfferedPlan } from "./plan";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#1c1917;background:#fafaf9}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #78716c;border-radius:.4rem;font:inherit}
button{margin-top:1.5rem;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.plan{margin:1.5rem 0;padding:1rem;border:1px solid #d6d3d1;border-radius:.5rem;background:#fff}.plan h2{margin:0 0 .25rem;font-size:1.1rem}
.plan dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:.75rem 0 0}.plan dt{color:#57534e}.plan dd{margin:0;font-weight:600}
.error{color:#b91c1c}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;

export type ClaimFields = Partial<Record<"name" | "email" | "phone", string>>;

/** The origin Recurrente's hosted checkout is on: the form's redirect goes there. */
const checkoutOrigin = (env: Pick<Env, "RECURRENTE_URL">) => new URL(env.RECURRENTE_URL || RECURRENTE_URL).origin;

type PageOptions = {
  status?: number;
  refreshSeconds?: number;
  headers?: Record<string, string>;
  /** A page with the claim form: it posts to itself and is redirected on to Recurrente's checkout. */
  form?: Pick<Env, "RECURRENTE_URL">;
};

/**
 * One page of the claim flow: our style only, nothing to run. Only a page with the form may post,
 * and only to itself and on to the checkout. Not sandboxed: a sandboxed document ignores
 * `<meta http-equiv="refresh">`, which the confirming page relies on, and these pages run no script.
 */
export async function sitesPage(title: string, body: string, options: PageOptions = {}): Promise<Response> {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  const headers = await siteHeaders({ html, sandbox: false });
  if (options.form)
    headers["Content-Security-Policy"] = headers["Content-Security-Policy"]!.replace(
      "form-action 'none'",
      `form-action 'self' ${checkoutOrigin(options.form)}`,
    );
  return new Response(html, {
    status: options.status ?? 200,
    headers: { ...headers, "Cache-Control": "no-store", ...options.headers },
  });
}

function planBlock(plan: OfferedPlan): string {
  const setup =
    plan.setupCents > 0 ? `<dt>Setup fee</dt><dd>${escapeHtml(money(plan.setupCents, plan.currency))} once</dd>` : "";
  return `<section class="plan" aria-label="Plan"><h2>${escapeHtml(plan.name)}</h2>${plan.description ? `<p>${escapeHtml(plan.description)}</p>` : ""}
<dl>${setup}<dt>Monthly</dt><dd>${escapeHtml(money(plan.monthlyCents, plan.currency))} a month</dd></dl></section>`;
}

/** The claim form; with a plan, the claimant pays next, without one the team gets in touch. */
export function claimForm(
  businessName: string,
  plan: OfferedPlan | null,
  error = "",
  values: ClaimFields = {},
): string {
  const field = (name: "name" | "email" | "phone", label: string, type: string, autocomplete: string) =>
    `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" value="${escapeHtml(values[name] ?? "")}"${name === "phone" ? "" : " required"}>`;
  const madeFor = `<p>This site was made for <strong>${escapeHtml(businessName)}</strong>. Is it your business?`;
  const intro = plan
    ? `${madeFor} Tell us who you are, then pay the setup fee and the first month on the secure payment page.</p>${planBlock(plan)}`
    : `${madeFor} Tell us who you are and we will get in touch to hand the site over.</p>`;
  // The honeypot: people never see or fill it; a bot filling every field gives itself away.
  const honeypot = `<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>`;
  return `<h1>Claim this site</h1>${intro}
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post">${field("name", "Your name", "text", "name")}${field("email", "Email", "email", "email")}${field("phone", "Phone (optional)", "tel", "tel")}${honeypot}<button type="submit">${plan ? "Continue to payment" : "Claim this site"}</button></form>`;
}

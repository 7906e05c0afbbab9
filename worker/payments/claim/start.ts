/**
 * A business owner claims a published site: one function behind both the claim page's form and
 * `POST /api/claims`. It refuses floods, the honeypot, bad input and a site already paid for;
 * without the workspace's Recurrente keys it records the claim as before (a Claims row); with
 * them it opens exactly one Recurrente checkout per site and email (`ledger.ts`), for the setup
 * fee and the monthly plan, and answers its URL.
 */
import { PaymentsError, type Recurrente } from "../../../automation/payments/recurrente/types";
import { ClaimApiRequest } from "../../../schema/payments-api";
import type { Db } from "../../db";
import { recurrenteOf } from "../recurrente";
import { CHECKOUT_LIFETIME_MS, openCheckout } from "./checkout";
import {
  type ClaimRow,
  claimKeyOf,
  type NewClaim,
  paidClaimOf,
  reopen,
  reread,
  reserveClaim,
  takeOver,
} from "./ledger";
import { claimLimited } from "./limits";
import { NO_PLAN, offeredPlan } from "./plan";
import { NO_SITE, publishedSite, siteWithBusiness } from "./site";
import { recordClaimWithoutPayments } from "./without-payments";

export type ClaimOutcome =
  | { type: "checkout"; claimId: string; checkoutUrl: string }
  /** No payments set up: the claim is a Claims row and the team gets in touch. */
  | { type: "recorded"; name: string; email: string }
  | { type: "refused"; status: 400 | 404 | 409 | 429 | 502 | 503; message: string };

/** The claim page's address (absolute): the checkout returns to it, its `/done` page on success. */
export type ClaimLinks = { claimPage: string };

/** A checkout is made in well under a second; five seconds covers a slow one before a waiter gives up. */
export const WAIT_FOR_CHECKOUT_MS = 5_000;
const POLL_MS = 100;
/** A claim stuck in "creating" longer than the client's 15 s timeout and then some: its maker died. */
export const ABANDONED_AFTER_MS = 30_000;

export const HONEYPOT_REFUSED =
  "We could not take this claim. If you are the owner, please use the form on the site without autofill, or write to us.";
export const ALREADY_CLAIMED = "This site has already been claimed by its owner.";
const STILL_PREPARING = "Your payment page is still being prepared. Please try again in a moment.";

const BEING_CONFIRMED =
  "Your payment for this site went through and is being confirmed: there is nothing more to pay. This page will know in a moment.";
const RECURRENTE_DOWN = "The payment service is not answering right now. Please try again in a few minutes.";

/** What Recurrente says of an earlier checkout: paid, still payable, or gone (expired, unknown). */
async function checkoutState(
  recurrente: Recurrente,
  checkoutId: string,
): Promise<"paid" | "payable" | "gone" | "unreachable"> {
  try {
    const checkout = await recurrente.getCheckout(checkoutId);
    if (checkout.status === "paid" || checkout.paymentId) return "paid";
    const expired =
      checkout.status === "expired" || (checkout.expiresAt !== null && Date.parse(checkout.expiresAt) <= Date.now());
    return expired ? "gone" : "payable";
  } catch (error) {
    if (error instanceof PaymentsError && error.kind === "not_found") return "gone";
    return "unreachable";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An open claim whose checkout can no longer be paid (its `expires_at` passed). */
export const isExpired = (row: ClaimRow, now = Date.now()) =>
  row.state === "open" && row.updatedAt.getTime() + CHECKOUT_LIFETIME_MS < now;

/**
 * Takes a claim of the site published at `input.siteSlug` from client address `ip`.
 * @example const outcome = await startClaim(env, db, { siteSlug, name, email }, ip, { claimPage: `${origin}/s/${siteSlug}/claim` });
 */
export async function startClaim(
  env: Env,
  db: Db,
  input: Record<string, unknown>,
  ip: string,
  links: ClaimLinks,
): Promise<ClaimOutcome> {
  const slug = typeof input.siteSlug === "string" ? input.siteSlug.trim() : "";
  const found = await publishedSite(env, slug);
  if (!found) return { type: "refused", status: 404, message: NO_SITE };
  const limited = await claimLimited(env, ip, slug);
  if (limited) return { type: "refused", status: 429, message: limited };
  // Before anything is read or written: a bot's form is refused whatever else it filled in.
  if (typeof input.website === "string" && input.website.trim())
    return { type: "refused", status: 400, message: HONEYPOT_REFUSED };
  // An email pasted with a space around it is still the same address.
  const parsed = ClaimApiRequest.safeParse({
    ...input,
    email: typeof input.email === "string" ? input.email.trim() : input.email,
  });
  if (!parsed.success)
    return { type: "refused", status: 400, message: parsed.error.issues[0]?.message ?? "Please check the form" };
  const claimant = parsed.data;

  const site = await siteWithBusiness(env, db, found);
  const recurrente = await recurrenteOf(env, db, site.workspaceId);
  if (!recurrente) return recordClaimWithoutPayments(env, db, site, claimant);
  if (await paidClaimOf(db, site.workspaceId, site.siteId))
    return { type: "refused", status: 409, message: ALREADY_CLAIMED };
  const plan = await offeredPlan(env, db, site.workspaceId);
  if (!plan) return { type: "refused", status: 503, message: NO_PLAN };

  const claim: NewClaim = {
    workspaceId: site.workspaceId,
    claimKey: claimKeyOf(site.siteId, claimant.email),
    siteId: site.siteId,
    siteSlug: site.slug,
    businessId: site.businessId,
    businessName: site.businessName,
    planId: plan.planId,
    setupCents: plan.setupCents,
    monthlyCents: plan.monthlyCents,
    currency: plan.currency,
    name: claimant.name,
    email: claimant.email,
    phone: claimant.phone,
  };
  const make = (row: ClaimRow, before: ClaimRow | null) =>
    openCheckout(db, recurrente, { row, before, plan, links, site });

  const deadline = Date.now() + WAIT_FOR_CHECKOUT_MS;
  let { mine, row } = await reserveClaim(db, claim);
  if (mine && row) return make(row, null);
  while (Date.now() < deadline) {
    if (!row) {
      // Deleted by a maker whose checkout failed: this request may make it now.
      ({ mine, row } = await reserveClaim(db, claim));
      if (mine && row) return make(row, null);
      continue;
    }
    const now = Date.now();
    if (row.state === "paid") return { type: "refused", status: 409, message: ALREADY_CLAIMED };
    if (row.state === "open" && row.checkoutUrl && !isExpired(row, now))
      return { type: "checkout", claimId: row.id, checkoutUrl: row.checkoutUrl };
    if (row.state === "creating" && now - row.updatedAt.getTime() < ABANDONED_AFTER_MS) {
      await sleep(POLL_MS);
      row = await reread(db, row);
      continue;
    }
    // Declined or expired: Recurrente's word on the checkout first. A paid one is being confirmed
    // (a second checkout would charge twice); one it still takes is opened again, so its payment
    // still finds this claim.
    if (row.checkoutId && row.checkoutUrl && row.state !== "creating") {
      const old = await checkoutState(recurrente, row.checkoutId);
      if (old === "unreachable") return { type: "refused", status: 503, message: RECURRENTE_DOWN };
      if (old === "paid") return { type: "refused", status: 409, message: BEING_CONFIRMED };
      if (old === "payable") {
        const opened = await reopen(db, row);
        if (opened) return { type: "checkout", claimId: opened.id, checkoutUrl: row.checkoutUrl };
        row = await reread(db, row);
        continue;
      }
    }
    // Gone, expired at Recurrente too, or abandoned mid-way: a fresh checkout for whoever wins the compare-and-set.
    const taken = await takeOver(db, row, claim);
    if (taken) return make(taken, row);
    row = await reread(db, row);
  }
  return { type: "refused", status: 503, message: STILL_PREPARING };
}

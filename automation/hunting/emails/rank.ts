/**
 * Which found address to write to for a business. The rule, for cold outreach to small
 * businesses, where the owner reads their own mail and a shared inbox is read later or never:
 *
 * 1. a person's address on the business's own domain (owner@, maria@);
 * 2. a role address on its own domain (info@, office@);
 * 3. a free-mail address (gmail.com…) the business publishes (owners of small shops often use one);
 * 4. an address on another domain given in a `mailto:` link (a business whose mail domain differs
 *    from its site's), never a plain mention, which on a small site is usually the web designer's
 *    credit or a supplier's.
 *
 * Vendors' and placeholder addresses never get here (`candidateFor` drops them). Within a tier
 * the address found first wins: the home page before the contact page, a page's top before its
 * footer.
 */
import { domainOf, type EmailCandidate } from "./address";
import { isFreeMailDomain, isWithin } from "./domains";

export const TIER_OWN_PERSON = 1;
const TIER_OWN_ROLE = 2;
const TIER_FREE_MAIL = 3;
const TIER_OTHER_MAILTO = 4;

/**
 * The tier of an address for a business whose site is on `siteHost` (1 is best), or null when it
 * should not be used.
 */
export function emailTier(candidate: EmailCandidate, siteHost: string): number | null {
  const domain = domainOf(candidate.address);
  const site = bareHost(siteHost);
  if (site && (isWithin(domain, site) || isWithin(site, domain))) {
    return candidate.role ? TIER_OWN_ROLE : TIER_OWN_PERSON;
  }
  if (isFreeMailDomain(domain)) return TIER_FREE_MAIL;
  return candidate.kind === "mailto" ? TIER_OTHER_MAILTO : null;
}

/**
 * The address to write to, or null when none may be used.
 * @example bestEmail(candidates, "https://www.rosewood-bakery.com/") // owner@rosewood-bakery.com before info@…
 */
export function bestEmail<T extends EmailCandidate>(candidates: readonly T[], siteHost: string): T | null {
  let best: T | null = null;
  let bestTier = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const tier = emailTier(candidate, siteHost);
    if (tier !== null && tier < bestTier) {
      best = candidate;
      bestTier = tier;
    }
  }
  return best;
}

/** The host of a URL or a bare host name, lower case, without `www.`; "" when neither. */
export function bareHost(siteHost: string): string {
  const text = siteHost.trim().toLowerCase();
  if (!text) return "";
  let host = text;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return "";
  }
  return host.replace(/^www\./, "").replace(/\.$/, "");
}

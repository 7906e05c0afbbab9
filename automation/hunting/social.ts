/**
 * Whether a business has a website of its own. Providers often give a social or listing profile
 * (facebook.com/joesplumbing, a Yelp page, a Google `business.site`) as the website: that is no
 * site of the business's own, it scores as "no website" and is flagged "social only" (the best
 * leads for a site). The test is two RE2-compatible patterns, so the grid's Score formula
 * (`formulas.ts`) runs the very same test with REGEX_MATCH and always agrees with `websiteKind`.
 */

/**
 * Hosts that serve many businesses' profiles, never one business's own site; a subdomain counts
 * too (m.facebook.com, joes-plumbing.business.site). Google's own hosts cover Maps links and
 * Google Sites pages, which providers give as websites as well.
 */
export const SOCIAL_HOSTS = [
  "facebook.com",
  "fb.com",
  "fb.me",
  "m.me",
  "instagram.com",
  "instagr.am",
  "linktr.ee",
  "tiktok.com",
  "x.com",
  "twitter.com",
  "threads.net",
  "linkedin.com",
  "youtube.com",
  "pinterest.com",
  "wa.me",
  "nextdoor.com",
  "yelp.com",
  "yelp.ca",
  "yelp.co.uk",
  "yelp.com.au",
  "tripadvisor.com",
  "thumbtack.com",
  "houzz.com",
  "angi.com",
  "homeadvisor.com",
  "bbb.org",
  "business.site",
  "g.page",
  "goo.gl",
  "google.com",
] as const;

/** ASCII white space, spelled out: `\s` means more in JavaScript than in RE2. */
const SPACE = "[ \\t\\n\\v\\f\\r]";
/** One label of a host name: anything up to a dot or a character that ends the host. */
const LABEL = "[^ \\t\\n\\v\\f\\r/?#:@.\\\\]+";
/** Leading space, an optional scheme and optional user info, before the host. */
const PREFIX = `^${SPACE}*(?:[a-z][a-z0-9+.-]*://)?(?:[^ \\t\\n\\v\\f\\r/?#@]*@)?`;

const escapeDots = (host: string) => host.replaceAll(".", "\\.");

/**
 * Matches a website that names a host (at least two labels, "joesplumbing.com"); text without one
 * ("", "   ", "n/a", "none") is no website. RE2 syntax, case-insensitive by the caller's flag.
 */
export const HOST_PATTERN = `${PREFIX}((?:${LABEL}\\.)+${LABEL})`;

/** Matches a website whose host is one of `SOCIAL_HOSTS` or a subdomain of one. */
export const SOCIAL_PATTERN = `${PREFIX}(?:${LABEL}\\.)*(?:${SOCIAL_HOSTS.map(escapeDots).join("|")})(?:[ \\t\\n\\v\\f\\r/?#:]|$)`;

// `u` makes JavaScript fold case as RE2 does (Unicode simple case folding, code points).
const HOST = new RegExp(HOST_PATTERN, "iu");
const SOCIAL = new RegExp(SOCIAL_PATTERN, "iu");

/** What a business's website is: none, a social or listing profile, or a site of its own. */
export type WebsiteKind = { kind: "none"; host: null } | { kind: "social" | "own"; host: string };

/**
 * Reads a website as a provider or a person gave it, with or without a scheme.
 * @example websiteKind("https://www.facebook.com/joesplumbing") // { kind: "social", host: "facebook.com" }
 * websiteKind("joesplumbing.com/contact") // { kind: "own", host: "joesplumbing.com" }
 * websiteKind("  ") // { kind: "none", host: null }
 */
export function websiteKind(website: string | null | undefined): WebsiteKind {
  const match = website ? HOST.exec(website) : null;
  if (!match) return { kind: "none", host: null };
  const host = match[1]!.toLowerCase().replace(/^www\./, "");
  return { kind: SOCIAL.test(website!) ? "social" : "own", host };
}

/** Whether the business has no website of its own (none, or only a social profile). */
export function lacksOwnWebsite(website: string | null | undefined): boolean {
  return websiteKind(website).kind !== "own";
}

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

/**
 * White space as RE2 reads `\s` (tab, newline, form feed, carriage return, space). JavaScript's
 * `\s` means more (no-break and other Unicode spaces), so the JavaScript side spells RE2's out.
 */
export const RE2_SPACE = "\\s";
export const JS_SPACE = "\\t\\n\\f\\r ";

const escapeDots = (host: string) => host.replaceAll(".", "\\.");

/** The website patterns, with `space` being the characters that count as white space. */
function websitePatterns(space: string) {
  const blank = space === RE2_SPACE ? space : `[${space}]`;
  const label = `[^${space}/?#:@.]+`;
  const prefix = `^${blank}*(?:[a-z][a-z0-9+.-]*://)?(?:[^${space}/?#@]*@)?`;
  return {
    /** A website that names a host of at least two labels; "", "n/a" and "none" name none. */
    host: `${prefix}((?:${label}\\.)+${label})`,
    /** A website whose host is one of `SOCIAL_HOSTS` or a subdomain of one. */
    social: `${prefix}(?:${label}\\.)*(?:${SOCIAL_HOSTS.map(escapeDots).join("|")})(?:[${space}/?#:]|$)`,
  };
}

/** The patterns in RE2 syntax, for REGEX_MATCH in the grid's formulas (case-insensitive with `(?i)`). */
export const { host: HOST_PATTERN, social: SOCIAL_PATTERN } = websitePatterns(RE2_SPACE);

const js = websitePatterns(JS_SPACE);
// `u` makes JavaScript fold case as RE2 does (Unicode simple case folding, by code point).
const HOST = new RegExp(js.host, "iu");
const SOCIAL = new RegExp(js.social, "iu");

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

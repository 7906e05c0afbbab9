/**
 * Finding the contact page from a home page: links and menu entries ranked by what they say and
 * where they point, and the paths dealer sites commonly use when no link says so.
 */
import type { LinkInfo } from "./page-model";
import { identifierWords, normalize } from "./text";

const TEXT_RULES: [RegExp, number][] = [
  [/^(contact|contact us|contactenos|contactanos|contacto|nous contacter|contactez nous)$/, 12],
  [/\bcontact\b|\bcontacto\b|\bcontactenos\b/, 9],
  [
    /\bget in touch\b|\breach us\b|\bmessage us\b|\bemail us\b|\bask (us )?a question\b|\bsend (us )?a message\b|\bconnect with us\b|\bescribenos\b/,
    9,
  ],
  [/\bconnect\b|\btalk to us\b|\bwrite to us\b/, 6],
  [/\bhours (and|&) (directions|location)\b|\bvisit us\b|\bdirections\b|\blocation\b|\bfind us\b|\bubicacion\b/, 6],
  [/\bcustomer (care|service)\b|\bsupport\b|\batencion al cliente\b/, 5],
];
const HREF_RULES: [RegExp, number][] = [
  [/\bcontact\b|\bcontactus\b|\bcontacto\b/, 5],
  [/\bget in touch\b|\bvisit\b|\bdirections\b|\bhours\b|\blocation\b|\bcustomer care\b/, 2],
];
/** Links that look like contact links but lead away from a form. */
const NOT_CONTACT = /^(mailto|tel|sms|javascript):|\.(pdf|jpe?g|png|vcf)(\?|$)/i;

/** Paths to try when no link names a contact page, most common first. */
export const FALLBACK_PATHS = [
  "contact-us/",
  "contact/",
  "contactus.aspx",
  "contact-us.html",
  "contact.html",
  "about-us/contact-us/",
];

export interface RankedLink {
  url: string;
  score: number;
}

/** How much a link promises a page to write to the dealer from; 0 when it does not. */
export function scoreLink(link: LinkInfo, base: URL): number {
  const url = siteUrl(link, base);
  if (!url) return 0;
  const text = normalize(link.text);
  const path = identifierWords(decodeURIComponent(url.pathname));
  let score = 0;
  for (const [rule, points] of TEXT_RULES) {
    if (rule.test(text)) {
      score += points;
      break;
    }
  }
  for (const [rule, points] of HREF_RULES) {
    if (rule.test(path)) {
      score += points;
      break;
    }
  }
  if (score > 0 && link.inNav) score += 1;
  return score;
}

/**
 * The links worth following, best first, each URL once (without its #fragment).
 * @example rankLinks([{ text: "Contact Us", href: "/contact-us/", inNav: true }], new URL("https://dealer.example/"))
 */
export function rankLinks(links: LinkInfo[], base: URL): RankedLink[] {
  return ranked(links, base, (link) => scoreLink(link, base));
}

/** A link's page on the site itself, without its #fragment; null for mail, files and other sites. */
function siteUrl(link: LinkInfo, base: URL): URL | null {
  if (NOT_CONTACT.test(link.href)) return null;
  let url: URL;
  try {
    url = new URL(link.href, base);
  } catch {
    return null;
  }
  if (url.host !== base.host || !/^https?:$/.test(url.protocol)) return null;
  url.hash = "";
  return url;
}

/** Links scored above 0, best first, each page once with its best score, the page itself left out. */
function ranked(links: LinkInfo[], base: URL, score: (link: LinkInfo, url: URL) => number): RankedLink[] {
  const best = new Map<string, number>();
  for (const link of links) {
    const url = siteUrl(link, base);
    if (!url || url.href === stripHash(base)) continue;
    const points = score(link, url);
    if (points > 0) best.set(url.href, Math.max(best.get(url.href) ?? 0, points));
  }
  return [...best.entries()].map(([url, points]) => ({ url, score: points })).sort((a, b) => b.score - a.score);
}

function stripHash(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.href;
}

/** Pages that often hold a dealer's form when its Contact page does not: about, location, hours, team. */
const EXPLORE_RULES: [RegExp, number][] = [
  [/\bour (dealership|store|showroom|location)\b|\bvisit\b|\bhours\b|\bdirections\b|\blocation\b|\bfind us\b/, 3],
  [
    /\babout\b|\bdealership\b|\bwho we are\b|\bwhy buy\b|\bstaff\b|\bteam\b|\bmeet\b|\binfo\b|\bquienes somos\b|\bnosotros\b/,
    2,
  ],
];

/**
 * The site's other pages worth a look when no contact link led to a form, best first: about,
 * location and team pages, never inventory, service or finance.
 */
export function exploreLinks(links: LinkInfo[], base: URL): RankedLink[] {
  return ranked(links, base, (link, url) => {
    const words = `${normalize(link.text)} ${identifierWords(decodeURIComponent(url.pathname))}`;
    const rule = EXPLORE_RULES.find(([re]) => re.test(words));
    return rule ? rule[1] + (link.inNav ? 1 : 0) : 0;
  });
}

/** The fallback contact URLs for a home page: relative to the site's first path segment and its root. */
export function fallbackUrls(home: URL): string[] {
  const dir = home.pathname.endsWith("/") ? home.pathname : home.pathname.replace(/[^/]*$/, "");
  const bases = [...new Set([dir, "/"])];
  return bases.flatMap((b) => FALLBACK_PATHS.map((p) => new URL(b + p, home).href));
}

/**
 * Finding a business's email on its own website, on the edge: the home page, then up to three
 * contact or about pages it links to on the same site, each fetched under the URL guard with a
 * timeout and a size cap (`fetchHtml`). Pages built by scripts show nothing here; reading those
 * needs a browser and is not this module's job.
 */
import type { UrlGuard } from "../../contact/guard";
import { cleanWebsite } from "../../discovery/http";
import { emailsInHtml, type PageEmail } from "./extract";
import { anchorsIn } from "./html";
import { fetchHtml } from "./page-fetch";
import { bareHost, bestEmail, emailTier, TIER_OWN_PERSON } from "./rank";

/** The home page plus this many: contact, about and team pages cover where small sites put an address. */
export const MAX_EXTRA_PAGES = 3;
/**
 * A small business's site that has not sent its HTML in 5 s is down or hostile; four pages at
 * most keep a "Find email" click under about 20 s.
 */
export const PAGE_TIMEOUT_MS = 5_000;
/**
 * HTML documents are mostly well under 100 KB; page builders that inline their scripts and styles
 * reach a few hundred. 2 MB keeps every real page while a runaway one cannot fill the Worker's
 * 128 MB.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export type FindEmailOptions = {
  /** As the provider gave it; "https://" is added to a bare host. */
  website: string;
  guard: UrlGuard;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
};

export type WebsiteEmail = { email: string; page: string } | { email: null; tried: string[] };

/** Link words of the pages worth reading after the home page, most likely to hold an address first. */
const PAGE_RULES: [RegExp, number][] = [
  [/contact|get in touch|reach us|email us|contacto/i, 3],
  [/about|who we are|our story|nosotros/i, 2],
  [/team|staff|people|owner|meet/i, 1],
];

/**
 * The address to write to found on the site and the page it was on, or the pages tried.
 * @example await findEmailOnWebsite({ website: "rosewood-bakery.com", guard: guardFor(env.ENVIRONMENT) })
 */
export async function findEmailOnWebsite(options: FindEmailOptions): Promise<WebsiteEmail> {
  const home = cleanWebsite(options.website);
  if (!home) return { email: null, tried: [] };
  const site = bareHost(home);
  const pageOptions = {
    // Called as a method of these options: the runtime's own fetch must not be (workerd refuses it).
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    guard: options.guard,
    timeoutMs: options.timeoutMs ?? PAGE_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_PAGE_BYTES,
  };
  const tried = [home];
  const found: PageEmail[] = [];
  const homePage = await fetchHtml(home, pageOptions);
  const next = homePage.ok ? pagesWorthReading(homePage.html, homePage.url, site) : [];
  if (homePage.ok) found.push(...emailsInHtml(homePage.html, homePage.url));
  for (const url of next.slice(0, MAX_EXTRA_PAGES)) {
    if (found.some((candidate) => emailTier(candidate, site) === TIER_OWN_PERSON)) break;
    tried.push(url);
    const page = await fetchHtml(url, pageOptions);
    if (page.ok) found.push(...emailsInHtml(page.html, page.url));
  }
  const best = bestEmail(found, site);
  return best ? { email: best.address, page: best.page } : { email: null, tried };
}

/** Same-site links whose words or path say contact, about or team, best first, each once. */
export function pagesWorthReading(html: string, pageUrl: string, site: string): string[] {
  const here = withoutHash(pageUrl);
  const scored = new Map<string, number>();
  for (const { url, text } of anchorsIn(html, pageUrl)) {
    if (!/^https?:/.test(url) || bareHost(url) !== site) continue;
    const target = withoutHash(url);
    if (target === here) continue;
    const path = new URL(target).pathname.replace(/[-_/.]+/g, " ");
    const score = Math.max(0, ...PAGE_RULES.map(([words, points]) => (words.test(`${text} ${path}`) ? points : 0)));
    if (score === 0) continue;
    if (score > (scored.get(target) ?? 0)) scored.set(target, score);
  }
  return [...scored.entries()].sort((a, b) => b[1] - a[1]).map(([url]) => url);
}

const withoutHash = (url: string): string => url.split("#")[0]!;

/**
 * Email finding's fallback for sites whose pages are built by scripts (the HTML the edge fetched
 * holds no address, the page a browser shows does): each page is opened in a real browser held
 * to the URL guard, given a moment to run its scripts, and its rendered HTML read the same way.
 */
import type { EnginePage } from "../../contact/browser";
import type { UrlGuard } from "../../contact/guard";
import { guardPage } from "../../contact/page-guard";
import { emailsInHtml, type PageEmail } from "./extract";
import { bestEmail } from "./rank";
import type { WebsiteEmail } from "./website";

/** One rendered page's budget: load, then its scripts' first work. */
export const RENDER_TIMEOUT_MS = 15_000;
/** Script-built pages often fill in after load; this long more is usually enough. */
const SETTLE_MS = 1_500;
/** Pages rendered at most: the home page and the best contact page found by the edge. */
export const MAX_RENDERED_PAGES = 2;

export type RenderOptions = {
  urls: string[];
  site: string;
  guard: UrlGuard;
  /** A new page of a browser; closed by the caller's `close`. */
  page: EnginePage & { close(): Promise<void> };
  timeoutMs?: number;
};

export async function findEmailRendered(options: RenderOptions): Promise<WebsiteEmail> {
  const { page } = options;
  const timeout = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  const tried: string[] = [];
  const found: PageEmail[] = [];
  await guardPage(page, options.guard);
  for (const url of options.urls.slice(0, MAX_RENDERED_PAGES)) {
    tried.push(url);
    try {
      await options.guard.check(url);
      await page.goto(url, { timeout, waitUntil: "load" });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const html = await page.mainFrame().evaluate("document.documentElement.outerHTML");
      if (typeof html === "string") found.push(...emailsInHtml(html, page.url()));
    } catch {
      // A page that would not load or render: the next one, then what was found.
    }
    const best = bestEmail(found, options.site);
    if (best) return { email: best.address, page: best.page };
  }
  return { email: null, tried };
}

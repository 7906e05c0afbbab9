/**
 * A site version seen in a real browser (Browser Rendering): screenshots at desktop and phone
 * size, and what a person would check first: the claim bar is there, the page throws no errors,
 * how heavy it is, images without a text alternative, the document's language, its largest
 * contentful paint at phone size and links that go nowhere. The page is
 * loaded from its own HTML under its own CSP (as a meta tag) with every request of it refused, so
 * nothing leaves the browser and what the CSP would block shows as an error.
 */
import type { Browser } from "@cloudflare/puppeteer";
// axe-core's browser build as text, run in the page (bundled by Vite; about 170 KB gzipped).
import axeSource from "axe-core/axe.min.js?raw";
import { siteHeaders } from "../../automation/sites/csp";
import type { AxeFinding, SiteQualityReport } from "../../schema/site-quality";
import { acquireBrowser } from "../browser/session";

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const LOAD_TIMEOUT_MS = 15_000;
/**
 * How long after load the page may still report a largest contentful paint: Chromium queues LCP
 * entries for the next frame, and a page loaded from memory paints within a few frames.
 */
const LCP_SETTLE_MS = 300;
/** Broken links listed in a report; a page with more has a pattern the first ones show. */
const MAX_BROKEN_LINKS = 20;

export type SiteQuality = { desktop: Uint8Array; mobile: Uint8Array; report: SiteQualityReport };

/** The page's facts read in the browser: claim bar, images without alt, language, broken links. */
const PAGE_FACTS = `(() => {
  const seen = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const text = (el) => (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ").slice(0, 80);
  const brokenLinks = [];
  for (const link of document.querySelectorAll("a[href], area[href]")) {
    const href = link.getAttribute("href").trim();
    let problem = null;
    if (href === "" || href === "#") problem = seen(link) ? "empty" : null;
    else if (href.startsWith("#")) {
      let id = href.slice(1);
      try { id = decodeURIComponent(id); } catch {}
      // "#top" scrolls to the top without a target (HTML's "scroll to the fragment").
      const found = document.getElementById(id) || document.getElementsByName(id).length || id.toLowerCase() === "top";
      problem = found ? null : "missing-target";
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto|tel):/i.test(href)) problem = "scheme";
    if (problem) brokenLinks.push({ href, text: text(link), problem });
  }
  return {
    claimBar: !!document.querySelector("[data-claim-bar]"),
    imagesWithoutAlt: [...document.images].filter((i) => !i.hasAttribute("alt")).length,
    lang: document.documentElement.lang || "",
    brokenLinks: brokenLinks.slice(0, ${MAX_BROKEN_LINKS}),
  };
})()`;

/** The largest contentful paint reported so far, in ms, or null (read after load). */
const LARGEST_PAINT = `new Promise((resolve) => {
  let largest = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) largest = entry.renderTime || entry.loadTime || entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve(largest), ${LCP_SETTLE_MS});
})`;

type PageFacts = Pick<SiteQualityReport, "claimBar" | "imagesWithoutAlt" | "lang" | "brokenLinks">;

async function shoot(browser: Browser, html: string, viewport: typeof DESKTOP | typeof MOBILE) {
  const page = await browser.newPage();
  const errors: string[] = [];
  try {
    await page.setViewport(viewport);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (/^(data|about|blob):/.test(request.url())) request.continue().catch(() => undefined);
      else request.abort("blockedbyclient").catch(() => undefined);
    });
    page.on("pageerror", (error) => errors.push(String((error as Error).message ?? error)));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.setContent(html, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    const facts = (await page.evaluate(PAGE_FACTS)) as PageFacts;
    // Measured at phone size only, where a slow page hurts most (and each reading waits LCP_SETTLE_MS).
    const lcpMs = viewport === MOBILE ? ((await page.evaluate(LARGEST_PAINT)) as number | null) : null;
    const shot = (await page.screenshot({ type: "png", fullPage: false })) as Uint8Array;
    await page.evaluate(axeSource);
    const axe = (await page.evaluate(`axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } })
      .then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
          targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })))`)) as AxeFinding[];
    return { shot, facts, lcpMs, errors, axe };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The page with its CSP as a meta tag (frame-ancestors aside), so what the CSP would refuse shows as an error. */
async function underItsCsp(html: string): Promise<string> {
  const csp = (await siteHeaders({ html }))
    ["Content-Security-Policy"]!.split("; ")
    .filter((d) => !d.startsWith("frame-ancestors") && !d.startsWith("sandbox"))
    .join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, "&quot;")}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}

/** Screenshots at both sizes and the quality report of a page, in Browser Rendering. */
export async function checkSite(env: Env, html: string): Promise<SiteQuality> {
  const session = await acquireBrowser(env.BROWSER);
  try {
    const page = await underItsCsp(html);
    const desktop = await shoot(session.browser, page, DESKTOP);
    const mobile = await shoot(session.browser, page, MOBILE);
    const report: SiteQualityReport = {
      checkedAt: new Date().toISOString(),
      ...desktop.facts,
      accessibility: [...desktop.axe, ...mobile.axe.filter((m) => !desktop.axe.some((d) => d.id === m.id))],
      consoleErrors: [...new Set([...desktop.errors, ...mobile.errors])],
      bytes: new TextEncoder().encode(html).byteLength,
      lcpMs: mobile.lcpMs,
    };
    return { desktop: desktop.shot, mobile: mobile.shot, report };
  } finally {
    await session.release();
  }
}

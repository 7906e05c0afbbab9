/**
 * A site version seen in a real browser (Browser Rendering): screenshots at desktop and phone
 * size, and what a person would check first: the claim bar is there, the page throws no errors,
 * how heavy it is, images without a text alternative, the document's language. The page is
 * loaded from its own HTML under its own CSP (as a meta tag) with every request of it refused, so
 * nothing leaves the browser and what the CSP would block shows as an error.
 */
import type { Browser } from "@cloudflare/puppeteer";
import { siteHeaders } from "../../automation/sites/csp";
import { acquireBrowser } from "../browser/session";

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const LOAD_TIMEOUT_MS = 15_000;

export type SiteQuality = {
  desktop: Uint8Array;
  mobile: Uint8Array;
  claimBar: boolean;
  consoleErrors: string[];
  bytes: number;
  imagesWithoutAlt: number;
  lang: string;
};

/** One line for the row: "Claim bar ✓ · no console errors · 10.2 KB · every image described · lang en". */
export function qualityLine(q: Omit<SiteQuality, "desktop" | "mobile">): string {
  return [
    q.claimBar ? "Claim bar ✓" : "No claim bar ✗",
    q.consoleErrors.length ? `${q.consoleErrors.length} console error(s): ${q.consoleErrors[0]}` : "no console errors",
    `${(q.bytes / 1024).toFixed(1)} KB`,
    q.imagesWithoutAlt ? `${q.imagesWithoutAlt} image(s) without alt ✗` : "every image described",
    q.lang ? `lang ${q.lang}` : "no lang ✗",
  ].join(" · ");
}

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
    const facts = (await page.evaluate(`({
      claimBar: !!document.querySelector("[data-claim-bar]"),
      imagesWithoutAlt: [...document.images].filter((i) => !i.hasAttribute("alt")).length,
      lang: document.documentElement.lang || "",
    })`)) as { claimBar: boolean; imagesWithoutAlt: number; lang: string };
    const shot = (await page.screenshot({ type: "png", fullPage: false })) as Uint8Array;
    return { shot, facts, errors };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The page with its CSP as a meta tag (frame-ancestors aside), so what the CSP would refuse shows as an error. */
async function underItsCsp(html: string): Promise<string> {
  const csp = (await siteHeaders({ html }))
    ["Content-Security-Policy"]!.split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, "&quot;")}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}

export async function checkSite(env: Env, html: string): Promise<SiteQuality> {
  const session = await acquireBrowser(env.BROWSER);
  try {
    const page = await underItsCsp(html);
    const desktop = await shoot(session.browser, page, DESKTOP);
    const mobile = await shoot(session.browser, page, MOBILE);
    return {
      desktop: desktop.shot,
      mobile: mobile.shot,
      ...desktop.facts,
      consoleErrors: [...new Set([...desktop.errors, ...mobile.errors])],
      bytes: new TextEncoder().encode(html).byteLength,
    };
  } finally {
    await session.release();
  }
}

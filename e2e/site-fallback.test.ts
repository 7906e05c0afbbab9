/**
 * Generated sites in Chromium, served with their own headers the way the Worker serves them:
 * the fallback templates pass axe-core at desktop and mobile sizes in light and dark, a hostile
 * business's facts run nothing, and what the sanitizer leaves of a hostile page runs nothing.
 */
import axe from "axe-core";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fallbackSite } from "../automation/sites/fallback";
import { sanitizeSiteHtml } from "../automation/sites/sanitize";
import { ATTACKS, HOSTILE, PLUMBER, SAMPLES } from "../automation/sites/test-data";
import { sharedBrowser } from "./browser";
import { type SiteServer, serveSites } from "./site-server";

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };
const SCHEMES = ["light", "dark"] as const;
/** Seeds 0 and 3 give each template its first palette with the split hero and its second with the centered one. */
const SEEDS = [0, 3];

const templatePages = Object.fromEntries(
  SAMPLES.flatMap((facts) => SEEDS.map((seed) => fallbackSite(facts, { seed }))).map((site) => [
    `/${site.template}/`,
    site.html,
  ]),
);
const attackPages = Object.fromEntries(
  Object.entries(ATTACKS).map(([name, html], i) => [`/attack/${i}/`, { name, html: sanitizeSiteHtml(html) }]),
);
const PAGES: Record<string, string> = {
  ...templatePages,
  ...Object.fromEntries(Object.entries(attackPages).map(([path, page]) => [path, page.html])),
  "/plumber/": fallbackSite(PLUMBER).html,
  "/hostile/": fallbackSite(HOSTILE).html,
  // Not sanitized: an inline handler that got this far must still be refused by the CSP.
  "/unsanitized-handler/": `<!doctype html><title>x</title><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="alert(1)" onerror="alert(2)" alt="">`,
};

const browser = sharedBrowser();
let server: SiteServer;
beforeAll(async () => {
  server = await serveSites(PAGES);
});
afterAll(() => server?.stop());

/** A page at `path`, with everything a user would notice going wrong recorded. */
async function open(path: string, options: BrowserContextOptions = {}) {
  const context = await browser().newContext({ viewport: VIEWPORTS.desktop, ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const seen = { dialogs: [] as string[], errors: [] as string[], elsewhere: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) seen.elsewhere.push(request.url());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  return { page, seen, close: () => context.close() };
}

/** What could run on the page, as the browser parsed it. */
function executable(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      scripts: [...document.scripts].filter((s) => s.type !== "application/ld+json").length,
      handlers: all.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith("on"))),
      codeUrls: all.flatMap((el) =>
        ["href", "xlink:href", "src", "action", "formaction"]
          .map((name) => el.getAttribute(name) ?? "")
          .filter((url) => /^\s*(javascript|vbscript|data:text)/i.test(url)),
      ),
      embeds: document.querySelectorAll("iframe, object, embed, form, base, meta[http-equiv]").length,
    };
  });
}

describe("fallback site in Chromium — accessibility", () => {
  it.each(Object.keys(templatePages))(
    "%s has no serious or critical axe violations at desktop and mobile, light and dark",
    async (path) => {
      const findings: string[] = [];
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        for (const colorScheme of SCHEMES) {
          // axe is injected through the DevTools protocol, which the page's CSP does not govern.
          const { page, close } = await open(path, { viewport, colorScheme });
          await page.evaluate(axe.source);
          const violations = await page.evaluate(() =>
            (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
          );
          for (const v of violations.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
            findings.push(
              `${size} ${colorScheme}: ${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
            );
          }
          await close();
        }
      }
      expect(findings).toEqual([]);
    },
  );
});

describe("fallback site in Chromium — served under its own CSP", () => {
  it("runs its own script, is refused nothing and asks no other origin for anything", async () => {
    const { page, seen, close } = await open("/plumber/", { viewport: VIEWPORTS.mobile });
    const today = new Date().toLocaleDateString("en-US", { weekday: "short" });
    await expect.poll(() => page.locator('[aria-current="date"]').textContent()).toContain(today);
    expect(seen).toEqual({ dialogs: [], errors: [], elsewhere: [] });
    await close();
  });

  it("keeps the claim bar in view at the bottom of a phone screen while the page scrolls", async () => {
    const { page, close } = await open("/plumber/", { viewport: VIEWPORTS.mobile });
    const bar = page.locator("[data-claim-bar]");
    for (const y of [0, 1500]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const box = await bar.boundingBox();
      expect(Math.round(box!.y + box!.height)).toBe(VIEWPORTS.mobile.height);
    }
    expect(await bar.getByRole("link", { name: "Claim this site" }).getAttribute("href")).toBe(PLUMBER.claimUrl);
    await close();
  });

  it("shows a hostile business's name and reviews as text and runs none of them", async () => {
    const { page, seen, close } = await open("/hostile/");
    expect(await page.locator("h1").textContent()).toBe(HOSTILE.name);
    expect(await executable(page)).toEqual({ scripts: 1, handlers: [], codeUrls: [], embeds: 0 });
    expect(seen).toEqual({ dialogs: [], errors: [], elsewhere: [] });
    await close();
  });

  it("refuses an inline handler even when one reaches the page", async () => {
    const { page, seen, close } = await open("/unsanitized-handler/");
    await page.waitForFunction(() => document.images[0]?.complete);
    expect(seen.dialogs).toEqual([]);
    await expect.poll(() => seen.errors.join("\n")).toMatch(/Content Security Policy/);
    await close();
  });
});

describe("sanitized pages in Chromium", () => {
  // The CSP is bypassed here: the sanitizer alone must leave nothing that runs.
  it.each(Object.entries(attackPages).map(([path, page]) => [page.name, path]))(
    "%s leaves nothing that runs",
    async (_, path) => {
      const { page, seen, close } = await open(path, { bypassCSP: true });
      expect(await executable(page)).toEqual({ scripts: 0, handlers: [], codeUrls: [], embeds: 0 });
      expect(seen.dialogs).toEqual([]);
      expect(seen.elsewhere.filter((url) => url.includes("evil"))).toEqual([]);
      await close();
    },
  );
});

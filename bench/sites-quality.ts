/**
 * The quality check's time per site, measured with playwright-core and the system Chromium:
 * Browser Rendering is a Worker binding, not reachable from a Node benchmark, so this repeats
 * `checkSite`'s steps (`worker/sites/quality.ts`) in a local browser: the page under its own CSP
 * as a meta tag, every request refused, at 1280×800 and at 390×844, each with the claim-bar and
 * image facts, a screenshot and axe-core's WCAG 2 A/AA run. One browser for all sites, as the
 * Worker reuses its Browser Rendering session.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { siteHeaders } from "../automation/sites/csp";
import { fmt, summary } from "./stats";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const VIEWPORTS = [
  { viewport: { width: 1280, height: 800 } },
  { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
const LOAD_TIMEOUT_MS = 15_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function underItsCsp(html: string): Promise<string> {
  const csp = (await siteHeaders({ html }))
    ["Content-Security-Policy"]!.split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, "&quot;")}">`;
  return html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`);
}

/** Checks each page as `checkSite` does and prints the time per site (the first one warms up). */
export async function benchQuality(label: string, pages: readonly string[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const times: number[] = [];
    let findings = 0;
    for (const [i, html] of pages.entries()) {
      const started = performance.now();
      const page = await underItsCsp(html);
      for (const options of VIEWPORTS) {
        const context = await browser.newContext(options);
        await context.route("**/*", (route) =>
          /^(data|about|blob):/.test(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
        );
        const tab = await context.newPage();
        await tab.setContent(page, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
        await tab.evaluate(`({
          claimBar: !!document.querySelector("[data-claim-bar]"),
          imagesWithoutAlt: [...document.images].filter((i) => !i.hasAttribute("alt")).length,
        })`);
        await tab.screenshot({ type: "png" });
        await tab.evaluate(AXE);
        const serious =
          (await tab.evaluate(`axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } })
          .then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").length)`)) as number;
        findings += serious;
        await context.close();
      }
      if (i > 0) times.push(performance.now() - started);
    }
    const t = summary(times);
    console.log(
      `quality check per site, ${label} (playwright-core + Chromium, checkSite's steps; Browser Rendering is not reachable from a bench), ms: median ${fmt(t.p50)}, p95 ${fmt(t.p95)} over ${times.length} sites; ${findings} serious/critical axe finding(s)`,
    );
  } finally {
    await browser.close();
  }
}

/**
 * Debian's Chromium through puppeteer-core, for the contact engine on the command line and in
 * benchmarks: the same puppeteer Page API the Worker gets from Browser Rendering.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { DESKTOP_VIEWPORT } from "../automation/contact/engine";
import { CliError } from "./cli/workspace-owner";
import { findSystemChromium } from "./prepare-browser";

/** Flags for a root, offline, sandboxed machine: no sandbox (root), no background fetching. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/** Chromium for the contact engine: `CHROMIUM_PATH`, else the system's; a clear error when there is none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findSystemChromium();
  if (!executablePath) {
    throw new CliError(
      "No Chromium found (looked for /usr/bin/chromium). Install it: sudo apt-get install -y chromium",
    );
  }
  return puppeteer.launch({ executablePath, args: ARGS, defaultViewport: DESKTOP_VIEWPORT });
}

/**
 * A page for one contact attempt, in a browser context of its own: its own window, so with
 * several attempts at once none sits in a background tab, where rendering stops and a click
 * (which waits for its element to be seen in view) hangs until the budget runs out; and its own
 * cookies, so one dealer's consent choice or session never reaches another's.
 */
export async function attemptPage(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  return { page, close: () => context.close().catch(() => undefined) };
}

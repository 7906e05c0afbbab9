/** Debian's Chromium through playwright-core, with the flags this sandboxed, offline machine needs. */
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Api } from "./api";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** One browser for a test file, launched before its tests and closed after. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("The browser is not launched yet: call it inside a test");
    return browser;
  };
}

/**
 * A page in a new browser context signed in as `api`'s account, at `url` (a table), once the
 * grid is there and its first sync is done (that can take a while on a loaded machine).
 */
export async function openTable(browser: Browser, api: Api, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  await context.addCookies(api.cookies());
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("grid").waitFor();
  await page.getByText("Saved").waitFor({ timeout: 30_000 });
  return page;
}

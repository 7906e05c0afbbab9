/**
 * Browser Rendering: whether the account can open a browser now (sessions in use against its
 * limit, launches allowed), from `@cloudflare/puppeteer`'s `limits`. A browser that cannot be had
 * is a warning, not an outage: email finding waits for the next batch.
 */
import puppeteer from "@cloudflare/puppeteer";
import { bounded, type CheckOutcome, reason } from "./bounded";

/** The limits call goes to the binding, not a provider: five seconds is already very slow. */
const BROWSER_CHECK_TIMEOUT_MS = 5_000;

export async function checkBrowser(env: Env): Promise<CheckOutcome> {
  const binding = (env as { BROWSER?: Env["BROWSER"] }).BROWSER;
  if (!binding) return { light: "off", detail: "no Browser Rendering binding: pages are read without a browser" };
  try {
    const limits = await bounded("Browser Rendering", () => puppeteer.limits(binding), BROWSER_CHECK_TIMEOUT_MS);
    // Local Browser Rendering (wrangler) answers without the list of active sessions.
    const active = limits.activeSessions?.length ?? 0;
    const inUse = `${active} of ${limits.maxConcurrentSessions} sessions in use`;
    if (limits.allowedBrowserAcquisitions > 0) return { light: "ok", detail: `${inUse}, a browser can be opened` };
    const wait = Math.ceil(limits.timeUntilNextAllowedBrowserAcquisition / 1000);
    return { light: "warning", detail: `${inUse}, no browser can be opened for ${wait} s` };
  } catch (error) {
    return { light: "warning", detail: `Browser Rendering did not answer: ${reason(error)}` };
  }
}

/**
 * Browser Rendering sessions, reused: a job connects to an idle session when one is open and
 * only launches a new one otherwise (launches are slow and count against the account's
 * concurrent-browser limit). Sessions stay alive for `KEEP_ALIVE_MS` between jobs.
 */
import puppeteer, { type Browser } from "@cloudflare/puppeteer";

/** Idle time before Browser Rendering closes a session; 60 s covers the gap between queue batches. */
const KEEP_ALIVE_MS = 60_000;

/** A browser for one batch of jobs; call `release` when done (it disconnects, the session lives on). */
export async function acquireBrowser(binding: Env["BROWSER"]): Promise<{ browser: Browser; release(): Promise<void> }> {
  const idle = (await puppeteer.sessions(binding).catch(() => [])).filter((s) => !s.connectionId);
  for (const session of idle) {
    try {
      const browser = await puppeteer.connect(binding, session.sessionId);
      return { browser, release: async () => browser.disconnect() };
    } catch {
      // Another job took it first, or it just closed: try the next, then launch.
    }
  }
  const browser = await puppeteer.launch(binding, { keep_alive: KEEP_ALIVE_MS });
  return { browser, release: async () => browser.disconnect() };
}

/**
 * A browser acquired on first use: a batch whose jobs need no page (a chain that finds nothing
 * queued, a fictional sample dealer) neither launches nor connects to a session.
 */
export function lazyBrowser(binding: Env["BROWSER"]): { get(): Promise<Browser>; release(): Promise<void> } {
  let acquired: ReturnType<typeof acquireBrowser> | null = null;
  return {
    async get() {
      if (!acquired) {
        acquired = acquireBrowser(binding);
        // A launch that failed is tried again by the next job that needs a page.
        acquired.catch(() => {
          acquired = null;
        });
      }
      return (await acquired).browser;
    },
    release: async () => {
      if (acquired) await (await acquired.catch(() => null))?.release();
    },
  };
}

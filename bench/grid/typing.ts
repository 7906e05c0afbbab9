/**
 * Keys pressed while a table is still loading: from the first interactive viewport, ArrowDown and
 * ArrowUp in turn every PAUSE_MS until every row is in the grid (at most MAX_PRESSES). Each press
 * is timed from sending it (CDP) to the page having handled it, the delay a person feels.
 */
import type { Browser } from "playwright-core";
import { percentile } from "../stats";
import { dealership } from "./dataset";
import { VIEWPORT } from "./measure";
import { addProbe, openAndTime, timeAllRows } from "./probe";

const PAUSE_MS = 60;
const MAX_PRESSES = 60;

export type Typing = { presses: number; p50: number; p90: number; max: number; allRowsMs: number };

export async function typeWhileLoading(
  browser: Browser,
  target: { url: string; rows: number; columnIds: string[]; cookies: { name: string; value: string; url: string }[] },
): Promise<Typing> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(target.cookies);
    const page = await context.newPage();
    await addProbe(page, "rowpilot", target.columnIds);
    await openAndTime(page, target.url, dealership);
    let loaded = false;
    const allRows = timeAllRows(page, target.rows).finally(() => {
      loaded = true;
    });
    const delays: number[] = [];
    while (!loaded && delays.length < MAX_PRESSES) {
      const sent = performance.now();
      await page.keyboard.press(delays.length % 2 ? "ArrowUp" : "ArrowDown");
      delays.push(performance.now() - sent);
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
    const allRowsMs = await allRows;
    const sorted = delays.sort((a, b) => a - b);
    return {
      presses: sorted.length,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      max: sorted.at(-1) ?? Number.NaN,
      allRowsMs,
    };
  } finally {
    await context.close();
  }
}

/**
 * A windowed grid's journey through a large table: after its first viewport, a jump to the middle
 * row and then to the last, each timed until that row shows its text, with the blocks the page
 * had subscribed to and held open, the bytes its socket had received, and its heap, at each stop.
 */
import type { Page } from "playwright-core";
import { dealership } from "./dataset";
import { heapAfterGc, WAITS } from "./probe";
import { blockCount, type SocketTally } from "./sockets";

export type Stop = {
  label: string;
  /** From the jump until the row showed its text (0 for the first viewport). */
  ms: number;
  blocksSubscribed: number;
  /** The grid's `data-open-blocks`: block docs open at that moment (closed ones not counted). */
  blocksOpen: number;
  bytesIn: number;
  heapBytes: number;
};

/** The view's order as the page fetched it (resource timing): how long, how many bytes. */
export type OrderFetch = { ms: number; bytes: number };

async function stop(page: Page, sockets: SocketTally, label: string, ms: number): Promise<Stop> {
  const blocksOpen = await page.evaluate(() =>
    Number(document.querySelector("[role=grid]")?.getAttribute("data-open-blocks") ?? Number.NaN),
  );
  return {
    label,
    ms,
    blocksSubscribed: blockCount(sockets.subscribed),
    blocksOpen,
    bytesIn: sockets.bytesIn,
    heapBytes: await heapAfterGc(page),
  };
}

/** Scrolls so row `row` (0-based) is at the top and times it until its first cell shows its text. */
async function jumpTo(page: Page, row: number): Promise<number> {
  const handle = await page.waitForFunction(
    async ({ row, text }) => {
      const grid = window.benchProbe?.scroller();
      // The last row drawn is a data row (the header is the first), whatever the view's row height.
      const drawn = document.querySelectorAll("[role=grid] [role=row]");
      const height = drawn[drawn.length - 1]?.getBoundingClientRect().height;
      if (!grid || !height) throw new Error("the grid has no rows to measure");
      const started = performance.now();
      grid.scrollTop = row * height;
      while (window.benchProbe?.cellText(row, 0) !== text) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - started;
    },
    { row, text: dealership(row) },
    { timeout: WAITS.firstViewportMs },
  );
  return (await handle.jsonValue()) as number;
}

/** The first viewport, then the middle and the last row of a `rows`-row table. */
export async function visit(page: Page, sockets: SocketTally, rows: number): Promise<Stop[]> {
  const stops = [await stop(page, sockets, "first viewport", 0)];
  const middle = Math.floor(rows / 2);
  stops.push(await stop(page, sockets, `row ${(middle + 1).toLocaleString()}`, await jumpTo(page, middle)));
  stops.push(await stop(page, sockets, `row ${rows.toLocaleString()}`, await jumpTo(page, rows - 1)));
  return stops;
}

/** The page's order requests that brought an order (not 304s): their time and bytes together. */
export function orderFetch(page: Page): Promise<OrderFetch | null> {
  return page.evaluate(() => {
    const pages = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (e) => e.name.includes("/order?") && e.encodedBodySize > 0,
    );
    if (!pages.length) return null;
    return {
      ms: pages.reduce((n, e) => n + e.duration, 0),
      bytes: pages.reduce((n, e) => n + e.encodedBodySize, 0),
    };
  });
}

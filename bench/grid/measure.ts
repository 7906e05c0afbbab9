/** One measured opening of a grid in a fresh browser context (empty cache and IndexedDB): every figure the report needs. */
import type { Browser } from "playwright-core";
import { summary } from "../stats";
import { dealership } from "./dataset";
import {
  addProbe,
  type GridKind,
  heapAfterGc,
  longestTask,
  openAndTime,
  scrollFrames,
  timeAllRows,
  timeEditable,
} from "./probe";
import { blockCount, watchSockets } from "./sockets";
import { type OrderFetch, orderFetch, type Stop, visit } from "./visits";

/** Narrow enough that 15 columns of 180 px need sideways scrolling. */
export const VIEWPORT = { width: 1280, height: 800 };
/** Each scroll lasts this long: ~180 frames at 60 Hz, enough for a p99 per run. */
const SCROLL_MS = 3_000;
/** 100 px a frame is a brisk fling (~3 rows a frame, 6,000 px/s); sideways 20 px a frame sweeps the columns in ~1.5 s. */
const STEP_Y_PX = 100;
const STEP_X_PX = 20;
/** Quiet time before the heap is read, so work queued after the last row (IndexedDB writes) can run. */
const SETTLE_MS = 1_000;

export type Measurement = {
  /** The page's first byte (navigation timing's responseStart): server rendering included. */
  firstByteMs: number;
  visibleMs: number;
  interactiveMs: number;
  /** A key typed on the active cell is in a focused editor (see `timeEditable`). */
  editableMs: number;
  /** Until the grid's own editor opens (Rowpilot's once hydrated; see `timeEditable`). */
  gridEditableMs: number;
  /** The longest main-thread task from navigation until the grid's own editor opened (see `longestTask`). */
  longestTaskMs: number;
  allRowsMs: number;
  /** The same until every row was in the grid: the table's connection and its blocks' loading included. */
  longestLoadTaskMs: number;
  heapBytes: number;
  scrollY?: { p95: number; p99: number; frames: number };
  scrollX?: { p95: number; p99: number; frames: number };
  blocksSubscribed: number;
  blocksReceived: number;
  bytesIn: number;
  gridBox: { width: number; height: number };
  /** A windowed table's first viewport, middle and end (with `visits`). */
  stops?: Stop[];
  /** A windowed table's order request. */
  order?: OrderFetch | null;
};

export type Target = {
  kind: GridKind;
  url: string;
  rows: number;
  columnIds: string[];
  cookies?: { name: string; value: string; url: string }[];
  scroll: boolean;
  /** Jump to the middle and the end of the table, counting blocks at each stop. */
  visits?: boolean;
};

export async function measure(browser: Browser, target: Target): Promise<Measurement> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    if (target.cookies) await context.addCookies(target.cookies);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await addProbe(page, target.kind, target.columnIds);
    const sockets = watchSockets(page);
    // A missing script would leave the page blank until the long wait ran out: fail at once instead.
    const broken = new Promise<never>((_, reject) =>
      page.on("response", (r) => {
        if (r.status() >= 400 && new URL(r.url()).pathname.startsWith("/assets/"))
          reject(new Error(`${r.url()} answered ${r.status()}: was the server's build changed under it?`));
      }),
    );
    broken.catch(() => {});
    const open = await Promise.race([openAndTime(page, target.url, dealership), broken]).catch(async (error: Error) => {
      // What the page said and what its first row held make a failed opening readable.
      const row = await page
        .evaluate(() => document.querySelector('[role=row][aria-rowindex="2"]')?.outerHTML.slice(0, 600) ?? "no row 1")
        .catch(() => "the page is gone");
      throw new Error(`${error.message}\n  page errors: ${errors.join(" | ") || "none"}\n  row 1: ${row}`);
    });
    const { editableMs, gridEditableMs } = await timeEditable(page);
    const longestTaskMs = await longestTask(page, gridEditableMs);
    const allRowsMs = await timeAllRows(page, target.rows);
    const longestLoadTaskMs = await longestTask(page, allRowsMs);
    const firstByteMs = await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart,
    );
    await page.waitForTimeout(SETTLE_MS);
    const heapBytes = await heapAfterGc(page);
    const gridBox = await page.evaluate(() => {
      const scroller = window.benchProbe?.scroller();
      const box = (scroller?.closest(".ag-root-wrapper") ?? scroller)?.getBoundingClientRect();
      return { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) };
    });
    let scrollY: Measurement["scrollY"];
    let scrollX: Measurement["scrollX"];
    if (target.scroll) {
      const y = await scrollFrames(page, "y", SCROLL_MS, STEP_Y_PX);
      const x = await scrollFrames(page, "x", SCROLL_MS, STEP_X_PX);
      scrollY = { ...summary(y), frames: y.length };
      scrollX = { ...summary(x), frames: x.length };
    }
    const atOpen = {
      blocksSubscribed: blockCount(sockets.subscribed),
      blocksReceived: blockCount(sockets.received),
      bytesIn: sockets.bytesIn,
    };
    const stops = target.visits ? await visit(page, sockets, target.rows) : undefined;
    const order = target.visits ? await orderFetch(page) : undefined;
    if (errors.length) console.warn(`  (${target.kind} page reported: ${errors.slice(0, 3).join(" | ")})`);
    return {
      firstByteMs,
      ...open,
      editableMs,
      gridEditableMs,
      longestTaskMs,
      allRowsMs,
      longestLoadTaskMs,
      heapBytes,
      scrollY,
      scrollX,
      ...atOpen,
      gridBox,
      stops,
      order,
    };
  } finally {
    await context.close();
  }
}

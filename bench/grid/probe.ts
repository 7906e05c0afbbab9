/**
 * What the benchmark measures in a page, the same way for both grids: a small probe installed
 * before the page's own scripts knows where each grid draws its cells, its active cell, its row
 * count and its scrolling elements; everything else here is grid-agnostic.
 */
import type { Page } from "playwright-core";

export type GridKind = "rowpilot" | "ag-grid";

type Probe = {
  cellText(row: number, col: number): string | null;
  cellCenter(row: number, col: number): { x: number; y: number } | null;
  activeRow(): number | null;
  /** Whether the grid's own cell editor is open (Rowpilot's: hydrated, not its page's first script's). */
  editing(): boolean;
  rowCount(): number;
  scroller(): HTMLElement | null;
  /** Main-thread tasks of 50 ms or more (the Long Tasks API's threshold): [start, duration] in ms. */
  longTasks: [number, number][];
};

declare global {
  interface Window {
    benchProbe?: Probe;
    benchGrid?: { getDisplayedRowCount(): number };
  }
}

/** Runs in the page (serialized by Playwright): defines `window.benchProbe` for one grid. */
function installProbe({ kind, columnIds }: { kind: GridKind; columnIds: string[] }) {
  const cell = (row: number, col: number): HTMLElement | null =>
    kind === "rowpilot"
      ? document.querySelector(`[role=row][aria-rowindex="${row + 2}"] [role=gridcell][aria-colindex="${col + 1}"]`)
      : document.querySelector(`.ag-row[row-index="${row}"] .ag-cell[col-id="${columnIds[col]}"]`);
  const longTasks: [number, number][] = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) longTasks.push([task.startTime, task.duration]);
  }).observe({ type: "longtask" });
  window.benchProbe = {
    longTasks,
    cellText: (row, col) => cell(row, col)?.textContent ?? null,
    cellCenter(row, col) {
      const box = cell(row, col)?.getBoundingClientRect();
      return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    },
    activeRow() {
      const active =
        kind === "rowpilot"
          ? document.querySelector("[role=gridcell][aria-selected=true]")?.closest("[role=row]")
          : document.querySelector(".ag-cell-focus")?.closest(".ag-row");
      const index = active?.getAttribute(kind === "rowpilot" ? "aria-rowindex" : "row-index");
      return index == null ? null : Number(index) - (kind === "rowpilot" ? 2 : 0);
    },
    editing: () =>
      kind === "rowpilot"
        ? document.querySelector("[role=gridcell] input, [role=gridcell] textarea") !== null
        : document.querySelector(".ag-cell-inline-editing") !== null,
    // A busy grid shows the rows served with the page, its count included, before it has the rows.
    rowCount: () =>
      kind === "rowpilot"
        ? document.querySelector("[role=grid][aria-busy=true]")
          ? 0
          : Number(document.querySelector("[role=grid]")?.getAttribute("aria-rowcount") ?? 1) - 1
        : (window.benchGrid?.getDisplayedRowCount() ?? 0),
    // Both grids scroll one element along both axes (ag-grid since v35 draws its own scrollbars over it).
    scroller: () => document.querySelector(kind === "rowpilot" ? "[role=grid]" : ".ag-grid-viewport"),
  };
}

export async function addProbe(page: Page, kind: GridKind, columnIds: string[]) {
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in a `__name` helper
  // that only exists in Node; the page needs a stand-in for the serialized probe to run.
  await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  await page.addInitScript(installProbe, { kind, columnIds });
}

/** Give-up times for each wait, with the reason for each number. */
export const WAITS = {
  /** First viewport: a 100,000-row table on a loaded 2-core machine took up to ~30 s in trials. */
  firstViewportMs: 90_000,
  /**
   * One typed key's wait for its editor; a key the grid refused (Rowpilot before the row's block
   * has synced) is typed again until `firstViewportMs`. Short, since a miss adds up to this much.
   */
  keyAttemptMs: 100,
  /**
   * One click-and-ArrowDown attempt's wait for the move (a miss, a key the page dropped, is
   * retried). Generous: the page is checked every animation frame, and one long task (module
   * evaluation, 100–200 ms) had made moves already shown count as missed, each retry adding ~400 ms.
   */
  moveMs: 1_000,
  /** Row 1 drawn at the top again before a click-and-ArrowDown attempt. */
  centerMs: 1_000,
  /** Every row in the grid's model. */
  allRowsMs: 180_000,
};

export type OpenTiming = { visibleMs: number; interactiveMs: number };

/**
 * Navigates and times, from navigation start (the page's `performance.now()` origin):
 * - visible: row 1 and row 10 show their expected first-column text;
 * - interactive: a real click on row 1's second cell, then ArrowDown, moved the active cell to row 2.
 * A click or key that lands before the grid's handlers are attached is retried.
 */
export async function openAndTime(page: Page, url: string, expected: (row: number) => string): Promise<OpenTiming> {
  const deadline = Date.now() + WAITS.firstViewportMs;
  await page.goto(url, { waitUntil: "commit", timeout: WAITS.firstViewportMs });
  const visible = await page
    .waitForFunction(
      ([first, tenth]) =>
        window.benchProbe?.cellText(0, 0) === first && window.benchProbe.cellText(9, 0) === tenth
          ? performance.now()
          : 0,
      [expected(0), expected(9)] as const,
      { polling: "raf", timeout: WAITS.firstViewportMs },
    )
    .catch((error: Error) => {
      throw new Error(
        `${url}: the first rows did not appear within ${WAITS.firstViewportMs / 1000} s (${error.message})`,
      );
    });
  const visibleMs = (await visible.jsonValue()) as number;
  let attempts = 0;
  while (Date.now() < deadline) {
    attempts++;
    // An arrow key that lands before the grid handles keys scrolls it natively: back to the top
    // first, and row 1 drawn again there (a virtualized grid redraws on the next frame).
    const center = await page
      .waitForFunction(
        () => {
          window.benchProbe?.scroller()?.scrollTo({ top: 0, left: 0 });
          return window.benchProbe?.cellCenter(0, 1) ?? null;
        },
        undefined,
        { polling: "raf", timeout: WAITS.centerMs },
      )
      .then((handle) => handle.jsonValue() as Promise<{ x: number; y: number }>)
      .catch(() => null);
    if (!center) throw new Error(`${url}: row 1 disappeared after it was shown`);
    await page.mouse.click(center.x, center.y);
    await page.keyboard.press("ArrowDown");
    const moved = await page
      .waitForFunction(() => (window.benchProbe?.activeRow() === 1 ? performance.now() : 0), undefined, {
        polling: "raf",
        timeout: WAITS.moveMs,
      })
      .catch(() => null);
    if (moved) return { visibleMs, interactiveMs: (await moved.jsonValue()) as number };
  }
  throw new Error(`${url}: ArrowDown did not move the active cell after ${attempts} click-and-key attempts`);
}

/**
 * Milliseconds from navigation start until a key typed on the active cell (left by `openAndTime`)
 * is in an open editor: a focused text field holding it. A key that opened none (Rowpilot before
 * its table could take typing) is typed again; the editor is closed after (Esc drops the text).
 * Then the same until the grid's own editor opens (`probe.editing`): for Rowpilot, once the page
 * has hydrated (before, its first script's editor stands in); for ag-grid, at once.
 */
export async function timeEditable(page: Page): Promise<{ editableMs: number; gridEditableMs: number }> {
  const typedInEditor =
    "(document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement)" +
    ' && document.activeElement.value === "x"';
  const editableMs = await typeUntil(page, typedInEditor);
  const gridEditableMs = await typeUntil(page, "Boolean(window.benchProbe?.editing())");
  return { editableMs, gridEditableMs };
}

/** Types "x" (then Esc) until `open`, an expression evaluated in the page, holds: when it first did. */
async function typeUntil(page: Page, open: string): Promise<number> {
  const deadline = Date.now() + WAITS.firstViewportMs;
  while (Date.now() < deadline) {
    await page.keyboard.press("x");
    const opened = await page
      .waitForFunction(`(${open}) ? performance.now() : 0`, undefined, {
        polling: "raf",
        timeout: WAITS.keyAttemptMs,
      })
      .catch(() => null);
    await page.keyboard.press("Escape");
    if (opened) return (await opened.jsonValue()) as number;
  }
  throw new Error(`A key typed on the active cell opened no editor within ${WAITS.firstViewportMs / 1000} s`);
}

/**
 * The longest main-thread task that started before `until` (ms from navigation start): while a
 * page starts, a click or key waits for the task under way. 0 when none reached 50 ms, the
 * shortest the browser reports.
 */
export async function longestTask(page: Page, until: number): Promise<number> {
  return page.evaluate(
    (end) => Math.max(0, ...(window.benchProbe?.longTasks ?? []).filter(([start]) => start < end).map(([, d]) => d)),
    until,
  );
}

/** Milliseconds from navigation start until the grid's model holds `rows` rows. */
export async function timeAllRows(page: Page, rows: number): Promise<number> {
  const done = await page
    .waitForFunction((n) => (window.benchProbe?.rowCount() === n ? performance.now() : 0), rows, {
      polling: 100,
      timeout: WAITS.allRowsMs,
    })
    .catch(async (error: Error) => {
      const seen = await page.evaluate(() => window.benchProbe?.rowCount() ?? 0);
      throw new Error(`The grid held ${seen} of ${rows} rows after ${WAITS.allRowsMs / 1000} s (${error.message})`);
    });
  return (await done.jsonValue()) as number;
}

/** JS heap in use after a full garbage collection (Chrome DevTools Protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value;
    if (used === undefined) throw new Error("Performance.getMetrics gave no JSHeapUsedSize");
    return used;
  } finally {
    await cdp.detach();
  }
}

/**
 * Scrolls the grid by `stepPx` every animation frame for `durationMs` (sideways, it turns at
 * either end) and returns the time between frames as requestAnimationFrame saw it.
 */
export async function scrollFrames(page: Page, axis: "x" | "y", durationMs: number, stepPx: number) {
  return page.evaluate(
    async ({ axis, durationMs, stepPx }): Promise<number[]> => {
      const el = window.benchProbe?.scroller();
      if (!el) throw new Error("the grid's scrolling element is missing");
      const key = axis === "y" ? "scrollTop" : "scrollLeft";
      const max = axis === "y" ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth;
      if (max <= 0) throw new Error(`the grid does not scroll along ${axis}`);
      el.scrollTop = 0;
      el.scrollLeft = 0;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 0; i < 10; i++) await frame();
      const frames: number[] = [];
      let direction = 1;
      let last = await frame();
      const end = last + durationMs;
      while (last < end) {
        let next = el[key] + direction * stepPx;
        if (next >= max || next <= 0) {
          direction = -direction;
          next = Math.min(max, Math.max(0, next));
        }
        el[key] = next;
        const now = await frame();
        frames.push(now - last);
        last = now;
      }
      return frames;
    },
    { axis, durationMs, stepPx },
  );
}

/**
 * `npm run bench:layouts`: what the benchmark table (20,000 rows × 15 columns, bench/grid's data)
 * costs a browser to hold and to load in each candidate document layout, in Chromium (whose heap,
 * with compressed pointers, is what users have; Node's is about twice as large).
 * - cellKeys: the layout before row bases, a Y.Map per row with a key per cell (cell-level merges);
 * - rowBase: today's layout (sync/layout's insertRow), a Y.Map per row holding the cells it was
 *   created with as one JSON text (`_base`) and a key per cell edited since (cell-level merges);
 * - rowBaseEdited: the same with one cell of every row edited since;
 * - flatCells: one Y.Map per block keyed `row|column` (cell-level merges, no Y.Map per row);
 * - columnMaps: a Y.Map per column keyed by row (cell-level merges);
 * - rowObjects: a row's cells as one JSON value (a row-level merge: concurrent edits to two cells
 *   of one row keep one of them), for comparison;
 * - plainRows: plain objects, no Yjs (what ag-grid holds).
 */
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { fmt } from "../stats";
import type { Layout } from "./page";

const LAYOUTS: Layout[] = [
  "cellKeys",
  "rowBase",
  "rowBaseEdited",
  "flatCells",
  "columnMaps",
  "rowObjects",
  "plainRows",
];
const RUNS = 3;

const bundle = await build({
  entryPoints: ["bench/layouts/page.ts"],
  bundle: true,
  write: false,
  format: "iife",
  minify: true,
});
const script = bundle.outputFiles[0]!.text;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
console.log("Layouts — 20,000 rows × 15 columns in 20 blocks, loaded into fresh docs in Chromium (median of 3)\n");
console.log(`  ${"layout".padEnd(14)} ${"heap".padStart(9)} ${"load".padStart(9)}`);
try {
  for (const layout of LAYOUTS) {
    const heaps: number[] = [];
    const loads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.setContent("<!doctype html><title>layouts</title>");
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Performance.enable");
      const heap = async () => {
        await cdp.send("HeapProfiler.collectGarbage");
        const { metrics } = await cdp.send("Performance.getMetrics");
        return metrics.find((m) => m.name === "JSHeapUsedSize")!.value;
      };
      await page.addScriptTag({ content: script });
      const before = await heap();
      loads.push(await page.evaluate((l) => (window as unknown as { load(l: string): number }).load(l), layout));
      heaps.push((await heap()) - before);
      await page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `  ${layout.padEnd(14)} ${`${fmt(median(heaps) / 1024 / 1024)} MB`.padStart(9)} ${`${fmt(median(loads), 0)} ms`.padStart(9)}`,
    );
  }
} finally {
  await browser.close();
}

/** The benchmark's printed tables: medians of the runs, the runs themselves, and ours / peer ratios. */
import { fmt, summary } from "../stats";
import type { Measurement } from "./measure";
import type { Typing } from "./typing";
import type { Stop } from "./visits";

export type Metric = { label: string; unit: string; digits: number; of: (m: Measurement) => number | undefined };

const MB = 1024 * 1024;

export const COMPARED: Metric[] = [
  { label: "page's first byte", unit: "ms", digits: 0, of: (m) => m.firstByteMs },
  { label: "first rows visible", unit: "ms", digits: 0, of: (m) => m.visibleMs },
  { label: "first viewport interactive", unit: "ms", digits: 0, of: (m) => m.interactiveMs },
  { label: "first viewport editable", unit: "ms", digits: 0, of: (m) => m.editableMs },
  { label: "grid's own editor opens", unit: "ms", digits: 0, of: (m) => m.gridEditableMs },
  { label: "longest task until then", unit: "ms", digits: 0, of: (m) => m.longestTaskMs },
  { label: "every row in the grid", unit: "ms", digits: 0, of: (m) => m.allRowsMs },
  { label: "longest task until then", unit: "ms", digits: 0, of: (m) => m.longestLoadTaskMs },
  { label: "JS heap after GC", unit: "MB", digits: 1, of: (m) => m.heapBytes / MB },
  { label: "vertical scroll, p95 frame", unit: "ms", digits: 1, of: (m) => m.scrollY?.p95 },
  { label: "vertical scroll, p99 frame", unit: "ms", digits: 1, of: (m) => m.scrollY?.p99 },
  { label: "vertical scroll, frames in 3 s", unit: "", digits: 0, of: (m) => m.scrollY?.frames },
  { label: "horizontal scroll, p95 frame", unit: "ms", digits: 1, of: (m) => m.scrollX?.p95 },
  { label: "horizontal scroll, p99 frame", unit: "ms", digits: 1, of: (m) => m.scrollX?.p99 },
  { label: "horizontal scroll, frames in 3 s", unit: "", digits: 0, of: (m) => m.scrollX?.frames },
];

export const SINGLE: Metric[] = [
  { label: "page's first byte", unit: "ms", digits: 0, of: (m) => m.firstByteMs },
  { label: "first rows visible", unit: "ms", digits: 0, of: (m) => m.visibleMs },
  { label: "first viewport interactive", unit: "ms", digits: 0, of: (m) => m.interactiveMs },
  { label: "first viewport editable", unit: "ms", digits: 0, of: (m) => m.editableMs },
  { label: "grid's own editor opens", unit: "ms", digits: 0, of: (m) => m.gridEditableMs },
  { label: "longest task until then", unit: "ms", digits: 0, of: (m) => m.longestTaskMs },
  { label: "every row in the grid", unit: "ms", digits: 0, of: (m) => m.allRowsMs },
  { label: "longest task until then", unit: "ms", digits: 0, of: (m) => m.longestLoadTaskMs },
  { label: "JS heap after GC", unit: "MB", digits: 1, of: (m) => m.heapBytes / MB },
  { label: "block docs subscribed", unit: "", digits: 0, of: (m) => m.blocksSubscribed },
  { label: "block docs received", unit: "", digits: 0, of: (m) => m.blocksReceived },
  { label: "received over the socket", unit: "MB", digits: 1, of: (m) => m.bytesIn / MB },
];

export function median(values: number[]): number {
  return summary(values).p50;
}

function cell(metric: Metric, runs: Measurement[]) {
  const values = runs.map(metric.of).filter((v): v is number => v !== undefined);
  if (!values.length) return { median: Number.NaN, text: "n/a" };
  const m = median(values);
  return { median: m, text: `${fmt(m, metric.digits)} (${values.map((v) => fmt(v, metric.digits)).join(", ")})` };
}

const label = (m: Metric) => `${m.label}${m.unit ? ` (${m.unit})` : ""}`;

/** Medians with each run in brackets, and the ratio of the medians. */
export function printComparison(ours: Measurement[], peer: Measurement[]): void {
  console.log(`  ${"".padEnd(36)}${"Rowpilot".padEnd(30)}${"ag-grid".padEnd(30)}ours / ag-grid`);
  for (const metric of COMPARED) {
    const a = cell(metric, ours);
    const b = cell(metric, peer);
    console.log(`  ${label(metric).padEnd(36)}${a.text.padEnd(30)}${b.text.padEnd(30)}${fmt(a.median / b.median, 2)}`);
  }
}

export function printSingle(runs: Measurement[]): void {
  for (const metric of SINGLE) console.log(`  ${label(metric).padEnd(36)}${cell(metric, runs).text}`);
}

/** A median with every run's value in brackets. */
const runsText = (values: number[], digits: number) =>
  `${fmt(median(values), digits)} (${values.map((v) => fmt(v, digits)).join(", ")})`;

/** A windowed table's stops (first viewport, middle, end): medians over the runs, each run in brackets. */
export function printStops(runs: Measurement[]): void {
  const columns: [string, number, number, (s: Stop) => number][] = [
    ["row shown after jump (ms)", 30, 0, (s) => s.ms],
    ["blocks subscribed", 22, 0, (s) => s.blocksSubscribed],
    ["blocks open", 22, 0, (s) => s.blocksOpen],
    ["socket received (MB)", 28, 1, (s) => s.bytesIn / MB],
    ["JS heap after GC (MB)", 28, 1, (s) => s.heapBytes / MB],
  ];
  console.log(`  ${"".padEnd(16)}${columns.map(([name, width]) => name.padEnd(width)).join("")}`);
  const labels = runs[0]?.stops?.map((s) => s.label) ?? [];
  labels.forEach((label, i) => {
    const at = runs.map((m) => m.stops![i]!);
    const cells = columns.map(([, width, digits, of]) => runsText(at.map(of), digits).padEnd(width));
    console.log(`  ${label.padEnd(16)}${cells.join("")}`);
  });
  const orders = runs.flatMap((m) => (m.order ? [m.order] : []));
  if (orders.length)
    console.log(
      `  the view's order (GET /api/tables/:id/order, its pages in turn): ${runsText(
        orders.map((o) => o.ms),
        0,
      )} ms, ${runsText(
        orders.map((o) => o.bytes / MB),
        2,
      )} MB`,
    );
}

/** Keys pressed while the table loads: how long each took to be handled, and when the last row came. */
export function printTyping(runs: Typing[]): void {
  const ms = (of: (t: Typing) => number) => runsText(runs.map(of), 0);
  console.log(
    "  Keys while it loads (ArrowDown / ArrowUp every 60 ms from the first interactive viewport until every row is in):\n" +
      `    a key handled after ${ms((t) => t.p50)} ms at the median, p90 ${ms((t) => t.p90)} ms, worst ${ms((t) => t.max)} ms;\n` +
      `    ${ms((t) => t.presses)} keys pressed; every row in the grid after ${ms((t) => t.allRowsMs)} ms (loading gives way to the keys).`,
  );
}

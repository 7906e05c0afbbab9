/**
 * Waiting for the machine to go quiet before a measured run. After a page closes, the server
 * still works for a while (a TableRoom compacts the block docs the page loaded: over a second
 * for 20 blocks on 2 cores), and a run that starts during it pays for the one before, whichever
 * grid it measures. Linux's /proc/stat tells how busy the cores were over a short window.
 */
import { readFileSync } from "node:fs";

/** Both cores at least this idle over one window counts as quiet. */
const IDLE_SHARE = 0.8;
/** The window: long enough to average out a scheduler tick, short enough to add little. */
const WINDOW_MS = 250;
/** Give-up time: a machine busy with something else should not stall the benchmark. */
const MAX_WAIT_MS = 10_000;

/** Idle and total jiffies across all cores, or null where /proc/stat is missing (not Linux). */
function cpuTimes(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are the idle ones.
    return { idle: fields[3]! + fields[4]!, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** Resolves once a window was quiet, or after MAX_WAIT_MS; returns how long it waited. */
export async function untilIdle(): Promise<number> {
  const started = performance.now();
  let before = cpuTimes();
  if (!before) return 0;
  while (performance.now() - started < MAX_WAIT_MS) {
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const now = cpuTimes()!;
    const total = now.total - before.total;
    if (total > 0 && (now.idle - before.idle) / total >= IDLE_SHARE) break;
    before = now;
  }
  return performance.now() - started;
}

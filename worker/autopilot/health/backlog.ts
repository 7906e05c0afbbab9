/** The backlog's light from its counts (pure: see queues.ts for where the counts come from). */
import type { CheckOutcome } from "./bounded";

/** Work waiting longer than this means a queue consumer is stuck or far behind (the brief's 30 minutes). */
export const BACKLOG_STALE_MINUTES = 30;

export type BacklogCount = { what: string; count: number; oldestAt: string | null };

/** The light from the counts: a warning when the oldest waiting item is over the stale limit. */
export function backlogOutcome(counts: BacklogCount[], now: Date): CheckOutcome {
  const waiting = counts.filter((c) => c.count > 0);
  if (!waiting.length) return { light: "ok", detail: "nothing waiting" };
  let stale = false;
  const parts = waiting.map((c) => {
    if (!c.oldestAt) return `${c.count} ${c.what}`;
    const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(c.oldestAt)) / 60_000));
    if (minutes > BACKLOG_STALE_MINUTES) stale = true;
    return `${c.count} ${c.what} (oldest ${minutes} min)`;
  });
  return { light: stale ? "warning" : "ok", detail: parts.join(", ") };
}

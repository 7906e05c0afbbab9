/**
 * The Sites row while an agent writes: its Stages cell says which agent is running and how many
 * tokens it has streamed ("Architect: running… 3,204 tokens"), so the grid and the gallery show
 * the work moving. A new agent is written at once; its token count at most every
 * `PROGRESS_EVERY_MS`, because each write is a row edit every open grid receives.
 */

import type { SiteAgent } from "../../schema/site-agents";
import { runningCell } from "../../schema/sites-api";

/** Often enough to look live (the gallery reads a site every 2 s), rare enough to keep a room's log small. */
export const PROGRESS_EVERY_MS = 2_000;

/** A progress callback for the pipeline that writes the Stages cell through `write`. */
export function stageProgress(write: (cell: string) => void, now: () => number = Date.now) {
  let shown = "";
  let at = 0;
  return (agent: SiteAgent, outputTokens: number, repair = false) => {
    const who = `${agent}${repair ? " repair" : ""}`;
    const t = now();
    if (who === shown && t - at < PROGRESS_EVERY_MS) return;
    shown = who;
    at = t;
    write(runningCell(agent, outputTokens, repair));
  };
}

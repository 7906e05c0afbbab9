/**
 * The local server's cron: the crons declared in wrangler.jsonc, fired on their schedules by the
 * start scripts and, when asked, the test servers.
 */
import type { ChildProcess } from "node:child_process";
import { experimental_readRawConfig } from "wrangler";
import { startCronTicker } from "./ticker";

export { dueFirings, type Firing, nextDueAt } from "./due";
export { type CronTicker, describeCron, SCHEDULED_ROUTE, startCronTicker } from "./ticker";

/** The Worker's `triggers.crons` as wrangler.jsonc declares them. */
export function declaredCrons(config = "wrangler.jsonc"): string[] {
  return experimental_readRawConfig({ config }).rawConfig.triggers?.crons ?? [];
}

/** Fires the declared crons at `origin` until `server` exits; returns them. */
export function fireCronsWhileRunning(server: ChildProcess, origin: string): string[] {
  const crons = declaredCrons();
  const ticker = startCronTicker({ origin, crons });
  server.on("exit", () => ticker.stop());
  return crons;
}

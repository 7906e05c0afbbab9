/**
 * Territories left "scraping": how long is read from their latest run's Started (what a scrape
 * itself checks before taking a territory again), or from when the Status became "scraping"
 * when no run is open. The open run is closed as failed with the reason (`failScrape`, as a
 * scrape that fails), and the territory goes back to "pending" with the reason in Last error, so
 * the next scraping phase tries it again.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import { latestRun } from "../../hunting/runs";
import { failScrape } from "../../hunting/scrape";
import type { Hunting } from "../../hunting/tables";
import { allTerritories } from "../../hunting/territories";
import { byKey } from "../../kinds/tables";
import type { CycleContext } from "../context";
import { autopilotOrigin, noteRows } from "../note";
import { cleanOnce, isStuck, statusSince, stuckReason } from "./stuck";

export async function cleanTerritories(
  ctx: CycleContext,
  h: Hunting,
  result: PhaseResult,
  settled: Set<string>,
): Promise<void> {
  const statusColumn = h.territories.keys.status;
  if (!statusColumn) throw new Error("The Territories table has lost its Status column");
  const scraping = (await allTerritories(h)).filter((t) => t.status === "scraping" && !settled.has(t.id));
  for (const territory of scraping) {
    const run = await latestRun(h, territory.id);
    const open = run?.status === "running" ? run : null;
    const since = open ? Date.parse(open.startedAt) : await statusSince(h.territories, territory.id);
    if (!isStuck(ctx, Number.isNaN(since) ? null : since)) continue;
    const reason = stuckReason(ctx, "scraping");
    await cleanOnce(ctx, result, "territories", territory.id, async () => {
      if (open) await failScrape(h, territory.id, open.runId, reason, Date.parse(open.startedAt));
      const [back] = await h.territories.room.claimRowsById({
        rowIds: [territory.id],
        columnId: statusColumn,
        anyOf: ["scraping", "failed"],
        set: byKey(h.territories, { status: "pending", lastError: reason }),
        origin: autopilotOrigin(ctx.cycleId),
      });
      if (back) await noteRows(ctx, h.territories, [{ rowId: territory.id, what: `Back to pending: ${reason}` }]);
      return Boolean(back);
    });
  }
}

/**
 * Ledger items left "claimed" by a cycle that is no longer running (it failed, or its record is
 * gone): marked failed with the reason, so no one reads them as in progress. Items of a running
 * cycle are its own business; a resumed cycle settles them itself.
 */
import { and, eq, ne } from "drizzle-orm";
import type { PhaseResult } from "../../../schema/autopilot";
import { autopilotCycle, autopilotItem } from "../../../schema/db";
import type { CycleContext } from "../context";
import { cleanOnce } from "./stuck";

/** Ledger items read per query. */
const PAGE = 500;
const REASON = "Stopped by Autopilot: its cycle ended before this item was finished";

export async function cleanItems(ctx: CycleContext, result: PhaseResult, settled: Set<string>): Promise<void> {
  const running = await ctx.db
    .select({ id: autopilotCycle.id })
    .from(autopilotCycle)
    .where(and(eq(autopilotCycle.workspaceId, ctx.workspaceId), eq(autopilotCycle.status, "running")));
  const live = new Set([ctx.cycleId, ...running.map((c) => c.id)]);
  const claimed = await ctx.db
    .select({ cycleId: autopilotItem.cycleId, action: autopilotItem.action, itemId: autopilotItem.itemId })
    .from(autopilotItem)
    .where(
      and(
        eq(autopilotItem.workspaceId, ctx.workspaceId),
        eq(autopilotItem.state, "claimed"),
        ne(autopilotItem.cycleId, ctx.cycleId),
      ),
    )
    .limit(PAGE);
  for (const item of claimed) {
    if (live.has(item.cycleId)) continue;
    const key = `ledger:${item.cycleId}:${item.action}:${item.itemId}`;
    if (settled.has(key)) continue;
    await cleanOnce(ctx, result, "items", key, async () => {
      const done = await ctx.db
        .update(autopilotItem)
        .set({ state: "failed", detail: REASON, at: new Date() })
        .where(
          and(
            eq(autopilotItem.cycleId, item.cycleId),
            eq(autopilotItem.action, item.action),
            eq(autopilotItem.itemId, item.itemId),
            eq(autopilotItem.state, "claimed"),
          ),
        )
        .returning({ itemId: autopilotItem.itemId });
      return done.length > 0;
    });
  }
}

/**
 * What this cycle already recorded for an action in the item ledger: a phase run again for the
 * same cycle counts those items as they ended, resolves the ones left "claimed", and only then
 * takes new items up to what is left of its cap.
 */
import { and, eq } from "drizzle-orm";
import { autopilotItem } from "../../../schema/db";
import type { CycleContext } from "../context";
import type { ItemAction } from "../ledger";

export type CycleItem = { itemId: string; state: "claimed" | "done" | "failed"; detail: string | null };

/** The items this cycle claimed for `action`, in the order it claimed them. */
export async function cycleItems(ctx: CycleContext, action: ItemAction): Promise<CycleItem[]> {
  const rows = await ctx.db
    .select({ itemId: autopilotItem.itemId, state: autopilotItem.state, detail: autopilotItem.detail })
    .from(autopilotItem)
    .where(
      and(
        eq(autopilotItem.workspaceId, ctx.workspaceId),
        eq(autopilotItem.cycleId, ctx.cycleId),
        eq(autopilotItem.action, action),
      ),
    )
    .orderBy(autopilotItem.at);
  return rows.map((r) => ({ ...r, state: r.state as CycleItem["state"] }));
}

/** Adds a skipped item under its cause (a cap left it, a budget, a missing key). */
export function skippedBecause(result: { skipped: number; causes?: Record<string, number> }, cause: string, n = 1) {
  if (n <= 0) return;
  result.skipped += n;
  result.causes = { ...result.causes, [cause]: (result.causes?.[cause] ?? 0) + n };
}

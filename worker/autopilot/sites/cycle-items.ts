/**
 * The item ledger read back: what this cycle did already for an action (a phase run again for the
 * same cycle counts those against its cap instead of doing more), and what earlier cycles did to
 * given items (how often a site was retried, a publish refused for a version's findings).
 */
import { and, eq, inArray } from "drizzle-orm";
import { autopilotItem } from "../../../schema/db";
import type { CycleContext } from "../context";
import type { ItemAction } from "../ledger";

/** D1 binds at most 100 parameters a statement; the rest of the query takes three. */
const IDS_PER_QUERY = 90;

export type LedgerRow = { itemId: string; cycleId: string; state: string; detail: string | null };

const columns = {
  itemId: autopilotItem.itemId,
  cycleId: autopilotItem.cycleId,
  state: autopilotItem.state,
  detail: autopilotItem.detail,
};

/** This cycle's ledger rows for the action. */
export async function itemsOfCycle(ctx: CycleContext, action: ItemAction): Promise<LedgerRow[]> {
  return ctx.db
    .select(columns)
    .from(autopilotItem)
    .where(
      and(
        eq(autopilotItem.workspaceId, ctx.workspaceId),
        eq(autopilotItem.cycleId, ctx.cycleId),
        eq(autopilotItem.action, action),
      ),
    );
}

/** Every cycle's ledger rows of the workspace for the action and items, by item. */
export async function historyOf(
  ctx: CycleContext,
  action: ItemAction,
  itemIds: string[],
): Promise<Map<string, LedgerRow[]>> {
  const byItem = new Map<string, LedgerRow[]>();
  for (let i = 0; i < itemIds.length; i += IDS_PER_QUERY) {
    const rows = await ctx.db
      .select(columns)
      .from(autopilotItem)
      .where(
        and(
          eq(autopilotItem.workspaceId, ctx.workspaceId),
          eq(autopilotItem.action, action),
          inArray(autopilotItem.itemId, itemIds.slice(i, i + IDS_PER_QUERY)),
        ),
      );
    for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row]);
  }
  return byItem;
}

/**
 * The item ledger read back: what this cycle did already for an action (a phase run again for
 * the same cycle counts those items as they ended, settles the ones left "claimed", and only then
 * takes new items up to what is left of its cap), and what earlier cycles did to given items (how
 * often a site or territory was retried, a publish refused for a version's findings).
 */
import { and, eq, inArray } from "drizzle-orm";
import { autopilotItem } from "../../schema/db";
import type { CycleContext } from "./context";
import type { ItemAction } from "./ledger";

/** D1 binds at most 100 parameters a statement; the rest of the query takes three. */
const IDS_PER_QUERY = 90;

export type LedgerRow = {
  itemId: string;
  cycleId: string;
  state: "claimed" | "done" | "failed";
  detail: string | null;
};

const columns = {
  itemId: autopilotItem.itemId,
  cycleId: autopilotItem.cycleId,
  state: autopilotItem.state,
  detail: autopilotItem.detail,
};

const typed = (rows: { state: string }[]) => rows as LedgerRow[];

/** The items this cycle claimed for `action`, in the order it claimed them. */
export async function cycleItems(ctx: CycleContext, action: ItemAction): Promise<LedgerRow[]> {
  const rows = await ctx.db
    .select(columns)
    .from(autopilotItem)
    .where(
      and(
        eq(autopilotItem.workspaceId, ctx.workspaceId),
        eq(autopilotItem.cycleId, ctx.cycleId),
        eq(autopilotItem.action, action),
      ),
    )
    .orderBy(autopilotItem.at);
  return typed(rows);
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
    for (const row of typed(rows)) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row]);
  }
  return byItem;
}

/** Adds a skipped item under its cause (a cap left it, a budget, a missing key). */
export function skippedBecause(result: { skipped: number; causes?: Record<string, number> }, cause: string, n = 1) {
  if (n <= 0) return;
  result.skipped += n;
  result.causes = { ...result.causes, [cause]: (result.causes?.[cause] ?? 0) + n };
}

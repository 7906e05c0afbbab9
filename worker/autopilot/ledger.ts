/**
 * The item ledger: a cycle claims each item before acting on it, keyed by (cycle, action, item),
 * so a phase run again for the same cycle (a step retried, a cycle resumed after its Worker died)
 * never does an item twice, and the dashboard knows which cycle touched what.
 */
import { and, eq } from "drizzle-orm";
import { autopilotItem } from "../../schema/db";
import type { CycleContext } from "./context";

export type ItemAction =
  | "reset-cooldown"
  | "scrape"
  | "qualify"
  | "generate"
  | "retry-site"
  | "publish"
  | "pitch"
  | "retry-pitch"
  | "send"
  | "clean";

/**
 * Claims the item for this cycle. "new": act on it now. "done" or "failed": this cycle finished
 * it already (count it, do not act). "claimed": this cycle began it and did not record the end
 * (its Worker died between the two): the caller checks the row to decide, and records the end.
 */
export async function claimItem(
  ctx: CycleContext,
  action: ItemAction,
  itemId: string,
): Promise<"new" | "claimed" | "done" | "failed"> {
  const inserted = await ctx.db
    .insert(autopilotItem)
    .values({ workspaceId: ctx.workspaceId, action, itemId, cycleId: ctx.cycleId, state: "claimed", at: new Date() })
    .onConflictDoNothing()
    .returning({ itemId: autopilotItem.itemId });
  if (inserted.length) return "new";
  const row = await ctx.db.query.autopilotItem.findFirst({
    where: and(
      eq(autopilotItem.cycleId, ctx.cycleId),
      eq(autopilotItem.action, action),
      eq(autopilotItem.itemId, itemId),
    ),
  });
  return (row?.state as "claimed" | "done" | "failed" | undefined) ?? "claimed";
}

/** Records how the item ended for this cycle. */
export async function finishItem(
  ctx: CycleContext,
  action: ItemAction,
  itemId: string,
  state: "done" | "failed",
  detail: string | null = null,
): Promise<void> {
  await ctx.db
    .update(autopilotItem)
    .set({ state, detail, at: new Date() })
    .where(
      and(eq(autopilotItem.cycleId, ctx.cycleId), eq(autopilotItem.action, action), eq(autopilotItem.itemId, itemId)),
    );
}

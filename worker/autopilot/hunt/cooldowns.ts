/**
 * Cooldowns that have ended: a territory resting until a time now passed goes back to "pending"
 * (a compare-and-set on its Status, so a person's change in between wins), with its note.
 * "Scrape next" would take it anyway; the grid and the pipeline count it as due this way.
 */
import { coolingUntil } from "../../../automation/hunting";
import type { PhaseResult } from "../../../schema/autopilot";
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import type { Hunting } from "../../hunting/tables";
import { allTerritories } from "../../hunting/territories";
import { byKey } from "../../kinds/tables";
import { type CycleContext, count } from "../context";
import { cycleItems } from "../items";
import { claimItem, finishItem } from "../ledger";
import { autopilotOrigin, noteText } from "../note";

export async function resetCooldowns(ctx: CycleContext, h: Hunting, result: PhaseResult): Promise<void> {
  const statusColumn = h.territories.keys.status;
  if (!statusColumn) throw new Error("The Territories table has lost its Status column");
  // Reset by this cycle before a retry: counted again, not done again.
  const earlier = await cycleItems(ctx, "reset-cooldown");
  for (const item of earlier) if (item.state === "done" && !item.detail) count(result, "cooldownsReset");
  const seen = new Set(earlier.filter((i) => i.state !== "claimed").map((i) => i.itemId));
  const ended = (await allTerritories(h)).filter(
    (t) => t.status === "cooldown" && coolingUntil(t, ctx.startedAt) === null && !seen.has(t.id),
  );
  for (const territory of ended) {
    if ((await claimItem(ctx, "reset-cooldown", territory.id)) === "done") continue;
    const [reset] = await h.territories.room.claimRowsById({
      rowIds: [territory.id],
      columnId: statusColumn,
      anyOf: ["cooldown"],
      set: byKey(h.territories, {
        status: "pending",
        [AUTOPILOT_NOTE_COLUMN.key]: noteText(ctx, "Cooldown over: pending again"),
      }),
      origin: autopilotOrigin(ctx.cycleId),
    });
    await finishItem(ctx, "reset-cooldown", territory.id, "done", reset ? null : "changed by someone else first");
    if (reset) count(result, "cooldownsReset");
  }
}

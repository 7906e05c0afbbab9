/**
 * Sites left "queued" or "generating": failed with the reason in Error, which the generation
 * phase's retry takes up. How long is read from when the Status took its value. A site waiting
 * on a Message Batch is left alone: the batch's own poller gives up on it after 24 hours.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import type { RowRecord } from "../../../schema/tables";
import { byKey, reader, type TableHandle } from "../../kinds/tables";
import { allRows } from "../../projects/store";
import { allBatchStates } from "../../sites/batch-state";
import { findSites } from "../../sites/tables";
import type { CycleContext } from "../context";
import { autopilotOrigin, noteRows, withNoteColumn } from "../note";
import { cleanOnce, isStuck, statusSince, stuckReason } from "./stuck";

const BUSY = ["queued", "generating"] as const;

async function busySites(sites: TableHandle): Promise<RowRecord[]> {
  const status = sites.keys.status!;
  const pages = await Promise.all(BUSY.map((s) => allRows(sites, [{ columnId: status, op: "eq", value: s }])));
  return pages.flat();
}

export async function cleanSites(ctx: CycleContext, result: PhaseResult, settled: Set<string>): Promise<void> {
  const found = await findSites(ctx.env, ctx.db, ctx.workspaceId);
  if (!found?.keys.status) return;
  const sites = await withNoteColumn(ctx.env, found);
  const batched = new Set(
    (await allBatchStates(ctx.db)).filter((b) => b.workspaceId === ctx.workspaceId).flatMap((b) => b.siteIds),
  );
  for (const row of await busySites(sites)) {
    if (settled.has(row.id) || batched.has(row.id)) continue;
    if (!isStuck(ctx, await statusSince(sites, row.id))) continue;
    const status = reader(sites, row.cells).text("status");
    const reason = stuckReason(ctx, status === "queued" ? "queued to generate" : "generating");
    await cleanOnce(ctx, result, "sites", row.id, async () => {
      const [back] = await sites.room.claimRowsById({
        rowIds: [row.id],
        columnId: sites.keys.status!,
        anyOf: [status],
        set: byKey(sites, { status: "failed", error: `${reason}. Generate again to retry.` }),
        origin: autopilotOrigin(ctx.cycleId),
      });
      if (back) await noteRows(ctx, sites, [{ rowId: row.id, what: `Failed: ${reason}` }]);
      return Boolean(back);
    });
  }
}

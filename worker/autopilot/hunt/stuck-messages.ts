/**
 * Messages left "queued" (handed to the queue, never sent): failed with the reason, which the
 * pitching phase's retry takes up. A send job delivered later finds the row no longer queued and
 * sends nothing; only a job already past that check at the moment the row is failed could still
 * send, and none is after the hours a message must wait to count as stuck. How long is read from when the Status became
 * "queued" (a try that failed and waits for the queue's next keeps it queued).
 */
import type { PhaseResult } from "../../../schema/autopilot";
import { byKey } from "../../kinds/tables";
import { findMessaging } from "../../messaging/tables";
import { allRows } from "../../projects/store";
import type { CycleContext } from "../context";
import { autopilotOrigin, noteRows, withNoteColumn } from "../note";
import { cleanOnce, isStuck, statusSince, stuckReason } from "./stuck";

export async function cleanMessages(ctx: CycleContext, result: PhaseResult, settled: Set<string>): Promise<void> {
  const messaging = await findMessaging(ctx.env, ctx.db, ctx.workspaceId);
  const status = messaging?.messages.keys.status;
  if (!messaging || !status) return;
  const messages = await withNoteColumn(ctx.env, messaging.messages);
  const queued = await allRows(messages, [{ columnId: status, op: "eq", value: "queued" }]);
  for (const row of queued) {
    if (settled.has(row.id) || !isStuck(ctx, await statusSince(messages, row.id))) continue;
    const reason = stuckReason(ctx, "queued without being sent");
    await cleanOnce(ctx, result, "messages", row.id, async () => {
      const [back] = await messages.room.claimRowsById({
        rowIds: [row.id],
        columnId: status,
        anyOf: ["queued"],
        set: byKey(messages, { status: "failed", error: reason, lastEvent: "failed" }),
        origin: autopilotOrigin(ctx.cycleId),
      });
      if (back) await noteRows(ctx, messages, [{ rowId: row.id, what: `Failed: ${reason}` }]);
      return Boolean(back);
    });
  }
}

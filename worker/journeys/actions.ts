/**
 * The Worker's side of the `journey` and `lead` actions (see `automation/actions`): a journey's
 * entry rule enrolls the row that fired it; "Make a lead" adds the row to Leads.
 */
import type { ActionOutcome } from "../../automation/actions";
import { getDb } from "../db";
import { enrollRows } from "./enroll";
import { LeadSourceError, leadFromRow } from "./leads";

/** Both actions for row `rowId` of `tableId`. */
export function journeyActions(env: Env, tableId: string, rowId: string) {
  const db = getDb(env.DB);
  return {
    async enroll(journeyId: string): Promise<ActionOutcome> {
      const answer = await enrollRows(env, db, journeyId, { tableId, rowIds: [rowId], source: "rule" });
      const entered = answer.enrolled[0];
      if (entered) return { outcome: "succeeded", detail: `Enrolled (${entered.enrollmentId})` };
      // Not entering is a decision of the journey (re-entry, paused), not a failure worth retrying.
      return { outcome: "succeeded", detail: `Not enrolled: ${answer.skipped[0]?.reason ?? "skipped"}` };
    },
    async lead(): Promise<ActionOutcome> {
      try {
        const made = await leadFromRow(env, db, tableId, rowId);
        return {
          outcome: "succeeded",
          detail: made.created ? `Made lead ${made.leadId}` : `Already lead ${made.leadId}`,
        };
      } catch (error) {
        return { outcome: "failed", detail: (error as Error).message, retryable: !(error instanceof LeadSourceError) };
      }
    },
  };
}

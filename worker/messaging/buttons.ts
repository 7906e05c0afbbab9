/** The Messages buttons, pressed in the grid: Send now queues the row's send; Cancel takes a schedule back. */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { MESSAGING_KINDS, type MessageOp } from "../../schema/messaging-tables";
import { getDb } from "../db";
import { MessageMissingError } from "./errors";
import { cancelMessage, queueSend } from "./send";
import { findMessaging } from "./tables";

const refused = (detail: string): ActionOutcome => ({ outcome: "failed", detail, retryable: false });

export async function runMessageOp(env: Env, tableId: string, rowId: string, op: MessageOp): Promise<ActionOutcome> {
  const db = getDb(env.DB);
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  if (!table || table.kind !== MESSAGING_KINDS.messages) return refused(`${op} is a button of the Messages table`);
  const messaging = await findMessaging(env, db, table.workspaceId);
  if (!messaging) return refused("This workspace's messaging tables are incomplete");
  try {
    if (op === "send") {
      const sent = await queueSend(env, messaging, rowId);
      return sent.queued
        ? { outcome: "succeeded", detail: "Queued to send" }
        : refused(`Not sent again: this message is ${sent.status}`);
    }
    await cancelMessage(messaging, rowId);
    return { outcome: "succeeded", detail: "Cancelled: the message is a draft again" };
  } catch (error) {
    if (error instanceof MessageMissingError) return refused(error.message);
    throw error;
  }
}

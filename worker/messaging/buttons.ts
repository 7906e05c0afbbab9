/**
 * The messaging buttons, pressed in the grid: a message's Send now queues its send and Cancel
 * takes a schedule back; a campaign's Send drafts queues its drafts, paced.
 */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { MESSAGING_KINDS, type MessageOp } from "../../schema/messaging-tables";
import { getDb } from "../db";
import { sendCampaign } from "./campaigns";
import { MessageMissingError } from "./errors";
import { cancelMessage, queueSend } from "./send";
import { findMessaging } from "./tables";

const refused = (detail: string): ActionOutcome => ({ outcome: "failed", detail, retryable: false });

export async function runMessageOp(env: Env, tableId: string, rowId: string, op: MessageOp): Promise<ActionOutcome> {
  const db = getDb(env.DB);
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  const kind = op === "sendCampaign" ? MESSAGING_KINDS.campaigns : MESSAGING_KINDS.messages;
  if (!table || table.kind !== kind)
    return refused(`${op} is a button of the ${op === "sendCampaign" ? "Campaigns" : "Messages"} table`);
  const messaging = await findMessaging(env, db, table.workspaceId);
  if (!messaging) return refused("This workspace's messaging tables are incomplete");
  try {
    if (op === "sendCampaign") {
      const queued = await sendCampaign(env, messaging, rowId);
      return queued
        ? { outcome: "succeeded", detail: `Queued ${queued} draft${queued === 1 ? "" : "s"} at the campaign's pace` }
        : refused("This campaign has no drafts to send");
    }
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

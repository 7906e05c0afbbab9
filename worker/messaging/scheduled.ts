/**
 * Scheduled sends: every minute the cron takes each workspace's messages whose time has come
 * (Status scheduled, Scheduled for at or before now) and queues them, in one step per table
 * inside its room, so a message is queued once however the minutes overlap. A message the pace
 * held (a cap reached, outside the window) is scheduled the same way and comes back here.
 */
import { eq } from "drizzle-orm";
import { dataTable } from "../../schema/db";
import { MESSAGING_KINDS } from "../../schema/messaging-tables";
import { getDb } from "../db";
import { byKey } from "../kinds/tables";
import { isCampaignMessage } from "./campaigns";
import { messagingOrigin } from "./messages";
import { type SendMessageJob, sendJobOf } from "./send";
import { findMessaging } from "./tables";

/** Messages queued per workspace per minute; more wait for the next minute. */
export const DUE_PER_MINUTE = 100;

const origin = messagingOrigin("scheduled-send");

/** Queues every message due at `now`; answers how many were queued. */
export async function sendDueMessages(env: Env, now: Date): Promise<number> {
  const db = getDb(env.DB);
  const tables = await db
    .select({ workspaceId: dataTable.workspaceId })
    .from(dataTable)
    .where(eq(dataTable.kind, MESSAGING_KINDS.messages));
  let queued = 0;
  for (const { workspaceId } of tables) {
    try {
      queued += await sendDueOf(env, workspaceId, now);
    } catch (error) {
      console.error(`rowpilot: scheduled sends of workspace ${workspaceId} failed: ${(error as Error).message}`);
    }
  }
  return queued;
}

async function sendDueOf(env: Env, workspaceId: string, now: Date): Promise<number> {
  const messaging = await findMessaging(env, getDb(env.DB), workspaceId);
  const { status, scheduledFor } = messaging?.messages.keys ?? {};
  if (!messaging || !status || !scheduledFor) return 0;
  const claimed = await messaging.messages.room.claimRows({
    filters: [
      { columnId: status, op: "eq", value: "scheduled" },
      { columnId: scheduledFor, op: "notempty", value: "" },
      { columnId: scheduledFor, op: "lte", value: now.toISOString() },
    ],
    set: byKey(messaging.messages, { status: "queued", error: null }),
    limit: DUE_PER_MINUTE,
    origin,
  });
  if (!claimed.length) return 0;
  // A campaign's message stays paced when it comes back from a hold: the window and spacing again.
  const jobs: SendMessageJob[] = claimed.map((row) =>
    sendJobOf(messaging, row.id, isCampaignMessage(messaging, row.cells)),
  );
  try {
    await env.OUTREACH_QUEUE.sendBatch(jobs.map((body) => ({ body })));
  } catch (error) {
    // Taken but not queued: back to scheduled, so the next minute tries them again.
    const patches = claimed.map((row) => ({ id: row.id, cells: byKey(messaging.messages, { status: "scheduled" }) }));
    await messaging.messages.room.patchRows(patches, origin);
    throw error;
  }
  return claimed.length;
}

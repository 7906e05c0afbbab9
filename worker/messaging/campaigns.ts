/**
 * A campaign sends its drafts: every draft Messages row linked to the campaign is queued in one
 * step (a compare-and-set on Status, so two presses queue each once) as a paced send, so the
 * sending window, the spacing between sends and the warm-up apply as well as the caps (see
 * pace-store). A paused campaign sends nothing.
 */
import type { CellValue } from "../../schema/tables";
import { getDb } from "../db";
import { byKey, reader } from "../kinds/tables";
import { MessageInputError, MessageMissingError } from "./errors";
import { messagingOrigin } from "./messages";
import { sendJobOf } from "./send";
import { findMessaging, type Messaging } from "./tables";

/** Queue sends are batched at most this many at once (Queues' sendBatch limit). */
const QUEUE_BATCH = 100;

const origin = messagingOrigin("campaign-send");

/** Queues the campaign's drafts; answers how many were queued. */
export async function sendCampaign(env: Env, messaging: Messaging, campaignId: string): Promise<number> {
  const { campaigns, messages } = messaging;
  const [campaign] = await campaigns.room.readRows([campaignId]);
  if (!campaign) throw new MessageMissingError("Campaign not found");
  if (isPaused(messaging, campaign.cells))
    throw new MessageInputError("This campaign is paused; change its Status to send its drafts");
  const { status, campaign: campaignColumn } = messages.keys;
  if (!status || !campaignColumn) throw new Error("The Messages table has lost its Status or Campaign column");
  const { rows } = await messages.room.queryRows({
    filters: [{ columnId: status, op: "eq", value: "draft" }],
    sort: [],
    limit: 100_000,
    offset: 0,
  });
  const drafts = rows
    .filter((row) => {
      const linked = row.cells[campaignColumn];
      return Array.isArray(linked) && linked.includes(campaignId);
    })
    .map((row) => row.id);
  if (!drafts.length) return 0;
  const claimed = await messages.room.claimRowsById({
    rowIds: drafts,
    columnId: status,
    anyOf: ["draft"],
    set: byKey(messages, { status: "queued", error: null }),
    origin,
  });
  for (let i = 0; i < claimed.length; i += QUEUE_BATCH) {
    const batch = claimed.slice(i, i + QUEUE_BATCH);
    try {
      await env.OUTREACH_QUEUE.sendBatch(batch.map((row) => ({ body: sendJobOf(messaging, row.id, true) })));
    } catch (error) {
      // Taken but not queued: back to drafts, so a second press sends them.
      const rest = claimed.slice(i).map((row) => ({ id: row.id, cells: byKey(messages, { status: "draft" }) }));
      await messages.room.patchRows(rest, origin);
      throw error;
    }
  }
  return claimed.length;
}

/** Whether the campaign a message links to (its Campaign cell) is paused; false without one. */
export async function campaignPausedFor(env: Env, workspaceId: string, link: CellValue | undefined): Promise<boolean> {
  const campaignId = Array.isArray(link) && typeof link[0] === "string" ? link[0] : null;
  if (!campaignId) return false;
  const messaging = await findMessaging(env, getDb(env.DB), workspaceId);
  if (!messaging) return false;
  const [campaign] = await messaging.campaigns.room.readRows([campaignId]);
  return Boolean(campaign) && isPaused(messaging, campaign!.cells);
}

/** A message that belongs to a campaign is paced whenever it is queued, a scheduled retry too. */
export const isCampaignMessage = (messaging: Messaging, cells: Record<string, CellValue>): boolean => {
  const link = reader(messaging.messages, cells).get("campaign");
  return Array.isArray(link) && link.length > 0;
};

function isPaused(messaging: Messaging, cells: Record<string, CellValue>): boolean {
  return reader(messaging.campaigns, cells).text("status").toLowerCase() === "paused";
}

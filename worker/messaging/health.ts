/**
 * Sending health: each sender's sends, hard bounces and complaints since it started (or was last
 * resumed), kept beside its pace in D1's `sender_pace`. A sender whose complaint rate passes
 * 0.08% or whose bounce rate passes 4% (the limits mailbox providers and ESPs enforce) pauses
 * itself: nothing more goes from it until a person resumes it, and the workspace's activity log
 * says why (the alert).
 */
import { auditLog } from "../../schema/db";
import type { SenderHealth } from "../../schema/messaging-api";
import { newId } from "../auth/tokens";
import { getDb } from "../db";

/** Above this share of sends, complaints pause the sender (0.08%). */
export const COMPLAINT_LIMIT = 0.0008;
/** Above this share of sends, hard bounces pause the sender (4%). */
export const BOUNCE_LIMIT = 0.04;
/** Rates are judged from this many sends on: one bounce in the first ten is noise, not a list problem. */
export const HEALTH_MIN_SENDS = 100;

export type Outcome = "bounce" | "complaint";

/** How pace and health name a sender: `email:<address>` or `sms:<number>` (its From, lower case). */
export function senderKey(channel: string, from: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  return `${channel}:${address.trim().toLowerCase() || "default"}`;
}

type Row = {
  sender: string;
  started_at: number;
  day: string;
  sent_today: number;
  sent_total: number;
  bounces: number;
  complaints: number;
  paused_at: number | null;
  paused_reason: string | null;
};

const rate = (n: number, of: number) => (of > 0 ? n / of : 0);
const percent = (r: number) => `${(r * 100).toFixed(2).replace(/\.?0+$/, "")}%`;

function healthOf(row: Row): SenderHealth {
  return {
    sender: row.sender,
    startedAt: new Date(row.started_at).toISOString(),
    sentToday: row.sent_today,
    sent: row.sent_total,
    bounces: row.bounces,
    complaints: row.complaints,
    bounceRate: rate(row.bounces, row.sent_total),
    complaintRate: rate(row.complaints, row.sent_total),
    paused:
      row.paused_at === null ? null : { at: new Date(row.paused_at).toISOString(), reason: row.paused_reason ?? "" },
  };
}

/** Why `row` should pause, or null while it is within the limits. */
function pauseReason(row: Row): string | null {
  if (row.sent_total < HEALTH_MIN_SENDS) return null;
  const complaints = rate(row.complaints, row.sent_total);
  if (complaints > COMPLAINT_LIMIT)
    return `complaint rate ${percent(complaints)} (${row.complaints} of ${row.sent_total} sends) passed ${percent(COMPLAINT_LIMIT)}`;
  const bounces = rate(row.bounces, row.sent_total);
  if (bounces > BOUNCE_LIMIT)
    return `bounce rate ${percent(bounces)} (${row.bounces} of ${row.sent_total} sends) passed ${percent(BOUNCE_LIMIT)}`;
  return null;
}

const SELECT =
  "SELECT sender, started_at, day, sent_today, sent_total, bounces, complaints, paused_at, paused_reason FROM sender_pace";

/**
 * Counts a hard bounce or a complaint against the sender; pauses it (once) when that takes a rate
 * past its limit. Answers the reason when this call paused it.
 */
export async function noteOutcome(
  d1: D1Database,
  workspaceId: string,
  sender: string,
  outcome: Outcome,
  now = new Date(),
): Promise<string | null> {
  const column = outcome === "bounce" ? "bounces" : "complaints";
  await d1
    .prepare(`UPDATE sender_pace SET ${column} = ${column} + 1 WHERE workspace_id = ?1 AND sender = ?2`)
    .bind(workspaceId, sender)
    .run();
  const row = await d1
    .prepare(`${SELECT} WHERE workspace_id = ?1 AND sender = ?2`)
    .bind(workspaceId, sender)
    .first<Row>();
  const reason = row && row.paused_at === null ? pauseReason(row) : null;
  if (!reason) return null;
  const paused = await d1
    .prepare(
      "UPDATE sender_pace SET paused_at = ?3, paused_reason = ?4 WHERE workspace_id = ?1 AND sender = ?2 AND paused_at IS NULL",
    )
    .bind(workspaceId, sender, now.getTime(), reason)
    .run();
  if (!paused.meta.changes) return null;
  await getDb(d1).insert(auditLog).values({
    id: newId(),
    workspaceId,
    actorUserId: null,
    actorTokenId: null,
    action: "messaging.sender_paused",
    target: sender,
    detail: { sender, reason },
    createdAt: now,
  });
  console.warn(`rowpilot: sender ${sender} of workspace ${workspaceId} paused: ${reason}`);
  return reason;
}

export type { SenderHealth };

export async function sendersHealth(d1: D1Database, workspaceId: string): Promise<SenderHealth[]> {
  const { results } = await d1
    .prepare(`${SELECT} WHERE workspace_id = ?1 ORDER BY sender`)
    .bind(workspaceId)
    .all<Row>();
  return results.map(healthOf);
}

/** Sends again from a paused sender, its counts started afresh; false when there is no such sender. */
export async function resumeSender(d1: D1Database, workspaceId: string, sender: string): Promise<boolean> {
  const done = await d1
    .prepare(
      `UPDATE sender_pace SET paused_at = NULL, paused_reason = NULL, sent_total = 0, bounces = 0, complaints = 0
       WHERE workspace_id = ?1 AND sender = ?2`,
    )
    .bind(workspaceId, sender)
    .run();
  return done.meta.changes > 0;
}

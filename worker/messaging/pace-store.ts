/**
 * Sending pace on the edge: before a message goes, its sender reserves a place in today's caps
 * (D1's `sender_pace`, one conditional UPDATE, so two send jobs at once never both take the last
 * place). A send that fails gives its place back. `automation/messaging/pace.ts` decides when the
 * next send may go; this keeps the counts it decides from.
 */
import { nextSendTime, type PaceDecision, senderLimit } from "../../automation/messaging/pace";
import { formatDate, localTime } from "../../automation/messaging/zoned-time";
import type { Pace } from "../../schema/messaging-api";

/** A reservation: go now, or wait until `nextAt` and why. */
export type PaceReservation = { ok: true; day: string } | { ok: false; nextAt: Date; message: string };

export type PaceRequest = {
  workspaceId: string;
  /** `email:<address>` or `sms:<number>`. */
  sender: string;
  pace: Pace;
  now: Date;
  /** Campaign and journey sends keep the window and spacing; a person's send keeps only the caps. */
  paced: boolean;
  recipientZone?: string | null;
};

/** Another job may take the place we saw free; look again this many times before saying wait. */
const RESERVE_TRIES = 3;

type SenderRow = {
  started_at: number;
  day: string;
  sent_today: number;
  last_sent_at: number | null;
  paused_reason: string | null;
  total: number;
};

/** A paused sender's messages look again this often (a person may have resumed it). */
const PAUSED_RECHECK_MS = 60 * 60 * 1000;

async function readState(d1: D1Database, workspaceId: string, sender: string, day: string) {
  return d1
    .prepare(
      `SELECT started_at, day, sent_today, last_sent_at, CASE WHEN paused_at IS NULL THEN NULL ELSE COALESCE(paused_reason, '') END AS paused_reason,
         (SELECT COALESCE(SUM(sent_today), 0) FROM sender_pace WHERE workspace_id = ?1 AND day = ?3) AS total
       FROM sender_pace WHERE workspace_id = ?1 AND sender = ?2`,
    )
    .bind(workspaceId, sender, day)
    .first<SenderRow>();
}

function decide(request: PaceRequest, row: SenderRow, today: string): PaceDecision {
  return nextSendTime(
    {
      settings: request.pace,
      senderStartedAt: new Date(row.started_at),
      senderSentToday: row.day === today ? row.sent_today : 0,
      workspaceSentToday: row.total,
      lastSentAt: row.last_sent_at === null ? null : new Date(row.last_sent_at),
    },
    request.now,
    request.recipientZone ?? null,
    { sendNow: !request.paced },
  );
}

/** Takes a place in today's caps for one send, or says when the sender may send next. */
export async function reserveSend(d1: D1Database, request: PaceRequest): Promise<PaceReservation> {
  const { workspaceId, sender, pace, now } = request;
  const local = localTime(now, pace.zone).date;
  const today = formatDate(local);
  await d1
    .prepare(
      "INSERT OR IGNORE INTO sender_pace (workspace_id, sender, started_at, day, sent_today) VALUES (?1, ?2, ?3, ?4, 0)",
    )
    .bind(workspaceId, sender, now.getTime(), today)
    .run();
  let decision: PaceDecision | null = null;
  for (let i = 0; i < RESERVE_TRIES; i++) {
    const row = await readState(d1, workspaceId, sender, today);
    if (!row) throw new Error(`The pace of ${sender} could not be read`);
    if (row.paused_reason !== null) {
      const nextAt = new Date(now.getTime() + PAUSED_RECHECK_MS);
      const message = `This sender is paused: ${row.paused_reason}. Resume it under sending health once the cause is fixed.`;
      return { ok: false, nextAt, message };
    }
    decision = decide(request, row, today);
    if (!decision.ok) return { ok: false, nextAt: decision.nextAt, message: decision.message };
    if (decision.at.getTime() > now.getTime()) {
      const why = request.paced && row.last_sent_at !== null ? "the spacing between sends" : "the sending window";
      return { ok: false, nextAt: decision.at, message: `Held for ${why}; next send at ${decision.at.toISOString()}.` };
    }
    const limit = senderLimit(pace, new Date(row.started_at), local);
    const spacedBefore = now.getTime() - pace.minSpacingSeconds * 1000;
    const taken = await d1
      .prepare(
        `UPDATE sender_pace SET
           sent_today = CASE WHEN day = ?1 THEN sent_today + 1 ELSE 1 END, day = ?1, last_sent_at = ?2,
           sent_total = sent_total + 1
         WHERE workspace_id = ?3 AND sender = ?4 AND paused_at IS NULL
           AND (CASE WHEN day = ?1 THEN sent_today ELSE 0 END) < ?5
           AND (SELECT COALESCE(SUM(sent_today), 0) FROM sender_pace WHERE workspace_id = ?3 AND day = ?1) < ?6
           AND (?7 = 0 OR last_sent_at IS NULL OR last_sent_at <= ?8)`,
      )
      .bind(
        today,
        now.getTime(),
        workspaceId,
        sender,
        limit,
        pace.workspaceDailyCap,
        request.paced ? 1 : 0,
        spacedBefore,
      )
      .run();
    if (taken.meta.changes > 0) return { ok: true, day: today };
  }
  const row = await readState(d1, workspaceId, sender, today);
  decision = row ? decide(request, row, today) : decision;
  const nextAt = decision && !decision.ok ? decision.nextAt : new Date(now.getTime() + 60_000);
  const message =
    decision && !decision.ok
      ? decision.message
      : `Other sends took today's places first; trying again at ${nextAt.toISOString()}.`;
  return { ok: false, nextAt, message };
}

/** Gives back a place taken on `day` by a send that did not go. */
export async function releaseSend(d1: D1Database, workspaceId: string, sender: string, day: string): Promise<void> {
  await d1
    .prepare(
      `UPDATE sender_pace SET sent_today = MAX(sent_today - 1, 0), sent_total = MAX(sent_total - 1, 0)
       WHERE workspace_id = ?1 AND sender = ?2 AND day = ?3`,
    )
    .bind(workspaceId, sender, day)
    .run();
}

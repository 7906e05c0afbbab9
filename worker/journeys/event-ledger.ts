/**
 * The `lead_event` ledger: every event heard for a lead, and whether it was coalesced into one
 * heard just before. A storm (a scanner following every link of a message, a person clicking
 * twenty times) is kept, but only its first event acts: the check and the write are one
 * statement, which D1 runs alone, so two events arriving together cannot both act.
 */
import { newId } from "../auth/tokens";

/**
 * The same event (type and key) for the same lead within this many ms of one that acted is
 * coalesced. Ten seconds covers link scanners and repeated clicks, and is short next to any wait
 * a journey has (the shortest compressed wait is a second per day, a whole storm still lands first).
 */
export const COALESCE_MS = 10_000;

/** How far back the lead's engagement counters (Opens, Clicks, Replies, channel scores) look. */
export const ENGAGEMENT_WINDOW_MS = 30 * 86_400_000;

export type LeadRef = { workspaceId: string; tableId: string; rowId: string };

export type LedgerEvent = LeadRef & {
  type: string;
  key: string | null;
  channel: string | null;
  data: Record<string, unknown> | null;
  at: number;
};

/**
 * Records `event`; answers whether it was coalesced (a same event acted within COALESCE_MS).
 * A coalesced event's `data` carries `"coalesced": true`, which is how the next check and the
 * counters tell the events that acted from the storm around them.
 */
export async function recordLeadEvent(d1: D1Database, event: LedgerEvent): Promise<{ coalesced: boolean }> {
  const row = await d1
    .prepare(
      `INSERT INTO lead_event (id, workspace_id, table_id, row_id, type, key, channel, data, at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7,
         CASE WHEN EXISTS (
           SELECT 1 FROM lead_event
           WHERE workspace_id = ?2 AND table_id = ?3 AND row_id = ?4 AND type = ?5 AND key IS ?6
             AND at > ?9 - ?10 AND at < ?9 + ?10
             AND json_extract(data, '$.coalesced') IS NULL
         ) THEN json_set(coalesce(?8, '{}'), '$.coalesced', json('true')) ELSE ?8 END,
         ?9
       RETURNING json_extract(data, '$.coalesced') AS coalesced`,
    )
    .bind(
      newId(),
      event.workspaceId,
      event.tableId,
      event.rowId,
      event.type,
      event.key,
      event.channel,
      event.data ? JSON.stringify(event.data) : null,
      event.at,
      COALESCE_MS,
    )
    .first<{ coalesced: number | null }>();
  return { coalesced: row?.coalesced === 1 };
}

/**
 * The most events one lead's counters read: far more than a person does in 30 days; a lead
 * flooded past it by an outside system still gets counters, from its oldest events.
 */
const COUNTED_EVENTS_MAX = 10_000;

/** The lead's events that acted (not coalesced) since `since` (ms): type and channel. */
export async function actedEventsSince(
  d1: D1Database,
  lead: LeadRef,
  since: number,
): Promise<{ type: string; channel: string | null }[]> {
  const { results } = await d1
    .prepare(
      `SELECT type, channel FROM lead_event
       WHERE workspace_id = ?1 AND table_id = ?2 AND row_id = ?3 AND at >= ?4
         AND json_extract(data, '$.coalesced') IS NULL
       LIMIT ?5`,
    )
    .bind(lead.workspaceId, lead.tableId, lead.rowId, since, COUNTED_EVENTS_MAX)
    .all<{ type: string; channel: string | null }>();
  return results;
}

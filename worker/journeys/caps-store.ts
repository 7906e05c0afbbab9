/**
 * Frequency caps on the edge: before a journey's message goes, it reserves its place among the
 * lead's touches (D1 `lead_touch`, shared by every journey and channel). The decision is made
 * from the rows read, then the touch is written by ONE conditional INSERT that re-counts each
 * rule's window inside the statement, so two sends at once (two journeys, two Worker instances)
 * never both take the last place: D1 runs one statement at a time. A send that never left gives
 * its place back with `releaseTouch`.
 */
import { type CapDecision, capApplies, capDecision, capWindowMs, type Touch } from "../../automation/journeys/caps";
import type { CapRule, JourneyChannel } from "../../schema/journeys";

export type TouchRequest = {
  /** The touch's key, the journey step sending (`<enrollment id>:<seq>`): a retried step reserves once. */
  id: string;
  workspaceId: string;
  tableId: string;
  rowId: string;
  channel: JourneyChannel;
  journeyId: string;
  enrollmentId: string;
  rules: CapRule[];
  /** ms */
  now: number;
  /** Seconds per day for rules in days: 86,400, or 1 in a compressed run. */
  scale: number;
};

/** Another send may take the place we saw free; decide again this many times before holding it. */
const RESERVE_TRIES = 5;
/** After losing every try (sends racing for one lead), look again this much later. */
const CONTENDED_RETRY_MS = 1000;

/** The lead's touches that any of `rules` can still count: within the longest window. */
async function readTouches(d1: D1Database, request: TouchRequest, since: number): Promise<Touch[]> {
  const { results } = await d1
    .prepare("SELECT channel, at FROM lead_touch WHERE workspace_id = ?1 AND table_id = ?2 AND row_id = ?3 AND at > ?4")
    .bind(request.workspaceId, request.tableId, request.rowId, since)
    .all<Touch>();
  // A touch stamped a moment later by another Worker's clock counts as now: the insert below
  // counts it too, so deciding without it would only lose the race again.
  return results.map((t) => ({ channel: t.channel, at: Math.min(t.at, request.now) }));
}

/**
 * The touch, inserted only while every applicable rule still has room. Window starts and maxima
 * are numbers we computed (inlined, so 40 rules stay under D1's 100 bound parameters); the
 * rule's channel equals the send's (?5) when it is not "any".
 */
function conditionalInsert(d1: D1Database, request: TouchRequest, rules: CapRule[]): D1PreparedStatement {
  const room = rules.map((rule) => {
    const since = request.now - capWindowMs(rule, request.scale);
    const channel = rule.channel === "any" ? "" : " AND channel = ?5";
    return `(SELECT count(*) FROM lead_touch WHERE workspace_id = ?1 AND table_id = ?2 AND row_id = ?3 AND at > ${Math.trunc(since)}${channel}) < ${Math.trunc(rule.max)}`;
  });
  return d1
    .prepare(
      `INSERT INTO lead_touch (id, workspace_id, table_id, row_id, channel, journey_id, enrollment_id, at)
       SELECT ?4, ?1, ?2, ?3, ?5, ?6, ?7, ?8 WHERE ${room.length ? room.join(" AND ") : "1"}`,
    )
    .bind(
      request.workspaceId,
      request.tableId,
      request.rowId,
      request.id,
      request.channel,
      request.journeyId,
      request.enrollmentId,
      request.now,
    );
}

/**
 * Reserves one message to a lead under `rules` (the workspace's and the journey's): `ok` means
 * the touch is recorded; otherwise the cap decision (defer with `nextAt`, or drop) from fresh rows.
 */
export async function reserveTouch(d1: D1Database, request: TouchRequest): Promise<CapDecision> {
  // This step reserved its place already (it is being retried): the place is still its own.
  const held = await d1.prepare("SELECT 1 AS held FROM lead_touch WHERE id = ?1").bind(request.id).first();
  if (held) return { ok: true };
  const rules = request.rules.filter((rule) => capApplies(rule, request.channel));
  if (rules.length === 0) {
    await conditionalInsert(d1, request, []).run();
    return { ok: true };
  }
  const since = request.now - Math.max(...rules.map((rule) => capWindowMs(rule, request.scale)));
  for (let attempt = 0; attempt < RESERVE_TRIES; attempt++) {
    const history = await readTouches(d1, request, since);
    const decision = capDecision(rules, history, request.channel, request.now, request.scale);
    if (!decision.ok) return decision;
    const inserted = await conditionalInsert(d1, request, rules).run();
    if (inserted.meta.changes > 0) return { ok: true };
  }
  const rule = rules[0]!;
  return {
    ok: false,
    over: "defer",
    nextAt: request.now + CONTENDED_RETRY_MS,
    rule,
    reason: "other messages to this lead were taking the same place; trying again",
  };
}

/** Gives back the place the touch `id` reserved when its message never left. */
export async function releaseTouch(d1: D1Database, id: string): Promise<void> {
  await d1.prepare("DELETE FROM lead_touch WHERE id = ?1").bind(id).run();
}

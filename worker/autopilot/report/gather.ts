/**
 * What the daily report is made of, read from D1 for one UTC day: items the cycles finished (the
 * ledger, `autopilot_item`), leads' message events (`lead_event`: opened, clicked, replied, one
 * per lead), claims made and paid (`payment_claim`), spend (`provider_spend`) and the phases of
 * the cycles started that day (`autopilot_cycle.phases`, with their failures by cause).
 */
import { and, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { PhaseResult } from "../../../schema/autopilot";
import { autopilotCycle, autopilotItem, leadEvent, paymentClaim, providerSpend } from "../../../schema/db";
import type { Db } from "../../db";
import { dayBounds, type ReportInputs } from "./figures";

const REPORTED_EVENTS = ["opened", "clicked", "replied"];

/** A cycle's stored phases, or none when the JSON is unreadable. */
function phasesOf(json: string): PhaseResult[] {
  try {
    const parsed = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as PhaseResult[]) : [];
  } catch {
    return [];
  }
}

export async function gatherDay(db: Db, workspaceId: string, day: string): Promise<ReportInputs> {
  const { start, end } = dayBounds(day);
  const [done, events, claimed, paid, spend, cycles] = await Promise.all([
    db
      .select({ action: autopilotItem.action, n: sql<number>`count(*)` })
      .from(autopilotItem)
      .where(
        and(
          eq(autopilotItem.workspaceId, workspaceId),
          eq(autopilotItem.state, "done"),
          // A business the table's rule qualified first is ledgered with why; not the autopilot's.
          sql`NOT (${autopilotItem.action} = 'qualify' AND ${autopilotItem.detail} IS NOT NULL)`,
          gte(autopilotItem.at, start),
          lt(autopilotItem.at, end),
        ),
      )
      .groupBy(autopilotItem.action),
    db
      .select({
        type: leadEvent.type,
        n: sql<number>`count(DISTINCT ${leadEvent.tableId} || ':' || ${leadEvent.rowId})`,
      })
      .from(leadEvent)
      .where(
        and(
          eq(leadEvent.workspaceId, workspaceId),
          inArray(leadEvent.type, REPORTED_EVENTS),
          gte(leadEvent.at, start),
          lt(leadEvent.at, end),
        ),
      )
      .groupBy(leadEvent.type),
    db
      .select({ n: sql<number>`count(*)` })
      .from(paymentClaim)
      .where(
        and(
          eq(paymentClaim.workspaceId, workspaceId),
          ne(paymentClaim.state, "creating"),
          gte(paymentClaim.createdAt, start),
          lt(paymentClaim.createdAt, end),
        ),
      ),
    // A claim's last change is its payment while it stays paid (no paid-at of its own is kept).
    db
      .select({ n: sql<number>`count(*)` })
      .from(paymentClaim)
      .where(
        and(
          eq(paymentClaim.workspaceId, workspaceId),
          eq(paymentClaim.state, "paid"),
          gte(paymentClaim.updatedAt, start),
          lt(paymentClaim.updatedAt, end),
        ),
      ),
    db
      .select({ provider: providerSpend.provider, amount: providerSpend.amount })
      .from(providerSpend)
      .where(and(eq(providerSpend.workspaceId, workspaceId), eq(providerSpend.day, day))),
    db
      .select({ phases: autopilotCycle.phases })
      .from(autopilotCycle)
      .where(
        and(
          eq(autopilotCycle.workspaceId, workspaceId),
          gte(autopilotCycle.startedAt, start),
          lt(autopilotCycle.startedAt, end),
        ),
      ),
  ]);
  return {
    day,
    done: Object.fromEntries(done.map((r) => [r.action, Number(r.n)])),
    events: Object.fromEntries(events.map((r) => [r.type, Number(r.n)])),
    claimed: Number(claimed[0]?.n ?? 0),
    paid: Number(paid[0]?.n ?? 0),
    spend: Object.fromEntries(spend.map((r) => [r.provider, r.amount])),
    cycles: cycles.map((c) => phasesOf(c.phases)),
  };
}

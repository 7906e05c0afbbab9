/**
 * A lead's timeline across every journey: when it entered and left each, every step it took,
 * the messages sent to it and received from it, the events heard, cap decisions and handoffs,
 * newest first. Read from D1 (enrollments, steps, events) and the Messages and Handoffs tables.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { journey, journeyEnrollment, journeyStep, leadEvent } from "../../schema/db";
import type { LeadTimeline, TimelineEntry } from "../../schema/journeys";
import type { RowRecord } from "../../schema/tables";
import type { Db } from "../db";
import { reader, type TableHandle } from "../kinds/tables";
import { findMessaging } from "../messaging/tables";
import { findJourneyTables } from "./tables";

/** The most entries of each source a timeline reads: a lead's recent life, not all of it. */
export const TIMELINE_READ_MAX = 500;

type Lead = { workspaceId: string; tableId: string; rowId: string };

/** A cell's date as ISO; a cell that is not a date sorts last (the epoch). */
const iso = (text: string) => {
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
};

async function journeyEntries(db: Db, lead: Lead): Promise<TimelineEntry[]> {
  const enrollments = await db
    .select({ e: journeyEnrollment, name: journey.name })
    .from(journeyEnrollment)
    .innerJoin(journey, eq(journey.id, journeyEnrollment.journeyId))
    .where(
      and(
        eq(journeyEnrollment.workspaceId, lead.workspaceId),
        eq(journeyEnrollment.tableId, lead.tableId),
        eq(journeyEnrollment.rowId, lead.rowId),
      ),
    )
    .orderBy(desc(journeyEnrollment.enteredAt))
    .limit(TIMELINE_READ_MAX);
  const entries: TimelineEntry[] = [];
  const byId = new Map(enrollments.map(({ e, name }) => [e.id, { e, name }]));
  for (const { e, name } of enrollments) {
    const base = { journeyId: e.journeyId, journeyName: name };
    entries.push({
      ...base,
      at: e.enteredAt.toISOString(),
      kind: "enrolled",
      node: null,
      detail: `version ${e.version}, ${e.source}`,
    });
    if (e.status !== "active" && e.finishedAt)
      entries.push({
        ...base,
        at: e.finishedAt.toISOString(),
        kind: e.status === "finished" ? "finished" : "exited",
        node: e.node,
        detail: e.exitReason ?? e.status,
      });
  }
  if (!byId.size) return entries;
  const steps = await db
    .select()
    .from(journeyStep)
    // A subquery, not a list of ids: D1 binds at most 100 parameters a statement.
    .where(
      inArray(
        journeyStep.enrollmentId,
        db
          .select({ id: journeyEnrollment.id })
          .from(journeyEnrollment)
          .where(
            and(
              eq(journeyEnrollment.workspaceId, lead.workspaceId),
              eq(journeyEnrollment.tableId, lead.tableId),
              eq(journeyEnrollment.rowId, lead.rowId),
            ),
          ),
      ),
    )
    .orderBy(desc(journeyStep.enteredAt))
    .limit(TIMELINE_READ_MAX);
  for (const s of steps) {
    const owner = byId.get(s.enrollmentId);
    const capped = s.outcome.startsWith("capped");
    entries.push({
      at: (s.leftAt ?? s.enteredAt).toISOString(),
      kind: capped ? "cap" : "step",
      journeyId: s.journeyId,
      journeyName: owner?.name ?? null,
      node: s.nodeId,
      detail: `${s.nodeKind}: ${s.outcome}`,
    });
  }
  return entries;
}

async function eventEntries(db: Db, lead: Lead): Promise<TimelineEntry[]> {
  const events = await db
    .select()
    .from(leadEvent)
    .where(
      and(
        eq(leadEvent.workspaceId, lead.workspaceId),
        eq(leadEvent.tableId, lead.tableId),
        eq(leadEvent.rowId, lead.rowId),
      ),
    )
    .orderBy(desc(leadEvent.at))
    .limit(TIMELINE_READ_MAX);
  return events.map((e) => ({
    at: e.at.toISOString(),
    kind: "event",
    journeyId: null,
    journeyName: null,
    node: null,
    detail: [e.type, e.key ? `(${e.key})` : "", e.channel ? `on ${e.channel}` : ""].filter(Boolean).join(" "),
  }));
}

/** Rows of `table` about the lead: its table id and row id in the columns keyed `tableKey` and `rowKey`. */
async function rowsAbout(table: TableHandle, tableKey: string, rowKey: string, lead: Lead): Promise<RowRecord[]> {
  const tableColumn = table.keys[tableKey];
  const rowColumn = table.keys[rowKey];
  if (!tableColumn || !rowColumn) return [];
  const { rows } = await table.room.queryRows({
    filters: [
      { columnId: tableColumn, op: "eq", value: lead.tableId },
      { columnId: rowColumn, op: "eq", value: lead.rowId },
    ],
    sort: [],
    limit: TIMELINE_READ_MAX,
    offset: 0,
  });
  return rows;
}

async function messageEntries(env: Env, db: Db, lead: Lead): Promise<TimelineEntry[]> {
  const messaging = await findMessaging(env, db, lead.workspaceId);
  if (!messaging) return [];
  const rows = await rowsAbout(messaging.messages, "recipientTable", "recipientRowId", lead);
  return rows.map((row) => {
    const r = reader(messaging.messages, row.cells);
    const what = r.text("subject") || r.text("body").slice(0, 80);
    return {
      at: iso(r.text("sentAt") || r.text("scheduledFor")),
      kind: "message",
      journeyId: null,
      journeyName: null,
      node: null,
      detail: `${r.text("channel")} ${r.text("direction") || "out"} · ${r.text("status")} · ${what}`,
    };
  });
}

async function handoffEntries(env: Env, db: Db, lead: Lead): Promise<TimelineEntry[]> {
  const tables = await findJourneyTables(env, db, lead.workspaceId);
  if (!tables) return [];
  const rows = await rowsAbout(tables.handoffs, "leadTable", "leadRowId", lead);
  return rows.map((row) => {
    const r = reader(tables.handoffs, row.cells);
    const taken = r.text("takenBy") ? `, taken by ${r.text("takenBy")}` : "";
    return {
      at: iso(r.text("created")),
      kind: "handoff",
      journeyId: r.list("journey")[0] ?? null,
      journeyName: null,
      node: null,
      detail: `to ${r.text("to")}: ${r.text("reason")} (${r.text("status")}${taken})`,
    };
  });
}

/** The lead's timeline, newest first. */
export async function leadTimeline(env: Env, db: Db, lead: Lead): Promise<LeadTimeline> {
  const parts = await Promise.all([
    journeyEntries(db, lead),
    eventEntries(db, lead),
    messageEntries(env, db, lead),
    handoffEntries(env, db, lead),
  ]);
  const entries = parts.flat().sort((a, b) => b.at.localeCompare(a.at));
  const names = new Map(entries.flatMap((e) => (e.journeyId && e.journeyName ? [[e.journeyId, e.journeyName]] : [])));
  for (const e of entries) if (e.journeyId && !e.journeyName) e.journeyName = names.get(e.journeyId) ?? null;
  return { tableId: lead.tableId, rowId: lead.rowId, entries };
}

/**
 * A lead's event reaching its journeys: recorded in the `lead_event` ledger (a storm coalesced
 * there, see event-ledger.ts), the Leads row's counters updated, the journeys whose exit criteria
 * name it left, the lead's journeys waiting for it told (the wait moves on), and the journeys
 * that start from it entered. Messaging's events (opens, clicks, replies…), claims and the
 * events API all come through here.
 */
import { and, eq } from "drizzle-orm";
import { workflowEventType } from "../../automation/journeys/event-names";
import { nodeById } from "../../automation/journeys/graph";
import { dataTable, journey } from "../../schema/db";
import type { JourneyDefinition, JourneyEventAnswer } from "../../schema/journeys";
import { JOURNEYS_KINDS } from "../../schema/journeys-tables";
import type { Db } from "../db";
import { tableHandle } from "../kinds/tables";
import { activeEnrollmentsOf, endEnrollment, enrollRows } from "./enroll";
import { recordLeadEvent } from "./event-ledger";
import { updateLeadCounters } from "./lead-counters";
import { publishedDefinition } from "./store";

export type LeadEventInput = {
  workspaceId: string;
  tableId: string;
  rowId: string;
  type: string;
  key?: string | null;
  channel?: string | null;
  data?: Record<string, unknown>;
  at?: number;
};

/** What a journey's instance receives with the event (`step.waitForEvent`'s payload). */
export type LeadEventPayload = {
  type: string;
  key: string | null;
  channel: string | null;
  at: number;
  data: Record<string, unknown>;
};

const NOTHING: JourneyEventAnswer = { delivered: 0, enrolled: 0, exited: 0, coalesced: false };

/**
 * Delivers a lead's event to its journeys; see the module comment for the order. A row of a table
 * outside the workspace is not a lead of it: nothing is recorded.
 */
export async function deliverLeadEvent(env: Env, db: Db, input: LeadEventInput): Promise<JourneyEventAnswer> {
  const table = await db.query.dataTable.findFirst({
    where: and(eq(dataTable.id, input.tableId), eq(dataTable.workspaceId, input.workspaceId)),
  });
  if (!table) return NOTHING;
  const lead = { workspaceId: input.workspaceId, tableId: input.tableId, rowId: input.rowId };
  const payload: LeadEventPayload = {
    type: input.type,
    key: input.key ?? null,
    channel: input.channel ?? null,
    at: input.at ?? Date.now(),
    data: input.data ?? {},
  };
  const { coalesced } = await recordLeadEvent(env.DB, { ...lead, ...payload, data: input.data ?? null });
  if (coalesced) return { ...NOTHING, coalesced: true };

  if (table.kind === JOURNEYS_KINDS.leads) {
    // The counters are a view of the ledger (the next event writes them again): a room that
    // refuses them must not keep the event from the lead's journeys.
    await updateLeadCounters(env.DB, await tableHandle(env, table.id), lead, payload.type, payload.at).catch(
      (error: Error) => console.error(`rowpilot: the lead ${lead.rowId}'s counters were not written: ${error.message}`),
    );
  }

  const names = payload.key
    ? [workflowEventType(payload.type), workflowEventType(payload.type, payload.key)]
    : [payload.type];
  const active = await activeEnrollmentsOf(db, lead.workspaceId, lead.tableId, lead.rowId);
  const waiting: { id: string; name: string }[] = [];
  let exited = 0;
  for (const enrollment of active) {
    const definition = await publishedDefinition(db, enrollment.journeyId, enrollment.version);
    if (definition?.exitOn.includes(payload.type)) {
      if (await endEnrollment(env, db, enrollment.id, "exited", payload.type)) exited++;
      continue;
    }
    const name = definition && enrollment.node ? awaitedName(definition, enrollment.node) : null;
    if (name && names.includes(name)) waiting.push({ id: enrollment.id, name });
  }

  const sent = await Promise.all(waiting.map(({ id, name }) => sendToInstance(env, id, [name], payload)));
  const delivered = sent.filter(Boolean).length;

  const enrolled = await enterEventJourneys(env, db, lead, payload);
  return { delivered, enrolled, exited, coalesced: false };
}

/**
 * The event the lead waits for at `nodeId`, or null. Only a lead at a wait for the event is told:
 * Workflows keeps an event until a wait takes it, so an open heard during an earlier sleep would
 * otherwise answer a later "wait until opened" about another message at once.
 */
function awaitedName(definition: JourneyDefinition, nodeId: string): string | null {
  const node = nodeById(definition, nodeId);
  if (node?.kind !== "wait" || !node.until || !("event" in node.until)) return null;
  return workflowEventType(node.until.event, node.until.key);
}

/** Sends the event under each name to an enrollment's instance; false when it has finished (nothing waits there). */
async function sendToInstance(env: Env, id: string, names: string[], payload: LeadEventPayload): Promise<boolean> {
  try {
    const instance = await env.JOURNEY.get(id);
    for (const type of names) await instance.sendEvent({ type, payload });
    return true;
  } catch (error) {
    // An instance that ended between the ledger read and now refuses events: nothing is lost.
    console.warn(`rowpilot: journey instance ${id} did not take ${payload.type}: ${(error as Error).message}`);
    return false;
  }
}

/** Enrolls the lead in the workspace's active journeys on its table that start from this event; how many took it. */
async function enterEventJourneys(
  env: Env,
  db: Db,
  lead: { workspaceId: string; tableId: string; rowId: string },
  payload: LeadEventPayload,
): Promise<number> {
  const journeys = await db
    .select({ id: journey.id, version: journey.version })
    .from(journey)
    .where(
      and(eq(journey.workspaceId, lead.workspaceId), eq(journey.status, "active"), eq(journey.entryKind, "event")),
    );
  let enrolled = 0;
  for (const j of journeys) {
    if (j.version < 1) continue;
    const definition = await publishedDefinition(db, j.id, j.version);
    const entry = definition?.entry;
    if (!definition || entry?.kind !== "event" || definition.table !== lead.tableId) continue;
    if (entry.type !== payload.type || (entry.key && entry.key !== payload.key)) continue;
    const answer = await enrollRows(env, db, j.id, { tableId: lead.tableId, rowIds: [lead.rowId], source: "event" });
    enrolled += answer.enrolled.length;
  }
  return enrolled;
}

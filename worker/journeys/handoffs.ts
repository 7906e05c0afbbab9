/**
 * The Handoffs table as journeys use it: a handoff is written as a row (to a channel's agent,
 * done at once; to a person, waiting), listed for the Inbox, and taken by a person once: taking
 * it tells the waiting journey's instance (`handoff-taken`, keyed by the handoff's row id), which
 * moves on.
 */
import { eq } from "drizzle-orm";
import { workflowEventType } from "../../automation/journeys/event-names";
import { journey } from "../../schema/db";
import type { HandoffContext, HandoffItem } from "../../schema/journeys";
import type { CellValue, RowRecord } from "../../schema/tables";
import type { Db } from "../db";
import { byKey, reader } from "../kinds/tables";
import { ensureJourneyTables, findJourneyTables, type JourneyTables } from "./tables";

export const HANDOFF_ORIGIN = { kind: "automation", job: "journey-handoff" } as const;
/** The most handoffs one listing answers: an Inbox page. */
export const HANDOFF_PAGE = 200;

export class HandoffMissingError extends Error {
  override name = "HandoffMissingError";
}
/** The handoff is not waiting any more: someone took it, or it went to a channel's agent. */
export class HandoffTakenError extends Error {
  override name = "HandoffTakenError";
}

export type NewHandoff = {
  workspaceId: string;
  leadTable: string;
  leadRowId: string;
  leadName: string;
  journeyId: string | null;
  enrollmentId: string | null;
  /** The journey step writing it (`<enrollment id>:<seq>`): written once however often the step runs. */
  stepKey: string | null;
  to: string;
  reason: string;
  status: HandoffItem["status"];
  context: HandoffContext;
};

/** Writes a handoff's row; answers its id. */
export async function writeHandoff(env: Env, db: Db, input: NewHandoff): Promise<string> {
  const tables = await ensureJourneyTables(env, db, input.workspaceId, null);
  const cells: Record<string, CellValue> = {
    leadName: input.leadName,
    leadTable: input.leadTable,
    leadRowId: input.leadRowId,
    journey: input.journeyId ? [input.journeyId] : null,
    to: input.to,
    reason: input.reason,
    status: input.status,
    score: input.context.leadScore,
    previousAgents: input.context.previousAgents.join(", "),
    context: JSON.stringify(input.context),
    created: new Date().toISOString(),
    enrollment: input.enrollmentId,
    stepKey: input.stepKey,
  };
  const stepColumn = tables.handoffs.keys.stepKey;
  const written = await tables.handoffs.room.findOrInsertRow({
    match: stepColumn && input.stepKey ? [{ columnId: stepColumn, value: input.stepKey }] : [],
    cells: byKey(tables.handoffs, cells),
    origin: HANDOFF_ORIGIN,
  });
  if (!written.ok) throw new Error(`Could not write the handoff to ${input.to}: ${written.message}`);
  return written.value.id;
}

function parseContext(text: string, fallback: HandoffContext): HandoffContext {
  try {
    const parsed = JSON.parse(text) as HandoffContext;
    return parsed && typeof parsed === "object" && Array.isArray(parsed.conversationHistory) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

function handoffItem(tables: JourneyTables, row: RowRecord, names: Map<string, string>): HandoffItem {
  const r = reader(tables.handoffs, row.cells);
  const journeyId = r.list("journey")[0] ?? null;
  const status = r.text("status");
  const fallback: HandoffContext = {
    leadId: r.text("leadRowId"),
    conversationHistory: [],
    leadScore: r.number("score"),
    previousAgents: r.text("previousAgents").split(", ").filter(Boolean),
    handoffReason: r.text("reason"),
    metadata: {},
  };
  return {
    id: row.id,
    leadTable: r.text("leadTable"),
    leadRowId: r.text("leadRowId"),
    leadName: r.text("leadName"),
    journeyId,
    journeyName: journeyId ? (names.get(journeyId) ?? null) : null,
    to: r.text("to"),
    reason: r.text("reason"),
    status: status === "taken" || status === "done" || status === "expired" ? status : "waiting",
    takenBy: r.text("takenBy") || null,
    createdAt: r.text("created"),
    context: parseContext(r.text("context"), fallback),
  };
}

async function journeyNames(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: journey.id, name: journey.name })
    .from(journey)
    // The workspace's journeys, not a list of ids: D1 binds at most 100 parameters a statement.
    .where(eq(journey.workspaceId, workspaceId));
  const wanted = new Set(ids);
  return new Map(rows.filter((j) => wanted.has(j.id)).map((j) => [j.id, j.name]));
}

async function itemsOf(db: Db, tables: JourneyTables, rows: RowRecord[]): Promise<HandoffItem[]> {
  const ids = [...new Set(rows.flatMap((row) => reader(tables.handoffs, row.cells).list("journey")))];
  const names = await journeyNames(db, tables.workspaceId, ids);
  return rows.map((row) => handoffItem(tables, row, names));
}

/** The workspace's handoffs, newest first, narrowed by status and by whom they are to (a member's email, "owners"). */
export async function listHandoffs(
  env: Env,
  db: Db,
  workspaceId: string,
  filter: { status?: string; to?: string },
): Promise<HandoffItem[]> {
  const tables = await findJourneyTables(env, db, workspaceId);
  if (!tables) return [];
  const { keys } = tables.handoffs;
  const filters = [
    ...(filter.status && keys.status ? [{ columnId: keys.status, op: "eq" as const, value: filter.status }] : []),
    ...(filter.to && keys.to ? [{ columnId: keys.to, op: "eq" as const, value: filter.to }] : []),
  ];
  const { rows } = await tables.handoffs.room.queryRows({
    filters,
    sort: keys.created ? [{ columnId: keys.created, direction: "desc" }] : [],
    limit: HANDOFF_PAGE,
    offset: 0,
  });
  return itemsOf(db, tables, rows);
}

/**
 * `by` takes a waiting handoff: it moves to taken once (two people at once: one wins, the other
 * gets HandoffTakenError), and the journey waiting on it hears `handoff-taken` keyed with its id.
 */
export async function takeHandoff(
  env: Env,
  db: Db,
  workspaceId: string,
  handoffId: string,
  by: string,
): Promise<HandoffItem> {
  const tables = await findJourneyTables(env, db, workspaceId);
  const status = tables?.handoffs.keys.status;
  if (!tables || !status) throw new HandoffMissingError("No such handoff in this workspace");
  const at = new Date().toISOString();
  const [taken] = await tables.handoffs.room.claimRowsById({
    rowIds: [handoffId],
    columnId: status,
    anyOf: ["waiting"],
    set: byKey(tables.handoffs, { status: "taken", takenBy: by, taken: at }),
    origin: HANDOFF_ORIGIN,
  });
  if (!taken) {
    const [row] = await tables.handoffs.room.readRows([handoffId]);
    if (!row) throw new HandoffMissingError("No such handoff in this workspace");
    const r = reader(tables.handoffs, row.cells);
    const who = r.text("takenBy");
    throw new HandoffTakenError(who ? `${who} took this handoff already` : `This handoff is ${r.text("status")}`);
  }
  const enrollment = reader(tables.handoffs, taken.cells).text("enrollment");
  if (enrollment) await tellJourney(env, enrollment, handoffId, by, at);
  const [item] = await itemsOf(db, tables, [taken]);
  return item!;
}

/**
 * A person's handoff nobody took in time: no longer waiting (the journey went on by its timeout
 * edge), so it leaves the Inbox and cannot be taken. False when someone took it meanwhile.
 */
export async function expireHandoff(env: Env, db: Db, workspaceId: string, handoffId: string): Promise<boolean> {
  const tables = await findJourneyTables(env, db, workspaceId);
  const status = tables?.handoffs.keys.status;
  if (!tables || !status) return false;
  const expired = await tables.handoffs.room.claimRowsById({
    rowIds: [handoffId],
    columnId: status,
    anyOf: ["waiting"],
    set: byKey(tables.handoffs, { status: "expired" }),
    origin: HANDOFF_ORIGIN,
  });
  return expired.length > 0;
}

async function tellJourney(env: Env, enrollmentId: string, handoffId: string, by: string, at: string): Promise<void> {
  try {
    const instance = await env.JOURNEY.get(enrollmentId);
    await instance.sendEvent({
      type: workflowEventType("handoff-taken", handoffId),
      payload: { type: "handoff-taken", key: handoffId, by, at },
    });
  } catch (error) {
    // The journey ended (exited, moved, timed out) while the handoff waited: the person still has it.
    console.warn(
      `rowpilot: the journey ${enrollmentId} no longer waits for handoff ${handoffId}: ${(error as Error).message}`,
    );
  }
}

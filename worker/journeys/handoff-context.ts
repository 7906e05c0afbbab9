/**
 * What a handoff carries to whoever takes the lead on (the brief's HandoffContext): the lead's
 * conversation across channels (its newest Messages rows, in and out), its score, the channels the
 * journey used so far, the reason, and where in which journey it was handed off.
 */
import type { HandoffContext } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";
import type { Db } from "../db";
import { reader } from "../kinds/tables";
import { findMessaging } from "../messaging/tables";
import type { RunContext } from "./run-context";

/** The newest messages a handoff carries: enough to read the conversation, small enough for a cell. */
export const HANDOFF_HISTORY = 50;
/** A message's body as a handoff keeps it: the first lines of a long email are what a person reads first. */
const BODY_CHARS = 2_000;

/** Messages that never reached anyone: not part of the conversation. */
const NOT_SENT = new Set(["draft", "failed", "suppressed"]);

/**
 * The lead's messages in and out on every channel, oldest first, the newest HANDOFF_HISTORY of
 * them. Rows are read in the table's order (the order they were written): a message the journey
 * just queued has no Sent at yet and still belongs at the end of the conversation.
 */
export async function conversationOf(
  env: Env,
  db: Db,
  workspaceId: string,
  tableId: string,
  rowId: string,
): Promise<HandoffContext["conversationHistory"]> {
  const messaging = await findMessaging(env, db, workspaceId);
  const { messages } = messaging ?? {};
  const rowColumn = messages?.keys.recipientRowId;
  if (!messages || !rowColumn) return [];
  const query = (offset: number) =>
    messages.room.queryRows({
      filters: [{ columnId: rowColumn, op: "eq", value: rowId }],
      sort: [],
      limit: HANDOFF_HISTORY,
      offset,
    });
  const first = await query(0);
  const { rows } = first.total > HANDOFF_HISTORY ? await query(first.total - HANDOFF_HISTORY) : first;
  return rows
    .map((row) => reader(messages, row.cells))
    .filter((r) => r.text("recipientTable") === tableId && !NOT_SENT.has(r.text("status")))
    .map((r) => ({
      at: r.text("sentAt") || r.text("scheduledFor"),
      channel: r.text("channel"),
      direction: r.text("direction") === "in" ? ("in" as const) : ("out" as const),
      subject: r.text("subject") || null,
      body: r.text("body").slice(0, BODY_CHARS),
    }));
}

const numberOf = (value: CellValue | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** The lead's score: its Score cell, else its Engagement (cells by column name, any case). */
export function leadScoreOf(row: Record<string, CellValue>): number | null {
  const cell = (name: string) => Object.entries(row).find(([k]) => k.toLowerCase() === name)?.[1];
  return numberOf(cell("score")) ?? numberOf(cell("engagement"));
}

export async function handoffContext(
  env: Env,
  db: Db,
  run: RunContext,
  reason: string,
  nodeId: string,
): Promise<HandoffContext> {
  return {
    leadId: run.rowId,
    conversationHistory: await conversationOf(env, db, run.workspaceId, run.tableId, run.rowId),
    leadScore: leadScoreOf(run.row),
    previousAgents: [...run.channelsUsed],
    handoffReason: reason,
    metadata: {
      journey: run.journeyId,
      journeyName: run.journeyName,
      version: run.version,
      node: nodeId,
      enrollment: run.enrollmentId,
      table: run.tableId,
    },
  };
}

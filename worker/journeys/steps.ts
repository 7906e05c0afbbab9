/**
 * What a running enrollment writes: each visit's step row exactly once (D1's `journey_step`
 * ledger keyed by enrollment and sequence, and the Journey steps table row found or made by its
 * Step key `<enrollmentId>:<seq>`, so a retried step writes neither twice), the node it is at, a
 * cap decision, and its end. The lead's Journeys cell says where it is in each of its journeys.
 */
import { and, eq } from "drizzle-orm";
import { journeyEnrollment, journeyStep } from "../../schema/db";
import type { CellValue } from "../../schema/tables";
import type { Db } from "../db";
import { byKey, tableHandle } from "../kinds/tables";
import type { JourneyRunParams } from "./enroll";
import { stepKeyOf } from "./run-context";
import { findJourneyTables } from "./tables";

const origin = { kind: "automation" as const, job: "journey" };

export type StepRecordInput = {
  run: JourneyRunParams;
  seq: number;
  nodeId: string;
  nodeKind: string;
  nextNode: string | null;
  outcome: string;
  enteredAt: number;
  leftAt: number;
  leadName: string;
};

/** The visit's step row, written once however often it is asked. */
export async function recordStep(env: Env, db: Db, step: StepRecordInput): Promise<void> {
  const { run } = step;
  await db
    .insert(journeyStep)
    .values({
      enrollmentId: run.enrollmentId,
      seq: step.seq,
      workspaceId: run.workspaceId,
      journeyId: run.journeyId,
      version: run.version,
      nodeId: step.nodeId,
      nodeKind: step.nodeKind,
      nextNode: step.nextNode,
      outcome: step.outcome,
      enteredAt: new Date(step.enteredAt),
      leftAt: new Date(step.leftAt),
    })
    .onConflictDoNothing();
  const tables = await findJourneyTables(env, db, run.workspaceId);
  const steps = tables?.steps;
  const keyColumn = steps?.keys.stepKey;
  if (!steps || !keyColumn) return;
  const stepKey = stepKeyOf({ enrollmentId: run.enrollmentId, seq: step.seq });
  const written = await steps.room.findOrInsertRow({
    match: [{ columnId: keyColumn, value: stepKey }],
    cells: byKey(steps, {
      stepKey,
      journey: [run.journeyId],
      version: run.version,
      leadTable: run.tableId,
      leadRowId: run.rowId,
      leadName: step.leadName,
      node: step.nodeId,
      nodeKind: step.nodeKind,
      entered: new Date(step.enteredAt).toISOString(),
      left: new Date(step.leftAt).toISOString(),
      outcome: step.outcome,
    }),
    origin,
  });
  if (!written.ok) throw new Error(`Could not write the Journey steps row ${stepKey}: ${written.message}`);
}

const whileActive = (id: string) => and(eq(journeyEnrollment.id, id), eq(journeyEnrollment.status, "active"));

/** The node the enrollment is at now. */
/** Marks the enrollment at `nodeId`; false when it is no longer active (a person or an event ended it). */
export async function markNode(db: Db, enrollmentId: string, nodeId: string): Promise<boolean> {
  const marked = await db
    .update(journeyEnrollment)
    .set({ node: nodeId, updatedAt: new Date() })
    .where(whileActive(enrollmentId))
    .returning({ id: journeyEnrollment.id });
  return marked.length > 0;
}

/** Ends an enrollment whose run failed for good, with the error; false when it had ended already. */
export async function failEnrollment(db: Db, enrollmentId: string, error: string): Promise<boolean> {
  const now = new Date();
  const done = await db
    .update(journeyEnrollment)
    .set({ status: "exited", exitReason: `failed: ${error}`.slice(0, 500), updatedAt: now, finishedAt: now })
    .where(whileActive(enrollmentId))
    .returning({ id: journeyEnrollment.id });
  return done.length > 0;
}

/** The last cap decision that held or dropped one of its messages. */
export async function markCapped(db: Db, enrollmentId: string, capped: "deferred" | "dropped"): Promise<void> {
  await db.update(journeyEnrollment).set({ capped, updatedAt: new Date() }).where(whileActive(enrollmentId));
}

/** The run's end: finished (an exit node or the path's end, `reason` says which). */
export async function finishEnrollment(db: Db, enrollmentId: string, reason: string): Promise<boolean> {
  const now = new Date();
  const done = await db
    .update(journeyEnrollment)
    .set({ status: "finished", exitReason: reason, updatedAt: now, finishedAt: now })
    .where(whileActive(enrollmentId))
    .returning({ id: journeyEnrollment.id });
  return done.length > 0;
}

/** The lead's Journeys cell: one line per journey, "<journey> · <where>". */
function journeysLines(cell: CellValue | undefined, journeyName: string, where: string | null): string {
  const prefix = `${journeyName} · `;
  const lines = (typeof cell === "string" ? cell.split("\n") : []).filter((l) => l && !l.startsWith(prefix));
  if (where) lines.push(`${prefix}${where}`);
  return lines.join("\n");
}

/** Writes where the lead is in this journey (null: no longer in it) when its table has a Journeys column. */
export async function showInLeadRow(
  env: Env,
  run: JourneyRunParams,
  journeyName: string,
  where: string | null,
): Promise<void> {
  const table = await tableHandle(env, run.tableId);
  const column = table.keys.journeys;
  if (!column) return;
  const [row] = await table.room.readRows([run.rowId]);
  if (!row) return;
  const next = journeysLines(row.cells[column], journeyName, where);
  if (next === (row.cells[column] ?? "")) return;
  await table.room.patchRow(run.rowId, { [column]: next }, origin);
}

/** A journey's analytics read from D1: its step ledger and enrollments, for one version or all. */
import { and, eq } from "drizzle-orm";
import { journeyAnalytics } from "../../automation/journeys/analytics";
import { journeyEnrollment, journeyStep } from "../../schema/db";
import type { EnrollmentStatus, JourneyAnalytics } from "../../schema/journeys";
import type { Db } from "../db";
import { type JourneyRecord, publishedDefinition } from "./store";

/**
 * Analytics of `record` at `version` (null: every version, drawn on the latest published
 * definition, else the draft).
 */
export async function readAnalytics(db: Db, record: JourneyRecord, version: number | null): Promise<JourneyAnalytics> {
  const shown = version ?? record.version;
  const def = (shown > 0 ? await publishedDefinition(db, record.id, shown) : null) ?? record.draft;
  const stepWhere =
    version === null
      ? eq(journeyStep.journeyId, record.id)
      : and(eq(journeyStep.journeyId, record.id), eq(journeyStep.version, version));
  const enrollmentWhere =
    version === null
      ? eq(journeyEnrollment.journeyId, record.id)
      : and(eq(journeyEnrollment.journeyId, record.id), eq(journeyEnrollment.version, version));
  const [steps, enrollments] = await Promise.all([
    db
      .select({
        enrollmentId: journeyStep.enrollmentId,
        seq: journeyStep.seq,
        nodeId: journeyStep.nodeId,
        nodeKind: journeyStep.nodeKind,
        nextNode: journeyStep.nextNode,
        outcome: journeyStep.outcome,
        enteredAt: journeyStep.enteredAt,
        leftAt: journeyStep.leftAt,
      })
      .from(journeyStep)
      .where(stepWhere),
    db
      .select({ status: journeyEnrollment.status, node: journeyEnrollment.node })
      .from(journeyEnrollment)
      .where(enrollmentWhere),
  ]);
  const records = steps.map((s) => ({ ...s, enteredAt: s.enteredAt.getTime(), leftAt: s.leftAt?.getTime() ?? null }));
  const list = enrollments.map((e) => ({ status: e.status as EnrollmentStatus, node: e.node }));
  return { journeyId: record.id, ...journeyAnalytics(def, records, list, version) };
}

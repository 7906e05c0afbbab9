/**
 * A journey's counts from D1 in one query: enrollments in all and by status, and conversions
 * (enrollments with a step at a goal node, each counted once however often it got there).
 */
import type { JourneyCounts } from "../../schema/journeys";

/** Counts of journey `journeyId` (every version). */
export async function journeyCounts(d1: D1Database, journeyId: string): Promise<JourneyCounts> {
  const row = await d1
    .prepare(
      `SELECT COUNT(*) AS enrolled,
              COALESCE(SUM(status = 'active'), 0) AS active,
              COALESCE(SUM(status = 'finished'), 0) AS finished,
              COALESCE(SUM(status = 'exited'), 0) AS exited,
              (SELECT COUNT(DISTINCT enrollment_id) FROM journey_step
                WHERE journey_id = ?1 AND node_kind = 'goal') AS converted
         FROM journey_enrollment WHERE journey_id = ?1`,
    )
    .bind(journeyId)
    .first<JourneyCounts>();
  return row ?? { enrolled: 0, active: 0, finished: 0, exited: 0, converted: 0 };
}

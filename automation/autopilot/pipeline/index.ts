/**
 * The pipeline dashboard's figures (`GET /api/pipeline`) from plain rows: the funnel with
 * conversion and waiting items per stage, and the throughput per day. Pure, so the benchmark
 * can time it over 100,000 rows; `worker/autopilot/pipeline` reads the rows.
 */
import type { PipelineAnswer } from "../../../schema/autopilot";
import type { PipelineRows } from "./rows";
import { stageCounts } from "./stages";
import { throughput } from "./throughput";

export * from "./rows";
export { CLICKED_MESSAGES, QUALIFIED_LEADS, STAGE_LABELS } from "./stages";
export { THROUGHPUT_DAYS } from "./throughput";

/** The funnel and throughput at `now` (the caller adds how long reading took). */
export function pipelineAnswer(rows: PipelineRows, now: Date): Omit<PipelineAnswer, "ms"> {
  return { stages: stageCounts(rows, now), throughput: throughput(rows, now), computedAt: now.toISOString() };
}

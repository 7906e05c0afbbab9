/** `GET /api/pipeline`: the workspace's tables read whole, then the pure pipeline computation, timed. */
import { pipelineAnswer } from "../../../automation/autopilot/pipeline";
import type { PipelineAnswer } from "../../../schema/autopilot";
import type { Db } from "../../db";
import { readPipelineRows } from "./rows";

export { readPipelineRows } from "./rows";

/** The funnel, waiting items and throughput at `now`; `ms` is how long reading and counting took. */
export async function readPipeline(env: Env, db: Db, workspaceId: string, now = new Date()): Promise<PipelineAnswer> {
  const started = performance.now();
  const rows = await readPipelineRows(env, db, workspaceId);
  const answer = pipelineAnswer(rows, now);
  return { ...answer, ms: Math.round(performance.now() - started) };
}

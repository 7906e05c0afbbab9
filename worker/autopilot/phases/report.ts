/**
 * The report phase of a cycle: the daily report of the UTC day before the cycle started, a
 * complete day whichever hour the daily cleanup runs at. A cycle run by hand on a day already
 * reported writes nothing (the row is found by its Day). done = 1 when this cycle wrote the row.
 */
import { count, emptyResult, type Phase } from "../context";
import { writeDailyReport } from "../report";
import { dayBefore } from "../report/figures";

export const reportPhase: Phase = async (ctx) => {
  const result = emptyResult("report");
  const { created } = await writeDailyReport(ctx, dayBefore(ctx.startedAt));
  if (created) result.done = 1;
  else count(result, "alreadyReported");
  return result;
};

/**
 * Actions that leave the room (a webhook now; contact, generate and send later) run as jobs on
 * the `action-jobs` queue. A job names its entry in the table's run log; the consumer asks the
 * TableRoom for the row when it runs and writes results back through it.
 */
import { z } from "zod";
import { AutomationOrigin } from "./tables";
import { TriggerAction } from "./triggers";

export const ActionJob = z.object({
  tableId: z.string().min(1),
  /** The run log entry the job reports to; also what makes a redelivered job run once. */
  runId: z.number().int().min(1),
  /** `<tableId>:<runId>`, as the run log shows it. */
  jobId: z.string().min(1),
  action: TriggerAction,
  rowId: z.string().min(1),
  /** What started it: a rule, or a button column (the other is null). */
  ruleId: z.string().nullable(),
  columnId: z.string().nullable(),
  /** The origin the action's row writes carry, so rules know an automation made them. */
  origin: AutomationOrigin,
});
export type ActionJob = z.infer<typeof ActionJob>;

export const jobIdOf = (tableId: string, runId: number) => `${tableId}:${runId}`;

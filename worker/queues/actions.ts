/**
 * The `action-jobs` consumer: each message is one run of an action that leaves the room (a rule
 * firing or a button press, see `worker/durable/actions`). It claims the run from the table's
 * TableRoom (a run that is over is not run again, so a redelivered message does nothing), runs
 * the action with the row as it is now, writes the action's row changes back through the room
 * with the run's automation origin, and reports the outcome. A failure worth another try is
 * retried with exponential backoff up to MAX_ACTION_ATTEMPTS tries.
 */
import { MAX_ACTION_ATTEMPTS, retryDelaySeconds, runAction } from "../../automation/actions";
import { guardFor } from "../../automation/contact/guard";
import { ActionJob } from "../../schema/action-jobs";
import { describeIssues } from "../api/errors";
import { tableRoom } from "../durable/table-room";
import { runHuntingOp } from "../hunting/buttons";
import { journeyActions } from "../journeys/actions";
import { runMessageOp } from "../messaging/buttons";
import { runPaymentsOp } from "../payments/buttons";
import { runOutreachOp } from "../projects/buttons";
import { runSitesOp } from "../sites/buttons";

export async function handleActionBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(batch.messages.map((message) => handleActionMessage(message, env)));
}

async function handleActionMessage(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = ActionJob.safeParse(message.body);
  if (!parsed.success) {
    console.error(`rowpilot: malformed action job ${message.id}: ${describeIssues(parsed.error.issues)}`);
    return message.ack();
  }
  const job = parsed.data;
  const attempt = message.attempts;
  const room = tableRoom(env, job.tableId);
  const retryOrFail = async (detail: string, retryable: boolean) => {
    if (retryable && attempt < MAX_ACTION_ATTEMPTS) {
      const delaySeconds = retryDelaySeconds(attempt);
      await room.retryingAction(job.runId, attempt, detail, delaySeconds);
      return message.retry({ delaySeconds });
    }
    const tries = attempt >= MAX_ACTION_ATTEMPTS ? ` after ${attempt} tries` : "";
    await room.finishAction(job.runId, "failed", `${detail}${tries}`, attempt);
    message.ack();
  };
  try {
    const claim = await room.claimAction(job.runId, attempt);
    if (claim.type === "done") return message.ack();
    const outcome = await runAction(job.action.name, job.action.params, {
      ruleId: job.ruleId,
      columnId: job.columnId,
      rowId: job.rowId,
      row: claim.row,
      setCells: async (cells) => {
        const written = await room.patchRow(job.rowId, cells, job.origin);
        return written.ok ? { ok: true } : { ok: false, message: written.message };
      },
      guard: guardFor(env.ROWPILOT_ENV),
      fetch: (input, init) => fetch(input, init),
      outreach: (op) => runOutreachOp(env, job.tableId, job.rowId, op),
      hunting: (op) => runHuntingOp(env, job.tableId, job.rowId, op, job.columnId),
      sites: (op) => runSitesOp(env, job.tableId, job.rowId, op, job.ruleId),
      messaging: (op) => runMessageOp(env, job.tableId, job.rowId, op),
      payments: (op) => runPaymentsOp(env, job.tableId, job.rowId, op),
      journeys: journeyActions(env, job.tableId, job.rowId),
    });
    if (outcome.outcome === "succeeded") {
      await room.finishAction(job.runId, "succeeded", outcome.detail, attempt);
      return message.ack();
    }
    await retryOrFail(outcome.detail, outcome.retryable ?? false);
  } catch (error) {
    // The room or the runtime failed, not the action: worth another try while tries are left.
    console.error(`rowpilot: action job ${job.jobId} crashed: ${(error as Error).message}`);
    await retryOrFail(`crashed: ${(error as Error).message}`, true).catch(() =>
      message.retry({ delaySeconds: retryDelaySeconds(attempt) }),
    );
  }
}

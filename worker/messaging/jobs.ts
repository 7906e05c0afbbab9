/**
 * The `send-message` job on `outreach-jobs`: one message a send. A send worth another try (the
 * provider's 429 or 5xx, a lost connection) goes back to the queue with a growing delay (or the
 * provider's Retry-After); its row stays queued and says why. Every try hands the provider the
 * same idempotency key, and a job delivered again after its message left does nothing.
 */
import { retryDelaySeconds } from "../../automation/actions";
import { describeIssues } from "../api/errors";
import { runSendJob, SendMessageJob } from "./send";

/** Tries of one send, the first included: the `outreach-jobs` consumer's `max_retries` (2) plus one. */
export const MAX_SEND_ATTEMPTS = 3;

/** Whether a queue message is a send job (the rest of `outreach-jobs` is business hunting's). */
export const isSendJob = (body: unknown): boolean =>
  typeof body === "object" && body !== null && (body as { kind?: unknown }).kind === "send-message";

export async function handleSendMessage(message: Message<unknown>, env: Env): Promise<void> {
  const parsed = SendMessageJob.safeParse(message.body);
  if (!parsed.success) {
    console.error(`rowpilot: malformed send job ${message.id}: ${describeIssues(parsed.error.issues)}`);
    return message.ack();
  }
  const job = parsed.data;
  const attempt = { attempt: message.attempts, maxAttempts: MAX_SEND_ATTEMPTS, retryDelaySeconds };
  try {
    const outcome = await runSendJob(env, job, attempt);
    if (outcome.type === "retry") return message.retry({ delaySeconds: outcome.delaySeconds });
    message.ack();
  } catch (error) {
    // The room or D1 failed, not the provider: the message is still queued; try it again later.
    console.error(`rowpilot: send job for message ${job.messageId} crashed: ${(error as Error).message}`);
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

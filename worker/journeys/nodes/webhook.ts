/**
 * The webhook node: POSTs the lead to a URL as JSON `{ journey, version, node, lead: { table,
 * rowId, cells } }`. Only public addresses in production (the same guard as the contact engine's
 * browser). A refusal (4xx) is the step's outcome and the journey goes on; a server error or no
 * answer in time throws, so the workflow's step retries it.
 */
import { guardFor, UnsafeUrlError } from "../../../automation/contact/guard";
import type { NodeOf } from "../../../schema/journeys";
import { type NodeResult, type RunContext, stepKeyOf } from "../run-context";

/** How long a journey's webhook may take to answer: a receiver that takes longer is retried, not waited on. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** A webhook call worth retrying: the receiver failed or did not answer, not refused. */
export class WebhookRetryError extends Error {
  override name = "WebhookRetryError";
}

export async function runWebhook(env: Env, run: RunContext, node: NodeOf<"webhook">): Promise<NodeResult> {
  try {
    await guardFor(env.ROWPILOT_ENV).check(node.url);
  } catch (error) {
    if (error instanceof UnsafeUrlError) return { outcome: `failed: ${error.message}`, edge: "next" };
    throw error;
  }
  const body = {
    journey: run.journeyId,
    version: run.version,
    node: node.id,
    lead: { table: run.tableId, rowId: run.rowId, cells: run.row },
  };
  let res: Response;
  try {
    res = await fetch(node.url, {
      method: "POST",
      // The same key on every try of this step, so a receiver can tell a retry from a new call.
      headers: {
        "content-type": "application/json",
        "user-agent": "Rowpilot journeys",
        "idempotency-key": stepKeyOf(run),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      redirect: "manual",
    });
  } catch (error) {
    const why =
      (error as Error).name === "TimeoutError"
        ? `no answer in ${WEBHOOK_TIMEOUT_MS / 1000} s`
        : (error as Error).message;
    throw new WebhookRetryError(`${node.url}: ${why}`);
  }
  await res.body?.cancel();
  if (res.status >= 500) throw new WebhookRetryError(`${node.url} answered ${res.status}`);
  if (res.status >= 300) return { outcome: `failed: ${node.url} answered ${res.status}`, edge: "next" };
  return { outcome: `called: ${res.status}`, edge: "next" };
}

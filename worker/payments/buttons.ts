/**
 * The Subscriptions buttons (Pause, Resume, Cancel), pressed in the grid: the same operations as
 * `POST /api/subscriptions/:id/<op>`, their answer shown in the button's run log.
 */
import { eq } from "drizzle-orm";
import type { ActionOutcome } from "../../automation/actions";
import { dataTable } from "../../schema/db";
import { PAYMENTS_KINDS, type SubscriptionOp } from "../../schema/payments-tables";
import { getDb } from "../db";
import { runSubscriptionOp, SubscriptionOpError } from "./subscriptions";
import { findBilling } from "./tables";

const refused = (detail: string, retryable = false): ActionOutcome => ({ outcome: "failed", detail, retryable });

export async function runPaymentsOp(
  env: Env,
  tableId: string,
  rowId: string,
  op: SubscriptionOp,
): Promise<ActionOutcome> {
  const db = getDb(env.DB);
  const table = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  if (!table || table.kind !== PAYMENTS_KINDS.subscriptions)
    return refused(`${op} is a button of the Subscriptions table`);
  const billing = await findBilling(env, db, table.workspaceId);
  if (!billing) return refused("This workspace's billing tables are incomplete");
  try {
    const { message } = await runSubscriptionOp(env, db, billing, rowId, op);
    return { outcome: "succeeded", detail: message };
  } catch (error) {
    if (error instanceof SubscriptionOpError) return refused(error.message, error.retryable);
    throw error;
  }
}

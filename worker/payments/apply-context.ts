/** What applying one webhook event needs, and what it comes to (its Webhook events row's result). */
import { and, eq } from "drizzle-orm";
import { PaymentsError, type Recurrente } from "../../automation/payments/recurrente/types";
import { paymentClaim, type workspace } from "../../schema/db";
import type { WebhookResult } from "../../schema/payments-tables";
import type { Db } from "../db";
import type { Billing } from "./tables";

export type ApplyContext = {
  env: Env;
  db: Db;
  workspace: typeof workspace.$inferSelect;
  billing: Billing;
  recurrente: Recurrente;
};

export type Outcome = {
  result: WebhookResult;
  /** The Recurrente object the event is about (pa_…, su_…, re_…). */
  objectId: string | null;
  /** Why it was flagged or ignored; null when applied as it came. */
  note: string | null;
};

export type Claim = typeof paymentClaim.$inferSelect;

export const outcome = (result: WebhookResult, objectId: string | null, note: string | null = null): Outcome => ({
  result,
  objectId,
  note,
});

/** Our claim whose checkout this is, or null for a checkout we never made. */
export async function claimOfCheckout(ctx: ApplyContext, checkoutId: string | null): Promise<Claim | null> {
  if (!checkoutId) return null;
  const row = await ctx.db.query.paymentClaim.findFirst({
    where: and(eq(paymentClaim.workspaceId, ctx.workspace.id), eq(paymentClaim.checkoutId, checkoutId)),
  });
  return row ?? null;
}

/**
 * Reads an object back from Recurrente; null when Recurrente says it does not exist (the event
 * names something that is not there: flag it). Any other failure is thrown: the delivery fails
 * and Recurrente sends it again.
 */
export async function readBack<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PaymentsError && error.kind === "not_found") return null;
    throw error;
  }
}

/**
 * A refund, confirmed by reading it back from Recurrente: a negative Payments row (kind refund)
 * linked to the refunded payment's customer and subscription, that payment marked refunded, and
 * the customer's lifetime value summed again. A refund of a payment we never recorded is flagged.
 */
import { toMajor } from "../../automation/payments/apply";
import type { RefundEvent } from "../../automation/payments/events/types";
import { reader } from "../kinds/tables";
import { type ApplyContext, type Outcome, outcome, readBack } from "./apply-context";
import { findOrMake, findRow, refreshCustomer, writeRow } from "./apply-rows";

export async function applyRefundEvent(ctx: ApplyContext, event: RefundEvent): Promise<Outcome> {
  const payments = ctx.billing.payments;
  const original = await findRow(payments, "recurrenteId", event.paymentId);
  if (!original)
    return outcome("flagged", event.refundId, `A refund of ${event.paymentId ?? "a payment"} we never recorded`);
  const refund = await readBack(() => ctx.recurrente.getRefund(event.refundId));
  if (!refund || refund.status === "failed")
    return outcome("flagged", event.refundId, `Recurrente does not confirm refund ${event.refundId}`);
  const r = reader(payments, original.cells);
  const customer = r.list("customer")[0];
  const subscription = r.list("subscription")[0];
  const row = await findOrMake(payments, [["recurrenteId", event.refundId]], {
    customer: customer ? [customer] : undefined,
    subscription: subscription ? [subscription] : undefined,
    recurrenteId: event.refundId,
    kind: "refund",
    amount: -toMajor(refund.amountCents),
    currency: refund.currency ?? event.currency ?? r.text("currency"),
    status: "succeeded",
    paidAt: event.at,
  });
  if (!row.created) return outcome("ignored", event.refundId, "this refund is already recorded");
  await writeRow(payments, original.id, { status: "refunded" });
  if (customer) await refreshCustomer(ctx.billing, customer);
  return outcome("applied", event.refundId);
}

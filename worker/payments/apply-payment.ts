/**
 * A payment event, confirmed before anything changes: a claim's payment by reading its checkout
 * back (paid, by this payment), a renewal by reading its subscription back. A payment whose
 * checkout is not one of our claims and whose subscription we do not know is flagged and left
 * alone. A Payments row is found by Recurrente's payment id and never recorded twice: a row
 * already succeeded is not written again.
 */
import { amountFlag, paymentKind, toMajor } from "../../automation/payments/apply";
import type { PaymentEvent } from "../../automation/payments/events/types";
import { type Checkout, PaymentsError } from "../../automation/payments/recurrente/types";
import type { PaymentKind } from "../../schema/payments-tables";
import type { CellValue } from "../../schema/tables";
import { reader } from "../kinds/tables";
import { claimDeclined, claimPaid } from "./apply-claim";
import { type ApplyContext, type Claim, claimOfCheckout, type Outcome, outcome, readBack } from "./apply-context";
import { findOrMake, findRow, refreshCustomer, writeRow } from "./apply-rows";
import { applyTruth, subscriptionRow } from "./apply-subscription";

/**
 * How long after a payment Recurrente's checkout may still read unpaid: its events go out as the
 * charge succeeds, the checkout's status follows within seconds; ten minutes is generous.
 */
const CONFIRM_LAG_MS = 10 * 60_000;

type Row = { id: string; cells: Record<string, CellValue> };

/** Whether the checkout read back agrees with the event: paid by it, or (for a decline) not paid by it. */
function checkoutAgrees(checkout: Checkout, event: PaymentEvent): boolean {
  // A bank transfer's event is its ba_… intent; the checkout names the pa_… payment it made.
  const same = checkout.paymentId === event.paymentId || event.paymentId.startsWith("ba_");
  const paid = checkout.status === "paid" && same;
  return event.outcome === "succeeded" ? paid : !paid;
}

/** The Payments row's cells for this event. */
function paymentCells(event: PaymentEvent, kind: PaymentKind, links: { customer?: string; subscription?: string }) {
  return {
    customer: links.customer ? [links.customer] : undefined,
    subscription: links.subscription ? [links.subscription] : undefined,
    recurrenteId: event.paymentId,
    checkoutId: event.checkoutId ?? undefined,
    kind,
    amount: toMajor(event.amountCents),
    currency: event.currency ?? undefined,
    status: event.outcome,
    failureReason: event.failureReason ?? undefined,
    paidAt: event.outcome === "succeeded" ? event.at : undefined,
    invoiceUrl: event.invoiceUrl ?? undefined,
  };
}

/** Writes the payment's row unless it already succeeded; whether it was written. */
async function recordPayment(ctx: ApplyContext, cells: ReturnType<typeof paymentCells> & { flag?: string }) {
  const payments = ctx.billing.payments;
  const row = await findOrMake(payments, [["recurrenteId", cells.recurrenteId]], cells);
  if (row.created) return true;
  if (reader(payments, row.cells).text("status") === "succeeded") return false;
  await writeRow(payments, row.id, cells);
  return true;
}

/** The claim's customer, found by Recurrente's id or the claim's email, made from the claim when new. */
async function customerRow(ctx: ApplyContext, claim: Claim, event: PaymentEvent): Promise<Row> {
  const customers = ctx.billing.customers;
  const row = await findOrMake(
    customers,
    [
      ["recurrenteId", event.customer.id],
      ["email", claim.email],
    ],
    {
      name: claim.name,
      email: claim.email,
      phone: claim.phone,
      business: claim.businessId ? [claim.businessId] : undefined,
      site: [claim.siteId],
      recurrenteId: event.customer.id ?? undefined,
      firstPaid: event.at,
      currency: claim.currency,
      status: "active",
    },
  );
  if (!row.created) await writeRow(customers, row.id, {}, { recurrenteId: event.customer.id, firstPaid: event.at });
  return row;
}

/** The claim checkout's first payment: customer, subscription and payment rows, the claim paid. */
async function applySetup(ctx: ApplyContext, event: PaymentEvent, claim: Claim, checkout: Checkout): Promise<Outcome> {
  if (event.outcome === "failed") {
    await claimDeclined(ctx, claim, event.failureReason ?? "The payment was declined");
    await recordPayment(ctx, paymentCells(event, "setup", {}));
    return outcome("applied", event.paymentId);
  }
  const subscriptionId = checkout.subscriptionId ?? event.subscriptionId;
  const [customer, truth] = await Promise.all([
    customerRow(ctx, claim, event),
    subscriptionId ? readBack(() => ctx.recurrente.getSubscription(subscriptionId)) : null,
  ]);
  const subscription = await subscriptionRow(ctx, { subscriptionId, claim, customerId: customer.id });
  if (truth) await applyTruth(ctx, subscription, truth);
  const flag = amountFlag(claim, "setup", event.amountCents, event.currency);
  const cells = paymentCells(event, "setup", { customer: customer.id, subscription: subscription.id });
  const written = await recordPayment(ctx, { ...cells, flag: flag ?? undefined });
  if (!written) return outcome("ignored", event.paymentId, "this payment is already recorded");
  await refreshCustomer(ctx.billing, customer.id);
  // A charge that is not what the claim asked for is kept for people to look at, not trusted to claim the site.
  if (flag) return outcome("flagged", event.paymentId, flag);
  return finishClaim(ctx, event, claim, customer.id);
}

/** The claim paid once its payment is recorded; flagged when someone else's claim paid for the site first. */
async function finishClaim(ctx: ApplyContext, event: PaymentEvent, claim: Claim, customerId: string): Promise<Outcome> {
  const paid = await claimPaid(ctx, {
    claim,
    customerId,
    paymentId: event.paymentId,
    amountCents: event.amountCents,
    currency: event.currency ?? claim.currency,
  });
  if (paid !== "taken") return outcome("applied", event.paymentId);
  const flag = `${claim.businessName}'s site was already paid for by another claim: refund ${event.paymentId} and cancel its subscription in Recurrente`;
  const recorded = await findRow(ctx.billing.payments, "recurrenteId", event.paymentId);
  if (recorded) await writeRow(ctx.billing.payments, recorded.id, { flag });
  return outcome("flagged", event.paymentId, flag);
}

/** A later payment of a subscription we know, confirmed by reading the subscription back. */
async function applyRenewal(ctx: ApplyContext, event: PaymentEvent, subscription: Row): Promise<Outcome> {
  const subs = ctx.billing.subscriptions;
  const r = reader(subs, subscription.cells);
  const subscriptionId = r.text("recurrenteId") || event.subscriptionId;
  const truth = subscriptionId ? await readBack(() => ctx.recurrente.getSubscription(subscriptionId)) : null;
  if (!truth)
    return outcome(
      "flagged",
      event.paymentId,
      `Recurrente has no subscription ${subscriptionId ?? "for this payment"}`,
    );
  // A renewal is how a past-due subscription becomes active again: bring its row to Recurrente's state.
  await applyTruth(ctx, subscription, truth);
  const customer = r.list("customer")[0];
  const claim = await claimOfCheckout(ctx, r.text("checkoutId") || null);
  const flag =
    claim && event.outcome === "succeeded" ? amountFlag(claim, "renewal", event.amountCents, event.currency) : null;
  const cells = paymentCells(event, "renewal", { customer, subscription: subscription.id });
  const written = await recordPayment(ctx, { ...cells, flag: flag ?? undefined });
  if (!written) return outcome("ignored", event.paymentId, "this payment is already recorded");
  if (customer) await refreshCustomer(ctx.billing, customer);
  return flag ? outcome("flagged", event.paymentId, flag) : outcome("applied", event.paymentId);
}

/** payment_intent.* and bank_transfer_intent.*. */
export async function applyPaymentEvent(ctx: ApplyContext, event: PaymentEvent): Promise<Outcome> {
  const { billing } = ctx;
  const [claim, recorded, ofSubscription] = await Promise.all([
    claimOfCheckout(ctx, event.checkoutId),
    findRow(billing.payments, "recurrenteId", event.paymentId),
    findRow(billing.subscriptions, "recurrenteId", event.subscriptionId),
  ]);
  const recordedRow = recorded ? reader(billing.payments, recorded.cells) : null;
  if (recordedRow?.text("status") === "succeeded") {
    // An earlier delivery recorded the payment and failed before its claim moved: finish that now.
    const customerId = recordedRow.list("customer")[0];
    if (claim && claim.state !== "paid" && !recordedRow.text("flag") && customerId)
      return finishClaim(ctx, event, claim, customerId);
    return outcome("ignored", event.paymentId, "this payment is already recorded");
  }
  const subscription =
    ofSubscription ??
    (claim?.state === "paid" ? await findRow(billing.subscriptions, "checkoutId", claim.checkoutId) : null);
  const kind = paymentKind({
    refund: false,
    claimCheckout: claim !== null,
    claimPaidByOther: claim?.state === "paid",
    subscriptionKnown: subscription !== null,
  });
  if (!kind)
    return outcome(
      "flagged",
      event.paymentId,
      `Checkout ${event.checkoutId ?? "(none)"} is not one of our claims and subscription ${event.subscriptionId ?? "(none)"} is unknown: nothing recorded`,
    );
  if (event.outcome === "pending") {
    await recordPayment(ctx, paymentCells(event, kind, {}));
    return outcome("applied", event.paymentId);
  }
  if (kind === "renewal") return applyRenewal(ctx, event, subscription!);
  const checkout = await readBack(() => ctx.recurrente.getCheckout(claim!.checkoutId!));
  // Recurrente may send a payment's event a moment before its checkout reads paid: a recent one is
  // asked for again (a 503) rather than flagged; an old one that never became paid is flagged.
  const recent = Date.now() - Date.parse(event.at) < CONFIRM_LAG_MS;
  if (checkout && recent && event.outcome === "succeeded" && !checkout.paymentId && checkout.status !== "paid")
    throw new PaymentsError("server", `Recurrente does not show checkout ${checkout.id} paid yet`);
  if (!checkout || !checkoutAgrees(checkout, event))
    return outcome(
      "flagged",
      event.paymentId,
      `Recurrente does not confirm it: checkout ${claim!.checkoutId} is ${checkout ? `${checkout.status}${checkout.paymentId ? ` by ${checkout.paymentId}` : ""}` : "not found"}`,
    );
  return applySetup(ctx, event, claim!, checkout);
}

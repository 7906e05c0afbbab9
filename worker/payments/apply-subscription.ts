/**
 * A subscription's row kept to what Recurrente says. Every subscription event (and every payment
 * of a subscription) reads the subscription back and applies that status, stamped with the
 * time it was read: events in any order end in Recurrente's state. A subscription whose checkout is one of our claims gets its row on its first event.
 */
import { nextSubscriptionState, requestDone } from "../../automation/payments/apply";
import type { Subscription } from "../../automation/payments/recurrente/types";
import type { SubscriptionStatus } from "../../schema/payments-tables";
import type { CellValue } from "../../schema/tables";
import { reader } from "../kinds/tables";
import { type ApplyContext, type Claim, claimOfCheckout, type Outcome, outcome, readBack } from "./apply-context";
import { findOrMake, findRow, refreshCustomer, writeRow } from "./apply-rows";

type Row = { id: string; cells: Record<string, CellValue> };

/** The claim's Subscriptions row, found by Recurrente's id or the checkout, made when neither finds one. */
export async function subscriptionRow(
  ctx: ApplyContext,
  input: { subscriptionId: string | null; claim: Claim; customerId: string | null },
): Promise<Row> {
  const subs = ctx.billing.subscriptions;
  const ids = {
    recurrenteId: input.subscriptionId ?? undefined,
    checkoutId: input.claim.checkoutId ?? undefined,
    customer: input.customerId ? [input.customerId] : undefined,
  };
  const row = await findOrMake(
    subs,
    [
      ["recurrenteId", input.subscriptionId],
      ["checkoutId", input.claim.checkoutId],
    ],
    { ...ids, plan: [input.claim.planId], site: [input.claim.siteId], status: "pending" },
  );
  if (!row.created) await writeRow(subs, row.id, {}, ids);
  return row;
}

/**
 * Writes Recurrente's `truth`, as read just now, into the row; the reason when its status did not
 * change. The read's time stamps the state, not the event's: Recurrente's subscription events
 * carry the subscription's creation time, not the change's, so an event's time cannot order them.
 * The current period is kept to Recurrente's on every read, renewals included.
 */
export async function applyTruth(ctx: ApplyContext, row: Row, truth: Subscription): Promise<string | null> {
  const subs = ctx.billing.subscriptions;
  const r = reader(subs, row.cells);
  const status = (r.text("status") || null) as SubscriptionStatus | null;
  const next = nextSubscriptionState(
    { status: status === "pending" ? null : status, statusAt: r.text("statusAt") || null },
    { status: truth.status, at: new Date().toISOString() },
  );
  if (!next.change) {
    const period = { periodStart: truth.periodStart ?? undefined, periodEnd: truth.periodEnd ?? undefined };
    if (
      period.periodStart !== (r.text("periodStart") || undefined) ||
      period.periodEnd !== (r.text("periodEnd") || undefined)
    )
      await writeRow(subs, row.id, period);
    return next.reason;
  }
  const requested = r.text("requested");
  await writeRow(subs, row.id, {
    status: next.status,
    statusAt: next.statusAt,
    pastDueSince: next.pastDueSince,
    cancelledAt: next.cancelledAt,
    periodStart: truth.periodStart ?? undefined,
    periodEnd: truth.periodEnd ?? undefined,
    requested: requested && requestDone(requested, next.status) ? "" : undefined,
  });
  return null;
}

/** A subscription.* or setup_intent.* event: the subscription read back and its row brought to it. */
export async function applySubscriptionEvent(ctx: ApplyContext, subscriptionId: string): Promise<Outcome> {
  const truth = await readBack(() => ctx.recurrente.getSubscription(subscriptionId));
  if (!truth) return outcome("flagged", subscriptionId, `Recurrente has no subscription ${subscriptionId}`);
  const subs = ctx.billing.subscriptions;
  const known =
    (await findRow(subs, "recurrenteId", subscriptionId)) ?? (await findRow(subs, "checkoutId", truth.checkoutId));
  let row: Row | null = known;
  if (!row) {
    const claim = await claimOfCheckout(ctx, truth.checkoutId);
    if (!claim)
      return outcome(
        "flagged",
        subscriptionId,
        `Subscription ${subscriptionId} is not one of ours: its checkout ${truth.checkoutId ?? "(none)"} is no claim`,
      );
    row = await subscriptionRow(ctx, { subscriptionId, claim, customerId: null });
  } else if (!reader(subs, row.cells).text("recurrenteId")) {
    await writeRow(subs, row.id, {}, { recurrenteId: subscriptionId });
  }
  const unchanged = await applyTruth(ctx, row, truth);
  const customerId = reader(subs, row.cells).list("customer")[0];
  if (customerId) await refreshCustomer(ctx.billing, customerId);
  return unchanged ? outcome("ignored", subscriptionId, unchanged) : outcome("applied", subscriptionId);
}

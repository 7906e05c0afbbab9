/**
 * A subscription's row kept to what Recurrente says. Every subscription event (and every payment
 * of a subscription) reads the subscription back and applies that status, stamped with the
 * event's time: events in any order end in Recurrente's state, and an older one never undoes a
 * newer. A subscription whose checkout is one of our claims gets its row on its first event.
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

/** Writes Recurrente's `truth` into the row as of `at`; the reason when nothing changed. */
export async function applyTruth(ctx: ApplyContext, row: Row, truth: Subscription, at: string): Promise<string | null> {
  const subs = ctx.billing.subscriptions;
  const r = reader(subs, row.cells);
  const status = (r.text("status") || null) as SubscriptionStatus | null;
  const next = nextSubscriptionState(
    { status: status === "pending" ? null : status, statusAt: r.text("statusAt") || null },
    { status: truth.status, at },
  );
  if (!next.change) return next.reason;
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
export async function applySubscriptionEvent(ctx: ApplyContext, subscriptionId: string, at: string): Promise<Outcome> {
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
  const unchanged = await applyTruth(ctx, row, truth, at);
  const customerId = reader(subs, row.cells).list("customer")[0];
  if (customerId) await refreshCustomer(ctx.billing, customerId);
  return unchanged ? outcome("ignored", subscriptionId, unchanged) : outcome("applied", subscriptionId);
}

/**
 * One verified Recurrente event applied to the billing rows, each kind by its own module: payments
 * (apply-payment), subscriptions and free-trial setups (apply-subscription), refunds
 * (apply-refund). Event types we do not act on are kept as they came. Nothing here trusts the
 * event alone: each reads its object back from Recurrente first.
 */
import type { RecurrenteEvent } from "../../automation/payments/events/types";
import { type ApplyContext, type Outcome, outcome } from "./apply-context";
import { applyPaymentEvent } from "./apply-payment";
import { applyRefundEvent } from "./apply-refund";
import { applySubscriptionEvent } from "./apply-subscription";

export type { ApplyContext, Outcome } from "./apply-context";

/** @example const { result } = await applyRecurrenteEvent(ctx, parseRecurrenteEvent(json)); */
export function applyRecurrenteEvent(ctx: ApplyContext, event: RecurrenteEvent): Promise<Outcome> {
  switch (event.kind) {
    case "payment":
      return applyPaymentEvent(ctx, event);
    case "subscription":
      return applySubscriptionEvent(ctx, event.subscriptionId);
    case "setup":
      return applySubscriptionEvent(ctx, event.subscriptionId);
    case "refund":
      return applyRefundEvent(ctx, event);
    case "unknown":
      return Promise.resolve(outcome("stored", event.objectId));
  }
}

/** The rules a webhook's changes follow, as plain data in and out: the Worker's apply step writes what they say. */
export { customerStatus, lifetimeValue, type PaymentFigure } from "./customer";
export { formatMoney, toCents, toMajor } from "./money";
export { amountFlag, type ClaimAmounts, type PaymentContext, paymentKind } from "./payment-kind";
export {
  nextSubscriptionState,
  requestDone,
  type SubscriptionChange,
  type SubscriptionRowState,
  type SubscriptionTruth,
} from "./subscription-state";

/**
 * A subscription's next state. Webhooks come in any order and may be redelivered, so the state
 * applied is what Recurrente says now (read back on each event), stamped with the event's time:
 * an event older than the row's state changes nothing, and a cancelled subscription stays
 * cancelled (Recurrente cannot restart one; a new claim makes a new subscription).
 */
import type { SubscriptionStatus } from "../../../schema/payments-tables";

export type SubscriptionRowState = { status: SubscriptionStatus | null; statusAt: string | null };

export type SubscriptionTruth = { status: SubscriptionStatus; at: string };

export type SubscriptionChange =
  | {
      change: true;
      status: SubscriptionStatus;
      statusAt: string;
      /** Set when the subscription falls past due, null when it is paid up, undefined to keep. */
      pastDueSince: string | null | undefined;
      cancelledAt: string | undefined;
    }
  | { change: false; reason: string };

const time = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

/**
 * What to write for `row` given Recurrente's `truth` at an event's time.
 * @example nextSubscriptionState({ status: "active", statusAt: t1 }, { status: "past_due", at: t2 })
 */
export function nextSubscriptionState(row: SubscriptionRowState, truth: SubscriptionTruth): SubscriptionChange {
  if (row.status === "cancelled") return { change: false, reason: "the subscription is already cancelled" };
  const rowAt = time(row.statusAt);
  const eventAt = time(truth.at);
  if (!Number.isNaN(rowAt) && eventAt < rowAt)
    return { change: false, reason: `an older event than the row's state (${row.statusAt})` };
  if (row.status === truth.status) return { change: false, reason: `already ${truth.status}` };
  return {
    change: true,
    status: truth.status,
    statusAt: truth.at,
    pastDueSince: truth.status === "past_due" ? truth.at : row.status === "past_due" ? null : undefined,
    cancelledAt: truth.status === "cancelled" ? truth.at : undefined,
  };
}

/** The status each button's request waits for: the `requested` note is cleared once it is reached. */
const REQUEST_DONE: Record<string, SubscriptionStatus> = { cancel: "cancelled", pause: "paused", resume: "active" };

/** Whether a pending request ("cancel requested", "pause requested in Recurrente") is done by `status`. */
export function requestDone(requested: string, status: SubscriptionStatus): boolean {
  const op = requested.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return REQUEST_DONE[op] === status;
}

/**
 * How actions that leave the room are retried: a failure worth retrying waits twice as long as
 * the one before it. Eight tries at a 2 s base wait 2+4+…+128 s ≈ 4 minutes in all: long enough
 * to ride out a restart or a short outage of the receiving server, short enough that a button
 * does not look stuck for an hour.
 */

/** Tries of one action job, the first included; the queue's `max_retries` allows at least this many. */
export const MAX_ACTION_ATTEMPTS = 8;
/** The wait after the first failed try. */
export const RETRY_BASE_SECONDS = 2;
/** No wait is longer than this (Queues accepts up to 12 hours; a button should not wait that long). */
export const RETRY_MAX_SECONDS = 300;

/**
 * Seconds to wait after `attempt` (1 for the first try) failed.
 * @example retryDelaySeconds(1) // 2; retryDelaySeconds(3) // 8
 */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** Math.max(0, attempt - 1));
}

/** Reconnect delays: exponential from BASE_MS to MAX_MS, with jitter so clients do not stampede. */
export const BASE_MS = 250;
export const MAX_MS = 10_000;

/**
 * The wait before reconnect attempt `attempt` (0-based), between half and all of the capped
 * exponential delay.
 * @example backoffDelay(3, () => 1) // 2000
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(MAX_MS, BASE_MS * 2 ** attempt);
  return Math.round(capped * (0.5 + random() / 2));
}

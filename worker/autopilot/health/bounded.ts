/**
 * The one wait every health check makes: a provider that does not answer within the check's
 * timeout is reported, not waited for (health runs every five minutes and inside a cycle's step).
 */
import type { HealthLight } from "../../../schema/autopilot";

/**
 * How long one provider's check may take. Their status endpoints answer in well under a second;
 * eight seconds leaves room for a slow network while seven checks in parallel still end in seconds.
 */
export const CHECK_TIMEOUT_MS = 8_000;

export type CheckOutcome = { light: HealthLight; detail: string };

/** A check that took longer than its timeout. */
export class CheckTimeoutError extends Error {
  override readonly name = "CheckTimeoutError";
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${Math.round(ms / 1000)} s`);
  }
}

/** Runs `work` with an abort signal that fires after `ms`; rejects with CheckTimeoutError then. */
export async function bounded<T>(what: string, work: (signal: AbortSignal) => Promise<T>, ms = CHECK_TIMEOUT_MS) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CheckTimeoutError(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a failed call says, in a sentence for the detail. */
export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The one error discovery throws: a code the Worker can map to a status, and a message written
 * for the person who set up the project (what happened and what to try).
 */

export type DiscoveryErrorCode =
  | "unknown_zip"
  | "unplaceable_address"
  | "unknown_city"
  | "missing_key"
  | "key_refused"
  | "rate_limited"
  | "upstream_error"
  | "bad_response"
  | "timeout"
  | "network"
  | "bad_csv"
  | "unknown_category"
  | "not_finished";

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";

  /** When the provider said it will take requests again (its `Retry-After`), if it said. */
  readonly retryAt: Date | null;

  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    options?: { cause?: unknown; retryAt?: Date },
  ) {
    super(message, options);
    this.retryAt = options?.retryAt ?? null;
  }
}

export const isDiscoveryError = (error: unknown): error is DiscoveryError => error instanceof DiscoveryError;

/** Failures that are the provider's (the API's 502), not the request's (a 400). */
const UPSTREAM_CODES = new Set<DiscoveryErrorCode>([
  "key_refused",
  "rate_limited",
  "upstream_error",
  "bad_response",
  "timeout",
  "network",
  "not_finished",
]);

export const isUpstream = (error: DiscoveryError) => UPSTREAM_CODES.has(error.code);

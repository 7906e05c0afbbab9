/**
 * The one error discovery throws: a code the Worker can map to a status, and a message written
 * for the person who set up the project (what happened and what to try).
 */

export type DiscoveryErrorCode =
  | "unknown_zip"
  | "unplaceable_address"
  | "missing_key"
  | "key_refused"
  | "rate_limited"
  | "upstream_error"
  | "bad_response"
  | "timeout"
  | "network"
  | "bad_csv";

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";

  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isDiscoveryError = (error: unknown): error is DiscoveryError => error instanceof DiscoveryError;

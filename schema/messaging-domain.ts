/**
 * What `GET /api/messaging/domain` answers: the sender's domain checked for SPF, DKIM and DMARC
 * as mailbox providers will look them up.
 */

/** ok: found and right; missing: not found or wrong; unknown: cannot be checked from DNS alone. */
export type DomainCheckState = "ok" | "missing" | "unknown";

export type DomainRecordCheck = {
  state: DomainCheckState;
  /** The DNS name looked up. */
  name: string;
  /** The record found, as published. */
  record: string | null;
  /** What was found or what to do, in a sentence. */
  message: string;
};

export type DomainCheck = {
  domain: string;
  provider: string;
  spf: DomainRecordCheck;
  dkim: DomainRecordCheck;
  dmarc: DomainRecordCheck & { policy: string | null };
  checkedAt: string;
};

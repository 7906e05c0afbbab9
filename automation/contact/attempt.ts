/**
 * One attempt at contacting a dealer: the page it drives, who is writing, where it may browse,
 * and its time budget. `AttemptStop` ends an attempt early with a failure category.
 */
import type { FailureCategory, LogicalField, SenderProfile } from "../../schema/contact";
import type { FieldAssistant } from "./assist";
import type { EnginePage } from "./browser";
import type { UrlGuard } from "./guard";

export interface Attempt {
  page: EnginePage;
  profile: SenderProfile;
  guard: UrlGuard;
  /** Epoch milliseconds by which the attempt must end. */
  deadline: number;
  /** Logical field → where it was filled, for the report. */
  fields: Record<string, string>;
  /** Asked when the matcher is unsure or a required field has no meaning; optional. */
  assistant?: FieldAssistant;
  /** Meanings the assistant gave, by control ref, for the current document. */
  overrides: Map<number, LogicalField | null>;
  /** What happened along the way that the reviewer should know (an assistant that failed…). */
  notes: string[];
}

/** Ends an attempt with a category and a reason a person can act on. */
export class AttemptStop extends Error {
  override name = "AttemptStop";
  constructor(
    readonly category: FailureCategory,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Milliseconds left in the attempt's budget (never below 1, so waits stay valid). */
export function remaining(attempt: Attempt): number {
  return Math.max(1, attempt.deadline - Date.now());
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

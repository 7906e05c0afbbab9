/**
 * One attempt at contacting a dealer: the page it drives, who is writing, where it may browse,
 * and its time budget. `AttemptStop` ends an attempt early with a failure category.
 */
import type { FailureCategory, LogicalField, SenderProfile } from "../../schema/contact";
import type { FieldAssistant } from "./assist";
import type { EnginePage } from "./browser";
import type { UrlGuard } from "./guard";
import type { SentValue } from "./proof";

export interface Attempt {
  page: EnginePage;
  profile: SenderProfile;
  guard: UrlGuard;
  /** The site's home page as it opened (after redirects), to tell a move back to it. */
  home: string;
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
  /** Requests other than GET the page has sent since filling began: anything that may carry the form. */
  sent: number;
  /** Send was pressed: from here on a failure may still have delivered the message. */
  submitted: boolean;
  /** What was typed into the form, to recognise the request that carries it. */
  values: SentValue[];
  /** Messages of the page's dialog boxes (alert, confirm), in order, with when they came. */
  dialogs: { text: string; at: number }[];
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

/** Ends the attempt as `timeout` once its budget is spent, so nothing is pressed after it was reported. */
export function checkTime(attempt: Attempt): void {
  if (Date.now() >= attempt.deadline) throw new AttemptStop("timeout", "The attempt ran out of time.");
}

/** Rejects with `PageUnresponsive` when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageUnresponsive(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The page stopped answering (a script that never yields, a renderer that hung). */
export class PageUnresponsive extends Error {
  override name = "PageUnresponsive";
}

/** Requests that may carry a form's data (GET, HEAD and OPTIONS never do). */
export const SENDING = /^(POST|PUT|PATCH|DELETE)$/i;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One contact attempt from a dealer's home URL to a verified outcome: find the contact page and
 * form, fill it from the sender profile, refuse to send when a CAPTCHA or an unanswerable required
 * field stands in the way, send it, and prove it arrived. Screenshots before and after sending
 * and on failure go to the caller's store. The browser says what it is: nothing here disguises
 * the user agent or works around CAPTCHAs and bot walls; those are reported for a person.
 */
import {
  type ContactResult,
  type ContactScreenshot,
  SCREENSHOT_FORMAT,
  type SenderProfile,
} from "../../schema/contact";
import type { FieldAssistant } from "./assist";
import { type Attempt, AttemptStop, PageUnresponsive, SENDING, within } from "./attempt";
import type { EngineDialog, EnginePage, EngineRequest } from "./browser";
import { fillForm } from "./fill";
import type { UrlGuard } from "./guard";
import { locateContactForm } from "./navigate";
import { SUGGESTED_FIX } from "./outcome";
import { guardPage } from "./page-guard";
import { submitForm } from "./submit";

/** A whole attempt's budget: a few page loads, a wizard and the wait for a confirmation. */
export const ATTEMPT_BUDGET_MS = 90_000;
/** A full-page screenshot of a heavy page takes a second or two; a hung renderer never answers. */
const SCREENSHOT_TIMEOUT_MS = 10_000;
/** After the budget ran out, a screenshot gets only this long. */
const LATE_SCREENSHOT_MS = 2_000;
/** Desktop width: dealer sites hide their menus below ~860 px, and headless browsers open at 800. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

export interface ContactRun {
  url: string;
  profile: SenderProfile;
  guard: UrlGuard;
  /** Fill and screenshot, but do not send. */
  dryRun?: boolean;
  budgetMs?: number;
  /** Asked when the field matcher is unsure (Claude, with the workspace's key); optional. */
  assistant?: FieldAssistant;
  /** Stores a PNG and returns where it went (a file path, an R2 key). */
  saveScreenshot(label: ContactScreenshot["label"], image: Uint8Array): Promise<string>;
}

type Verdict = Pick<ContactResult, "outcome" | "category" | "reason" | "evidence"> & { contactPage: string | null };

class OutOfTime extends Error {}

/**
 * Runs one attempt on a fresh page. The caller owns the page and closes it afterwards (which
 * also stops anything still running when the budget ran out).
 */
export async function runContact(page: EnginePage, run: ContactRun): Promise<ContactResult> {
  const started = Date.now();
  const budget = run.budgetMs ?? ATTEMPT_BUDGET_MS;
  const attempt: Attempt = {
    page,
    profile: run.profile,
    guard: run.guard,
    home: run.url,
    deadline: started + budget,
    fields: {},
    assistant: run.assistant,
    overrides: new Map(),
    notes: [],
    sent: 0,
    submitted: false,
    values: [],
    dialogs: [],
  };
  const screenshots: ContactScreenshot[] = [];
  const shoot = async (label: ContactScreenshot["label"], timeoutMs = SCREENSHOT_TIMEOUT_MS) => {
    try {
      const shot = await within(
        page.screenshot({ type: SCREENSHOT_FORMAT.type, quality: SCREENSHOT_FORMAT.quality }),
        timeoutMs,
        "A screenshot",
      );
      const image = typeof shot === "string" ? Uint8Array.from(atob(shot), (c) => c.charCodeAt(0)) : shot;
      screenshots.push({ label, ref: await run.saveScreenshot(label, image) });
    } catch {
      // A page that cannot be photographed (closed, hung) must not hide the outcome itself.
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutOfTime()), budget);
  });
  const countSends = (request: EngineRequest) => {
    if (SENDING.test(request.method())) attempt.sent++;
  };
  // An alert holds the page (and every call into it) until answered; its words may be the
  // site's confirmation, so they are kept.
  const onDialog = (dialog: EngineDialog) => {
    attempt.dialogs.push({ text: dialog.message(), at: Date.now() });
    dialog.accept().catch(() => undefined);
  };
  page.on("request", countSends);
  page.on("dialog", onDialog);
  let verdict: Verdict;
  try {
    if (run.guard.checksRequests) await guardPage(page, run.guard);
    verdict = await Promise.race([attemptContact(attempt, run, shoot), outOfTime]);
  } catch (error) {
    verdict = { ...failure(error, budget, attempt.submitted), contactPage: null };
  } finally {
    clearTimeout(timer);
    page.off("request", countSends);
    page.off("dialog", onDialog);
  }
  // Past the budget the page is most likely hung: a quick try at a picture, then the outcome.
  const late = Date.now() > attempt.deadline;
  if (verdict.outcome === "failure") await shoot("failure", late ? LATE_SCREENSHOT_MS : SCREENSHOT_TIMEOUT_MS);
  return {
    url: run.url,
    ...verdict,
    submitted: attempt.submitted,
    suggestedFix: suggestion(verdict, attempt.submitted),
    fields: attempt.fields,
    notes: attempt.notes,
    screenshots,
    durationMs: Date.now() - started,
  };
}

async function attemptContact(
  attempt: Attempt,
  run: ContactRun,
  shoot: (label: ContactScreenshot["label"]) => Promise<void>,
): Promise<Verdict> {
  const located = await locateContactForm(attempt, run.url);
  const contactPage = located.pageUrl;
  const stop = (category: AttemptStop["category"], reason: string): Verdict => ({
    ...failure(new AttemptStop(category, reason), 0),
    contactPage,
  });
  const captcha = (what: string) => stop("captcha", `The form is protected by ${what}; it was not sent.`);
  if (located.form.captcha) return captcha(located.form.captcha);
  try {
    const { form, plan } = await fillForm(attempt, located, { dryRun: run.dryRun === true });
    if (form.captcha) return captcha(form.captcha);
    if (plan.missing.length > 0) {
      const names = plan.missing.map((m) => `“${m}”`).join(", ");
      return stop(
        "validation_error",
        `The form requires ${names}, which the sender profile does not have; it was not sent.`,
      );
    }
    await shoot("before_submit");
    if (run.dryRun) {
      const reason = "Filled the form and did not send it (dry run).";
      return { outcome: "success", category: null, reason, evidence: null, contactPage };
    }
    const decision = await submitForm(attempt, located, form);
    await shoot("after_submit");
    if (decision.outcome === "success") {
      return {
        outcome: "success",
        category: null,
        reason: decision.evidence.summary,
        evidence: decision.evidence,
        contactPage,
      };
    }
    return { outcome: "failure", category: decision.category, reason: decision.reason, evidence: null, contactPage };
  } catch (error) {
    return { ...failure(error, 0), contactPage };
  }
}

function failure(error: unknown, budget: number, submitted = false): Omit<Verdict, "contactPage"> {
  const base = { outcome: "failure" as const, evidence: null };
  if (error instanceof AttemptStop) return { ...base, category: error.category, reason: error.reason };
  // Once Send was pressed, running out of time means the proof did not come, not that the site hung.
  if (error instanceof OutOfTime && submitted) {
    const reason = `Send was pressed, but no confirmation came within the ${budget / 1000} s budget.`;
    return { ...base, category: "submit_unconfirmed", reason };
  }
  if (error instanceof OutOfTime) {
    return { ...base, category: "timeout", reason: `The attempt did not finish within its ${budget / 1000} s budget.` };
  }
  if (error instanceof PageUnresponsive)
    return { ...base, category: "timeout", reason: `The page stopped responding: ${error.message}.` };
  if ((error as Error)?.name === "UnsafeUrlError")
    return { ...base, category: "error", reason: (error as Error).message };
  return { ...base, category: "error", reason: `Unexpected error: ${(error as Error)?.message ?? String(error)}` };
}

/** What to try next; after Send was pressed, a blind retry could reach the dealer twice. */
function suggestion(verdict: Verdict, submitted: boolean): string | null {
  if (!verdict.category) return null;
  if (submitted && (verdict.category === "timeout" || verdict.category === "error")) {
    return `Send was pressed before this happened, so the message may have arrived. ${SUGGESTED_FIX.submit_unconfirmed}`;
  }
  return SUGGESTED_FIX[verdict.category];
}

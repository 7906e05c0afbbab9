/**
 * One contact attempt from a dealer's home URL to a verified outcome: find the contact page and
 * form, fill it from the sender profile, refuse to send when a CAPTCHA or an unanswerable required
 * field stands in the way, send it, and prove it arrived. Screenshots before and after sending
 * and on failure go to the caller's store. The browser says what it is: nothing here disguises
 * the user agent or works around CAPTCHAs and bot walls; those are reported for a person.
 */
import type { ContactResult, ContactScreenshot, SenderProfile } from "../../schema/contact";
import type { FieldAssistant } from "./assist";
import { type Attempt, AttemptStop } from "./attempt";
import type { EnginePage, EngineRequest } from "./browser";
import { fillForm } from "./fill";
import type { UrlGuard } from "./guard";
import { locateContactForm } from "./navigate";
import { SUGGESTED_FIX } from "./outcome";
import { submitForm } from "./submit";

/** A whole attempt's budget: a few page loads, a wizard and the wait for a confirmation. */
export const ATTEMPT_BUDGET_MS = 90_000;

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
  saveScreenshot(label: ContactScreenshot["label"], png: Uint8Array): Promise<string>;
}

type Verdict = Pick<ContactResult, "outcome" | "category" | "reason" | "evidence" | "submitted"> & {
  contactPage: string | null;
};

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
    deadline: started + budget,
    fields: {},
    assistant: run.assistant,
    overrides: new Map(),
    notes: [],
  };
  const screenshots: ContactScreenshot[] = [];
  const shoot = async (label: ContactScreenshot["label"]) => {
    try {
      const shot = await page.screenshot({ type: "png", fullPage: true });
      const png = typeof shot === "string" ? Uint8Array.from(atob(shot), (c) => c.charCodeAt(0)) : shot;
      screenshots.push({ label, ref: await run.saveScreenshot(label, png) });
    } catch {
      // A page that cannot be photographed (closed, crashed) must not hide the outcome itself.
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutOfTime()), budget);
  });
  let verdict: Verdict;
  try {
    if (run.guard.checksRequests) await guardRequests(page, run.guard);
    verdict = await Promise.race([attemptContact(attempt, run, shoot), outOfTime]);
  } catch (error) {
    verdict = failure(error, budget);
  } finally {
    clearTimeout(timer);
  }
  if (verdict.outcome === "failure") await shoot("failure");
  return {
    url: run.url,
    ...verdict,
    suggestedFix: verdict.category ? SUGGESTED_FIX[verdict.category] : null,
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
  const stop = (error: AttemptStop): Verdict => ({ ...failure(error, 0), contactPage });
  if (located.form.captcha) {
    return stop(new AttemptStop("captcha", `The form is protected by ${located.form.captcha}; it was not sent.`));
  }
  const { form, plan } = await fillForm(attempt, located);
  if (form.captcha)
    return stop(new AttemptStop("captcha", `The form is protected by ${form.captcha}; it was not sent.`));
  if (plan.missing.length > 0) {
    const names = plan.missing.map((m) => `“${m}”`).join(", ");
    return stop(
      new AttemptStop(
        "validation_error",
        `The form requires ${names}, which the sender profile does not have; it was not sent.`,
      ),
    );
  }
  if (run.dryRun) {
    await shoot("before_submit");
    return {
      outcome: "success",
      category: null,
      reason: "Filled the form and did not send it (dry run).",
      evidence: null,
      submitted: false,
      contactPage,
    };
  }
  await shoot("before_submit");
  let decision: Awaited<ReturnType<typeof submitForm>>;
  try {
    decision = await submitForm(attempt, located, form);
  } catch (error) {
    if (error instanceof AttemptStop) return stop(error);
    throw error;
  }
  await shoot("after_submit");
  if (decision.outcome === "success") {
    return {
      outcome: "success",
      category: null,
      reason: decision.evidence,
      evidence: decision.evidence,
      submitted: true,
      contactPage,
    };
  }
  return {
    outcome: "failure",
    category: decision.category,
    reason: decision.reason,
    evidence: null,
    submitted: true,
    contactPage,
  };
}

function failure(error: unknown, budget: number): Verdict {
  const base = { outcome: "failure" as const, evidence: null, submitted: false, contactPage: null };
  if (error instanceof AttemptStop) return { ...base, category: error.category, reason: error.reason };
  if (error instanceof OutOfTime) {
    return { ...base, category: "timeout", reason: `The attempt did not finish within its ${budget / 1000} s budget.` };
  }
  if ((error as Error)?.name === "UnsafeUrlError")
    return { ...base, category: "error", reason: (error as Error).message };
  return { ...base, category: "error", reason: `Unexpected error: ${(error as Error)?.message ?? String(error)}` };
}

/** Checks every request of the page against the guard; refused ones are aborted. */
async function guardRequests(page: EnginePage, guard: UrlGuard): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (request: EngineRequest) => {
    if (request.isInterceptResolutionHandled?.()) return;
    // Inline data never leaves the browser.
    if (/^(data|blob|about):/.test(request.url())) {
      request.continue().catch(() => undefined);
      return;
    }
    guard.check(request.url()).then(
      () => request.continue().catch(() => undefined),
      () => request.abort("accessdenied").catch(() => undefined),
    );
  });
}

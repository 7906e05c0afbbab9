/**
 * Sending the form and gathering proof: new thank-you text in any frame, a move to a
 * confirmation URL, the form replaced, the site's answer to the POST, or the errors it shows.
 */
import { agent } from "./agent";
import { type Attempt, AttemptStop, remaining, sleep } from "./attempt";
import type { EngineResponse } from "./browser";
import { press, sendButton } from "./fill";
import type { LocatedForm } from "./navigate";
import { scanAll } from "./navigate";
import { decideSubmit, isConfirmationUrl, isThanks, type SubmitDecision, type SubmitEvidence } from "./outcome";
import type { FormInfo } from "./page-model";
import { normalize } from "./text";

/** How long to wait for proof after pressing Send; slow dealer CRMs answer in a few seconds. */
export const SUBMIT_WAIT_MS = 10_000;
const POLL_MS = 300;
/** After an accepted POST, how long to wait for a thank-you before settling for the POST alone. */
const AFTER_ACCEPT_MS = 2_500;
/** With errors on screen and no request sent, how long before calling it a validation error. */
const ERRORS_SETTLE_MS = 1_500;

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

async function pageLines(attempt: Attempt): Promise<Set<string>> {
  return new Set((await scanAll(attempt)).flatMap(({ scan }) => lines(scan.text)));
}

async function frameUrls(attempt: Attempt): Promise<string[]> {
  return attempt.page.frames().map((f) => f.url());
}

/** Presses Send and watches what happens, within the attempt's budget. */
export async function submitForm(attempt: Attempt, located: LocatedForm, form: FormInfo): Promise<SubmitDecision> {
  const button = sendButton(form);
  if (!button) throw new AttemptStop("no_form", "The form has no Send button the engine could find.");
  if (button.disabled) {
    throw new AttemptStop(
      "validation_error",
      `The “${button.text || "Send"}” button stays disabled after filling the form.`,
    );
  }
  const hosts = new Set([new URL(attempt.page.url()).host, new URL(located.frame.url()).host]);
  const responses: SubmitEvidence["responses"] = [];
  const onResponse = (response: EngineResponse) => {
    const method = response.request().method();
    if (method !== "POST" && method !== "PUT") return;
    try {
      if (hosts.has(new URL(response.url()).host)) responses.push({ status: response.status(), url: response.url() });
    } catch {
      // A response without a parseable URL (data:, about:) is not the site's answer.
    }
  };
  const beforeLines = await pageLines(attempt);
  const beforeUrls = await frameUrls(attempt);
  const beforeErrors = new Set(await agent(located.frame, "errors", form.ref).catch(() => []));

  attempt.page.on("response", onResponse);
  try {
    await press(located.frame, button.ref);
    const started = Date.now();
    const until = started + Math.min(SUBMIT_WAIT_MS, remaining(attempt));
    let evidence: SubmitEvidence;
    let acceptedAt: number | null = null;
    for (;;) {
      await sleep(POLL_MS);
      evidence = await gather(attempt, located, form, { beforeLines, beforeUrls, beforeErrors, responses });
      const now = Date.now();
      if (evidence.thanks || evidence.confirmationUrl) break;
      if (responses.some((r) => r.status >= 200 && r.status < 400)) acceptedAt ??= now;
      if (acceptedAt !== null && (evidence.formGone || now - acceptedAt >= AFTER_ACCEPT_MS)) break;
      if (responses.some((r) => r.status >= 400)) break;
      if (evidence.validationErrors.length > 0 && responses.length === 0 && now - started >= ERRORS_SETTLE_MS) break;
      if (now + POLL_MS > until) break;
    }
    return decideSubmit(evidence);
  } finally {
    attempt.page.off("response", onResponse);
  }
}

interface Before {
  beforeLines: Set<string>;
  beforeUrls: string[];
  beforeErrors: Set<string>;
  responses: SubmitEvidence["responses"];
}

async function gather(attempt: Attempt, located: LocatedForm, form: FormInfo, before: Before): Promise<SubmitEvidence> {
  const now = await pageLines(attempt).catch(() => new Set<string>());
  const thanks = [...now].find(
    (line) => !before.beforeLines.has(line) && line.length <= 300 && isThanks(normalize(line)),
  );
  const urls = await frameUrls(attempt);
  const confirmationUrl = urls.find((u) => !before.beforeUrls.includes(u) && isConfirmationUrl(u)) ?? null;
  const detached = located.frame.isDetached?.() || located.frame.detached;
  const formGone = detached ? true : !(await agent(located.frame, "formShown", form.ref).catch(() => false));
  const errors = detached ? [] : await agent(located.frame, "errors", form.ref).catch(() => [] as string[]);
  return {
    thanks: thanks ?? null,
    confirmationUrl,
    responses: before.responses,
    formGone,
    validationErrors: errors.filter((e) => !before.beforeErrors.has(e)),
  };
}

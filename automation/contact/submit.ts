/**
 * Sending the form and gathering proof: new thank-you text in any frame, a move to a
 * confirmation URL, the form replaced, the site's answer to the POST, or the errors it shows.
 */
import { agent } from "./agent";
import { type Attempt, AttemptStop, checkTime, remaining, SENDING, sleep } from "./attempt";
import type { EngineResponse } from "./browser";
import { classifyControl } from "./fields";
import { press, rescan, sendButton } from "./fill";
import type { LocatedForm } from "./navigate";
import { scanAll } from "./navigate";
import { decideSubmit, isConfirmationUrl, isThanks, type SubmitDecision, type SubmitEvidence } from "./outcome";
import type { FormInfo } from "./page-model";
import { normalize } from "./text";

/** How long to wait for proof after pressing Send; slow dealer CRMs answer in a few seconds. */
export const SUBMIT_WAIT_MS = 10_000;
const POLL_MS = 300;
/** Kept back from the budget after the wait, for the after-submit screenshot and the verdict. */
const VERDICT_RESERVE_MS = 2_000;
/** Requests that can carry a form: a page load, XHR or fetch (not beacons, images or scripts). */
const CARRIES_FORMS = new Set(["document", "xhr", "fetch", "other"]);
/** Analytics and tracking endpoints answer 200 to anything; their answer proves nothing. */
const TELEMETRY = /analytics|collect|beacon|track|pixel|telemetry|metrics|\/log\b|\/events?\b|gtm|gtag/i;
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

function frameUrls(attempt: Attempt): string[] {
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
    const request = response.request();
    if (!SENDING.test(request.method()) || !CARRIES_FORMS.has(request.resourceType())) return;
    try {
      const url = new URL(response.url());
      if (hosts.has(url.host) && !TELEMETRY.test(url.pathname))
        responses.push({ status: response.status(), url: url.href });
    } catch {
      // A response without a parseable URL (data:, about:) is not the site's answer.
    }
  };
  const before: Before = {
    beforeLines: await pageLines(attempt),
    beforeUrls: frameUrls(attempt),
    beforeErrors: new Set(await agent(located.frame, "errors", form.ref).catch(() => [])),
    responses,
    sentBefore: attempt.sent,
  };

  attempt.page.on("response", onResponse);
  try {
    checkTime(attempt);
    attempt.submitted = true;
    await press(located.frame, button.ref);
    let decision = decideSubmit(await watch(attempt, located, form, before));
    // The site refused it in the page, nothing left the browser, and an unticked agreement box
    // is why: tick it and send once more.
    if (
      decision.outcome === "failure" &&
      decision.category === "validation_error" &&
      attempt.sent === before.sentBefore
    ) {
      const ticked = await tickAgreements(attempt, located);
      if (ticked) {
        checkTime(attempt);
        await press(located.frame, button.ref);
        decision = decideSubmit(await watch(attempt, located, form, before));
      }
    }
    return decision;
  } finally {
    attempt.page.off("response", onResponse);
  }
}

/** Polls for evidence until there is enough to decide, or the wait is over. */
async function watch(attempt: Attempt, located: LocatedForm, form: FormInfo, before: Before): Promise<SubmitEvidence> {
  const { responses } = before;
  const started = Date.now();
  const until = started + Math.min(SUBMIT_WAIT_MS, remaining(attempt) - VERDICT_RESERVE_MS);
  let acceptedAt: number | null = null;
  for (;;) {
    await sleep(POLL_MS);
    const evidence = await gather(attempt, located, form, before);
    const now = Date.now();
    if (evidence.thanks || evidence.confirmationUrl) return evidence;
    if (responses.some((r) => r.status >= 200 && r.status < 400)) acceptedAt ??= now;
    if (acceptedAt !== null && (evidence.formGone || now - acceptedAt >= AFTER_ACCEPT_MS)) return evidence;
    if (responses.some((r) => r.status >= 400)) return evidence;
    if (evidence.validationErrors.length > 0 && responses.length === 0 && now - started >= ERRORS_SETTLE_MS) {
      return evidence;
    }
    if (now + POLL_MS > until) return evidence;
  }
}

/** Marketing boxes stay unticked even when the form complains; agreements to the request itself do not. */
const MARKETING = /\bnewsletter\b|\bspecial offers\b|\bpromotion|\bmarketing\b|\bsubscribe\b|\bdeals\b/;

/** Ticks the visible, unticked agreement boxes of the form; true when it ticked any. */
async function tickAgreements(attempt: Attempt, located: LocatedForm): Promise<boolean> {
  const form = await rescan(located);
  const boxes = (form?.controls ?? []).filter(
    (c) =>
      c.kind === "checkbox" &&
      c.visible &&
      !c.checked &&
      c.choices.length === 0 &&
      classifyControl(c).field === "consent" &&
      !MARKETING.test(normalize(`${c.label} ${c.nearby}`)),
  );
  for (const box of boxes) {
    await press(located.frame, box.ref);
    attempt.fields.consent ??= box.selector;
  }
  return boxes.length > 0;
}

interface Before {
  beforeLines: Set<string>;
  beforeUrls: string[];
  beforeErrors: Set<string>;
  responses: SubmitEvidence["responses"];
  /** The attempt's count of sending requests when Send was pressed. */
  sentBefore: number;
}

async function gather(attempt: Attempt, located: LocatedForm, form: FormInfo, before: Before): Promise<SubmitEvidence> {
  const now = await pageLines(attempt).catch(() => new Set<string>());
  const thanks = [...now].find(
    (line) => !before.beforeLines.has(line) && line.length <= 300 && isThanks(normalize(line)),
  );
  const urls = frameUrls(attempt);
  const confirmationUrl = urls.find((u) => !before.beforeUrls.includes(u) && isConfirmationUrl(u)) ?? null;
  const detached = located.frame.isDetached?.() || located.frame.detached;
  const formGone = detached ? true : !(await agent(located.frame, "formShown", form.ref).catch(() => false));
  const errors = detached ? [] : await agent(located.frame, "errors", form.ref).catch(() => [] as string[]);
  return {
    sent: attempt.sent > before.sentBefore || urls.some((u) => !before.beforeUrls.includes(u)),
    thanks: thanks ?? null,
    confirmationUrl,
    responses: before.responses,
    formGone,
    validationErrors: errors.filter((e) => !before.beforeErrors.has(e)),
  };
}

/**
 * Sending the form and gathering proof: the request that carried the typed values and the site's
 * answer to it, new words that confirm or refuse the message in any frame or dialog box, a move to
 * another page, and the errors the form shows.
 */
import { agent } from "./agent";
import { type Attempt, AttemptStop, checkTime, remaining, SENDING, sleep } from "./attempt";
import type { EngineRequest, EngineResponse } from "./browser";
import { classifyControl } from "./fields";
import { press, rescan, sendButton } from "./fill";
import type { LocatedForm } from "./navigate";
import { scanAll } from "./navigate";
import {
  carrying,
  DIALOG,
  decideSubmit,
  type SeenText,
  type SentRequest,
  type SubmitDecision,
  type SubmitEvidence,
} from "./outcome";
import type { ButtonInfo, FormInfo } from "./page-model";
import { carriedFields, confirmsReceipt, isConfirmationUrl, isThanks, refusalIn, saysFailed } from "./proof";
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
/** After the site accepted the form, how long to wait for its words before settling for the answer alone. */
const AFTER_ACCEPT_MS = 2_500;
/** With errors on screen and no request sent, how long before calling it a validation error. */
const ERRORS_SETTLE_MS = 1_500;
/** Answers longer than this are pages, not a CRM's verdict; they are not read for a refusal. */
const MAX_ANSWER_CHARS = 20_000;
/** Lines longer than this are paragraphs of a page, not a confirmation or an error. */
const MAX_LINE_CHARS = 300;

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l && l.length <= MAX_LINE_CHARS);

/** Every line of text in every frame, with the frame it is in. */
async function pageLines(attempt: Attempt): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { frame, scan } of await scanAll(attempt)) for (const line of lines(scan.text)) out.set(line, frame.url());
  return out;
}

function frameUrls(attempt: Attempt): string[] {
  return attempt.page.frames().map((f) => f.url());
}

interface Before {
  beforeLines: Map<string, string>;
  beforeUrls: string[];
  beforeErrors: Set<string>;
  requests: SentRequest[];
  /** The attempt's count of sending requests when Send was pressed. */
  sentBefore: number;
  /** The attempt's count of dialog boxes when Send was pressed. */
  dialogsBefore: number;
}

/**
 * The button that sends, enabled: a Send that stays disabled until an agreement is ticked (Contact
 * Form 7's acceptance box) gets the box ticked, the way a person would.
 */
async function enabledSend(attempt: Attempt, located: LocatedForm, form: FormInfo): Promise<ButtonInfo> {
  const button = sendButton(form);
  if (!button) throw new AttemptStop("no_form", "The form has no Send button the engine could find.");
  if (!button.disabled) return button;
  if (await tickAgreements(attempt, located)) {
    const now = (await rescan(located)) ?? form;
    const again = now.buttons.find((b) => b.ref === button.ref) ?? sendButton(now);
    if (again && !again.disabled) return again;
  }
  throw new AttemptStop(
    "validation_error",
    `The “${button.text || "Send"}” button stays disabled after filling the form.`,
  );
}

/** Presses Send and watches what happens, within the attempt's budget. */
export async function submitForm(attempt: Attempt, located: LocatedForm, form: FormInfo): Promise<SubmitDecision> {
  const button = await enabledSend(attempt, located, form);
  const hosts = new Set([new URL(attempt.page.url()).host, new URL(located.frame.url()).host]);
  const requests: SentRequest[] = [];
  const byRequest = new Map<EngineRequest, SentRequest>();
  const onRequest = (request: EngineRequest) => {
    const seen = sentRequest(attempt, request, hosts, form.part ? button : null);
    if (!seen) return;
    requests.push(seen.entry);
    byRequest.set(request, seen.entry);
    seen.read.catch(() => undefined);
  };
  const onResponse = (response: EngineResponse) => {
    const entry = byRequest.get(response.request() as unknown as EngineRequest);
    if (entry) answer(entry, response);
  };
  const onFailed = (request: EngineRequest) => {
    const entry = byRequest.get(request);
    if (entry && entry.status === null) entry.status = 0;
  };
  const before: Before = {
    beforeLines: await pageLines(attempt),
    beforeUrls: frameUrls(attempt),
    beforeErrors: new Set(await agent(located.frame, "errors", form.ref).catch(() => [])),
    requests,
    sentBefore: attempt.sent,
    dialogsBefore: attempt.dialogs.length,
  };

  attempt.page.on("request", onRequest);
  attempt.page.on("response", onResponse);
  attempt.page.on("requestfailed", onFailed);
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
    attempt.page.off("request", onRequest);
    attempt.page.off("response", onResponse);
    attempt.page.off("requestfailed", onFailed);
  }
}

/**
 * A request worth watching after Send: one that may carry the form to the site (a POST, or a GET
 * page load whose query holds the typed values), with its body read for those values.
 */
function sentRequest(
  attempt: Attempt,
  request: EngineRequest,
  hosts: Set<string>,
  /** For one part of a page-wide form, the button pressed: its post must carry that button's name. */
  partButton: ButtonInfo | null,
): { entry: SentRequest; read: Promise<void> } | null {
  let url: URL;
  try {
    url = new URL(request.url());
  } catch {
    return null;
  }
  const type = request.resourceType();
  const posting = SENDING.test(request.method());
  if (!CARRIES_FORMS.has(type) || TELEMETRY.test(url.pathname) || !/^https?:$/.test(url.protocol)) return null;
  if (!posting && !(request.isNavigationRequest() && url.search)) return null;
  const entry: SentRequest = {
    method: request.method(),
    url: url.href,
    navigation: type === "document",
    carried: null,
    status: null,
    refusal: null,
    landedOn: null,
    ownHost: hosts.has(url.host),
  };
  const read = (async () => {
    const body = posting
      ? (request.postData() ?? (request.hasPostData() ? await request.fetchPostData() : ""))
      : url.search;
    if (body === undefined) return;
    // A page-wide form (ASP.NET WebForms) posts every field whichever button was pressed: the
    // pressed button's name in the body tells the contact form's post from the header search's.
    const name = partButton?.name;
    if (
      entry.navigation &&
      posting &&
      name &&
      !body.includes(encodeURIComponent(name).replace(/%20/g, "+")) &&
      !body.includes(name)
    ) {
      entry.carried = [];
      return;
    }
    entry.carried = carriedFields(body, attempt.values);
  })();
  return { entry, read };
}

/** Records the site's answer: its status, where a page load ended, and what a JSON answer says. */
function answer(entry: SentRequest, response: EngineResponse): void {
  const status = response.status();
  // A redirect answers for the request; the page it leads to is where the post landed.
  entry.status = status;
  if (status >= 300 && status < 400) return;
  entry.landedOn = entry.navigation ? response.url() : null;
  if (entry.navigation) return;
  response
    .text()
    .then((text) => {
      if (text.length <= MAX_ANSWER_CHARS) entry.refusal = refusalIn(text);
    })
    .catch(() => undefined);
}

/** Polls for evidence until there is enough to decide, or the wait is over. */
async function watch(attempt: Attempt, located: LocatedForm, form: FormInfo, before: Before): Promise<SubmitEvidence> {
  const started = Date.now();
  const until = started + Math.min(SUBMIT_WAIT_MS, remaining(attempt) - VERDICT_RESERVE_MS);
  let acceptedAt: number | null = null;
  for (;;) {
    await sleep(POLL_MS);
    const evidence = await gather(attempt, located, form, before);
    const now = Date.now();
    const ours = carrying(evidence);
    const open = evidence.requests.some((r) => r.status === null || (r.status !== 0 && r.carried === null));
    if (ours.some((r) => r.status !== null && (r.status === 0 || r.status >= 400))) return evidence;
    if (evidence.failureText && !open) return evidence;
    if (ours.some((r) => r.status !== null && r.status < 400)) acceptedAt ??= now;
    if (acceptedAt !== null && (evidence.confirmation || now - acceptedAt >= AFTER_ACCEPT_MS)) return evidence;
    if (acceptedAt === null && ours.length === 0 && evidence.confirmation && !open) return evidence;
    if (evidence.validationErrors.length > 0 && evidence.requests.length === 0 && now - started >= ERRORS_SETTLE_MS) {
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
      !MARKETING.test(normalize(`${c.label} ${c.nearby} ${c.caption}`)),
  );
  for (const box of boxes) {
    await press(located.frame, box.ref);
    attempt.fields.consent ??= box.selector;
  }
  return boxes.length > 0;
}

/** The first new line (or dialog message) that passes `test`, and where it was seen. */
function firstNew(
  now: Map<string, string>,
  dialogs: string[],
  before: Before,
  test: (normalized: string) => boolean,
): SeenText | null {
  for (const text of dialogs) if (test(normalize(text))) return { text, where: DIALOG };
  for (const [text, where] of now) if (!before.beforeLines.has(text) && test(normalize(text))) return { text, where };
  return null;
}

async function gather(attempt: Attempt, located: LocatedForm, form: FormInfo, before: Before): Promise<SubmitEvidence> {
  const now = await pageLines(attempt).catch(() => new Map<string, string>());
  const dialogs = attempt.dialogs.slice(before.dialogsBefore).map((d) => d.text);
  const urls = frameUrls(attempt);
  const confirmationUrl = urls.find((u) => !before.beforeUrls.includes(u) && isConfirmationUrl(u)) ?? null;
  const detached = located.frame.isDetached?.() || located.frame.detached;
  const formGone = detached ? true : !(await agent(located.frame, "formShown", form.ref).catch(() => false));
  const errors = detached ? [] : await agent(located.frame, "errors", form.ref).catch(() => [] as string[]);
  return {
    sent: attempt.sent > before.sentBefore || urls.some((u) => !before.beforeUrls.includes(u)),
    requests: before.requests,
    values: attempt.values,
    confirmation: firstNew(now, dialogs, before, confirmsReceipt),
    thanks: firstNew(now, dialogs, before, isThanks),
    failureText: firstNew(now, dialogs, before, saysFailed),
    confirmationUrl,
    home: attempt.home,
    formGone,
    validationErrors: errors.filter((e) => !before.beforeErrors.has(e)),
  };
}

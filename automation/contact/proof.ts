/**
 * Reading proof after Send: which filled values a request carried, whether an answer or a page
 * says the message failed, and which words confirm that it was received. Pure: it takes text.
 */
import type { LogicalField } from "../../schema/contact";
import { digitsOf } from "./text";

/** A value the engine typed, and what it meant. */
export interface SentValue {
  field: LogicalField;
  value: string;
}

/** How much of a long value (a message) must be found: a field's maxlength may have cut the rest. */
const MESSAGE_HEAD_CHARS = 24;
/** Values shorter than this (a phone's area code, a title) appear in any body by chance. */
const DISTINCTIVE_LENGTH = 4;

function decoded(body: string): string {
  const plus = body.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/**
 * The logical fields whose typed values a request body or URL carried, each once: the proof that
 * a request is the form's own submission rather than a ping, a search or a tracker.
 * @example carriedFields("email=dana%40example.org&msg=Hello+there", values) // ["email", "message"]
 */
export function carriedFields(body: string, values: SentValue[]): LogicalField[] {
  let texts = [body, decoded(body)].map((t) => t.toLowerCase());
  const out = new Set<LogicalField>();
  // Longest first, each match cut out: "Dana" inside "dana.whitfield@…" is the e-mail, not the name.
  for (const { field, value } of [...values].sort((a, b) => b.value.length - a.value.length)) {
    const wanted = value.trim().toLowerCase();
    if (wanted.length < DISTINCTIVE_LENGTH) continue;
    // JSON escapes line breaks and quotes, and fields may cut a long message: its first words do.
    const head = wanted.slice(0, MESSAGE_HEAD_CHARS);
    const phoneDigits = field === "phone" ? digitsOf(wanted).slice(-10) : "";
    if (texts.some((t) => t.includes(head))) {
      out.add(field);
      texts = texts.map((t) => t.split(head).join(" "));
    } else if (phoneDigits.length >= 7 && digitsOf(texts[1]!).includes(phoneDigits)) out.add(field);
  }
  return [...out];
}

/** How many of the typed values a request must carry to count as the form's submission. */
export function carriesEnough(carried: LogicalField[], values: SentValue[]): boolean {
  const distinct = new Set(values.filter((v) => v.value.trim().length >= DISTINCTIVE_LENGTH).map((v) => v.field));
  return carried.length > 0 && carried.length >= Math.min(2, distinct.size);
}

/** Text that thanks the sender in any way ("Thank you!"), which alone proves little. */
const THANKS =
  /\bthank(s| you)\b|\bmessage (has been |was )?(sent|received)\b|\bon its way\b|\bgracias\b|\bmerci\b|\bsuccess(fully)?\b/;
/** Text that names the message as received, or promises the reply. */
const CONFIRMS = new RegExp(
  [
    /\b(message|request|inquiry|enquiry|submission|question|information|details|form|note|email|lead|comments?) (has been |have been |was |were |is )?(successfully )?(sent|received|submitted|delivered)\b/,
    /\b(successfully|has been|have been) (sent|submitted|received)\b/,
    /\bthanks? (you )?for (contacting|reaching out|getting in touch|writing|your (message|inquiry|enquiry|request|submission|interest|question|email|note|comments?|feedback))\b/,
    /\bwe (have |ve )?(received|got) your\b/,
    /\b(we|i|someone|representative|consultant|specialist|team|member|associate)( ll| will| shall)( [a-z]+)? (be in touch|get back|respond|reply|contact|call|email|reach out|follow up)\b/,
    /\b(will|ll) (contact|call|email|reach out to|get back to|respond to) you\b/,
    /\bmensaje (ha sido )?enviado\b|\brecibimos su\b|\bgracias por (contactarnos|su mensaje|escribirnos)\b/,
    /\bmerci (pour|de) votre message\b|\bmessage a ete envoye\b/,
  ]
    .map((r) => r.source)
    .join("|"),
);
/** Text that says the message did not go. */
const FAILED = new RegExp(
  [
    /\b(could not|couldn t|cannot|can t|unable to|failed to|was not|wasn t|not been|not be|did not|didn t) (be )?(sent|send|submit|submitted|processed|process|delivered|deliver|received|completed?|go through)\b/,
    /\bsomething went wrong\b|\b(an|unexpected) error (has )?occurred\b|\bthere was (a|an) (problem|error)\b/,
    /\b(please )?try again( later)?\b|\bsubmission failed\b|\bsending failed\b/,
    /\bno se pudo enviar\b|\berror al enviar\b|\bn a pas pu etre envoye\b/,
  ]
    .map((r) => r.source)
    .join("|"),
);

/** Loose thanks. Takes normalised text. */
export function isThanks(text: string): boolean {
  return THANKS.test(text);
}

/** Words that name the message as received or promise a reply. Takes normalised text. */
export function confirmsReceipt(text: string): boolean {
  return CONFIRMS.test(text) && !FAILED.test(text);
}

/** Words that say the message was not sent. Takes normalised text. */
export function saysFailed(text: string): boolean {
  return FAILED.test(text);
}

const CONFIRMATION_URL = /thank|success|confirm|submitted|received|gracias/i;

/** Whether a URL reads like a confirmation page. */
export function isConfirmationUrl(url: string): boolean {
  try {
    const { pathname, search } = new URL(url);
    return CONFIRMATION_URL.test(pathname + search);
  } catch {
    return false;
  }
}

/** Pages a submission does not end on: the home page, search results, inventory listings. */
const UNRELATED_PATH = /\/(search|results?|inventory|vehicles?|new|used|pre-owned|showroom|specials)(\b|[-_/.])/i;
const SEARCH_QUERY = /[?&](q|s|search|keywords?|query)=/i;

/** Whether a page the site moved to after Send is unrelated to the message (a search's results). */
export function isUnrelatedPage(url: string, home: string): boolean {
  try {
    const to = new URL(url);
    const from = new URL(home);
    if (to.host === from.host && to.pathname.replace(/\/$/, "") === from.pathname.replace(/\/$/, "") && !to.search)
      return true;
    return UNRELATED_PATH.test(to.pathname) || SEARCH_QUERY.test(to.search);
  } catch {
    return false;
  }
}

/** Keys of JSON answers that carry a refusal: `{"status":"validation_failed"}`, `{"success":false}`. */
const REFUSING_STATUS = /^(error|fail(ed|ure)?|invalid|validation_failed|spam|aborted|rejected|mail_failed)$/i;

/**
 * What a JSON answer to the submission says against it, or null when it says nothing against
 * it (or is not JSON). CF7, HubSpot and many CRMs answer 200 even when they refuse.
 */
export function refusalIn(body: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  const message = typeof o.message === "string" ? o.message : "";
  if (o.success === false || o.ok === false) return message || "the site answered success: false";
  if (typeof o.status === "string" && REFUSING_STATUS.test(o.status)) return message || `status “${o.status}”`;
  if (typeof o.result === "string" && REFUSING_STATUS.test(o.result)) return message || `result “${o.result}”`;
  const errors = o.errors;
  if ((Array.isArray(errors) && errors.length > 0) || (typeof errors === "string" && errors))
    return message || "the site listed errors";
  if (typeof o.error === "string" && o.error) return o.error;
  return null;
}

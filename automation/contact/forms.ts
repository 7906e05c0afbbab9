/**
 * Which form on a page is the one that reaches the dealer: a contact form scores by the fields a
 * person writing to someone fills in, and loses to the words of search, newsletter, login,
 * trade-in, credit, payment-calculator and directions forms.
 */

import { isTrap } from "./fields";
import type { FormInfo } from "./page-model";
import { assignFields } from "./plan";
import { normalize } from "./text";

export type FormKind =
  | "contact"
  | "search"
  | "newsletter"
  | "login"
  | "trade_in"
  | "credit"
  | "calculator"
  | "directions"
  | "other";

/** Words that give away a form that is not for writing to the dealer. */
const OTHER_KINDS: [Exclude<FormKind, "contact" | "other">, RegExp][] = [
  ["search", /\bsearch\b|\bkeywords?\b|\bbuscar\b|\brechercher\b/],
  [
    "newsletter",
    /\bnewsletter\b|\bsubscribe\b|\bsign up for\b|\bjoin (our|the)?\s?(list|club|mailing|insiders?)\b|\binsiders?\b|\bemail updates\b|\bboletin\b|\bsuscrib/,
  ],
  ["login", /\blog ?in\b|\bsign ?in\b|\bpassword\b|\bcontrasena\b/],
  ["trade_in", /\btrade\b|\bvalue my\b|\bappraisal\b|\bappraise\b|\bwhat s my car worth\b|\btasacion\b/],
  [
    "credit",
    /\bcredit\b|\bpre ?qualif|\bpre ?approv|\bloan application\b|\bsocial security\b|\bssn\b|\bapply for financing\b/,
  ],
  ["calculator", /\bcalculat|\bestimate (my )?payment\b|\bdown payment\b|\bapr\b|\bmonthly payment\b/],
  ["directions", /\bdirections\b|\bstarting address\b|\broute\b|\bcomo llegar\b/],
];

const CONTACT_WORDS =
  /\bcontact\b|\bmessage\b|\bquestion\b|\binquiry\b|\benquiry\b|\bget in touch\b|\breach\b|\bask\b|\bhelp\b|\bcustomer care\b|\bcontacto\b|\bmensaje\b|\bconsulta\b/;

/**
 * The form's action when it names a place of its own: an action that posts back to the page
 * itself ("./hours-directions.aspx") says what the page is, not what the form is.
 */
function ownAction(form: FormInfo): string {
  try {
    const action = new URL(form.action, form.frameUrl);
    return action.pathname === new URL(form.frameUrl).pathname ? "" : action.pathname;
  } catch {
    return form.action;
  }
}

export interface FormJudgement {
  kind: FormKind;
  /** How much it looks like a contact form; the engine takes the best one at or above `CONTACT_MIN`. */
  score: number;
}

/** The least score for a form to count as a contact form: an e-mail field and one more clue. */
export const CONTACT_MIN = 10;

/** What a form is for. */
export function judgeForm(form: FormInfo): FormJudgement {
  const context = normalize(`${form.context} ${form.buttons.map((b) => b.text).join(" ")} ${ownAction(form)}`);
  // Steps of a wizard not shown yet count too; bot traps do not.
  const controls = form.controls.filter((c) => c.visible || !isTrap({ ...c, visible: true }));
  const fields = new Set([...assignFields(controls).values()].map((m) => m.field));
  if (form.hasPassword) return { kind: "login", score: 0 };
  for (const [kind, words] of OTHER_KINDS) {
    if (words.test(context)) return { kind, score: 0 };
  }

  let score = 0;
  if (fields.has("email")) score += 6;
  if (fields.has("phone")) score += 2;
  if (fields.has("firstName") || fields.has("fullName")) score += 3;
  if (fields.has("lastName")) score += 1;
  if (fields.has("message")) score += 5;
  if (fields.has("department") || fields.has("preferredContact")) score += 1;
  if (CONTACT_WORDS.test(context)) score += 2;
  // A lone e-mail box is a newsletter, whatever it says about itself.
  if (fields.size <= 1 && controls.length <= 2) return { kind: fields.has("email") ? "newsletter" : "other", score: 0 };
  return { kind: score >= CONTACT_MIN ? "contact" : "other", score };
}

/** The form to fill, or null when none of them is a contact form. */
export function pickContactForm(forms: FormInfo[]): FormInfo | null {
  let top: { form: FormInfo; score: number } | null = null;
  for (const form of forms) {
    if (!form.visible) continue;
    const judged = judgeForm(form);
    if (judged.kind === "contact" && (!top || judged.score > top.score)) top = { form, score: judged.score };
  }
  return top?.form ?? null;
}

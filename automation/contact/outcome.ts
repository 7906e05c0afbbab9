/**
 * Outcome rules: what counts as proof that the dealer received the message, and what a person
 * reviewing a failure should read and try next.
 */
import type { FailureCategory } from "../../schema/contact";

/** What the engine saw after pressing submit. */
export interface SubmitEvidence {
  /** Something left the browser after Send: a request that can carry data, or a navigation. */
  sent: boolean;
  /** New text on the page that thanks the sender or confirms the message. */
  thanks: string | null;
  /** The page or frame moved to a URL that reads like a confirmation. */
  confirmationUrl: string | null;
  /** A POST (form, XHR or fetch) answered by the site after submit: its status and URL. */
  responses: { status: number; url: string }[];
  /** The form is gone or hidden now. */
  formGone: boolean;
  /** Error messages or invalid fields the page shows now. */
  validationErrors: string[];
}

export type SubmitDecision =
  | { outcome: "success"; evidence: string }
  | { outcome: "failure"; category: FailureCategory; reason: string };

const THANKS =
  /\bthank(s| you)\b|\bmessage (has been |was )?(sent|received)\b|\bwe (ll|will) be in touch\b|\bwe (ll|will) (get back|reply|respond|contact)\b|\b(request|inquiry|submission|question) (has been |was )?(received|submitted|sent)\b|\bon its way\b|\bwe (have )?received your\b|\b(sent|submitted) successfully\b|\bsuccessfully (sent|submitted)\b|\bgracias\b|\bmensaje enviado\b|\brecibimos\b|\bmerci\b/;
const CONFIRMATION_URL = /thank|success|confirm|submitted|received|gracias/i;

/** Whether new page text thanks the sender. Takes normalised text. */
export function isThanks(text: string): boolean {
  return THANKS.test(text);
}

/** Whether a URL reads like a confirmation page. */
export function isConfirmationUrl(url: string): boolean {
  try {
    const { pathname, search } = new URL(url);
    return CONFIRMATION_URL.test(pathname + search);
  } catch {
    return false;
  }
}

/**
 * Success only with evidence: thanks, a confirmation page, the form replaced, or a POST the site
 * accepted with no error showing. Anything else is a failure with the reason.
 */
export function decideSubmit(e: SubmitEvidence): SubmitDecision {
  const rejected = e.responses.find((r) => r.status >= 400);
  const accepted = e.responses.find((r) => r.status >= 200 && r.status < 400);
  if (!e.sent) {
    // Whatever the page now says, nothing reached the dealer.
    if (e.validationErrors.length > 0) return refusedInPage(e.validationErrors);
    return {
      outcome: "failure",
      category: "submit_unconfirmed",
      reason: "Send was pressed but nothing left the browser.",
    };
  }
  if (e.thanks) return { outcome: "success", evidence: `The page confirmed: “${e.thanks}”` };
  if (e.confirmationUrl)
    return { outcome: "success", evidence: `The site moved to a confirmation page: ${e.confirmationUrl}` };
  if (rejected?.status === 403 || rejected?.status === 429) {
    return {
      outcome: "failure",
      category: "blocked",
      reason: `The site refused the submission (HTTP ${rejected.status}).`,
    };
  }
  if (e.validationErrors.length > 0) return refusedInPage(e.validationErrors);
  if (rejected) {
    return {
      outcome: "failure",
      category: "error",
      reason: `The site answered the submission with HTTP ${rejected.status}.`,
    };
  }
  if (accepted && e.formGone) {
    return {
      outcome: "success",
      evidence: `The site accepted the message (HTTP ${accepted.status}) and replaced the form.`,
    };
  }
  if (accepted)
    return {
      outcome: "success",
      evidence: `The site accepted the message (HTTP ${accepted.status} from ${accepted.url}).`,
    };
  if (e.formGone) return { outcome: "success", evidence: "The form was replaced after submit." };
  return {
    outcome: "failure",
    category: "submit_unconfirmed",
    reason: "The form was submitted but the page showed no confirmation.",
  };
}

function refusedInPage(errors: string[]): SubmitDecision {
  return {
    outcome: "failure",
    category: "validation_error",
    reason: `The form showed errors after submit: ${errors.slice(0, 3).join("; ")}`,
  };
}

/** What a person reviewing the failure can do about it. */
export const SUGGESTED_FIX: Record<FailureCategory, string> = {
  no_contact_page: "Open the dealer's site and look for a contact page by hand, or call the dealership.",
  no_form: "The contact page has no form: e-mail or call the dealership using the details on that page.",
  captcha: "The form asks for a CAPTCHA; fill it in by hand in a browser and mark this dealer as contacted.",
  blocked: "The site blocks automated browsers; contact this dealer by hand or by phone.",
  validation_error:
    "The form needs information the sender profile does not have; fill it by hand or add the detail and retry.",
  timeout: "The site was too slow to answer; retry later, or contact the dealer by hand.",
  submit_unconfirmed: "Check the dealer's site or inbox for the message before retrying, to avoid sending it twice.",
  error: "Retry once; if it fails again, contact this dealer by hand.",
};

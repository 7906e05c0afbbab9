/**
 * Outcome rules: what counts as proof that the dealer received the message, and what a person
 * reviewing a failure should read and try next.
 */
import type { ContactEvidence, FailureCategory, LogicalField } from "../../schema/contact";
import { carriesEnough, isUnrelatedPage, type SentValue } from "./proof";

/** A request that left the browser after Send and could carry the form. */
export interface SentRequest {
  method: string;
  url: string;
  /** A page load (a classic form post) or a script's request (XHR, fetch). */
  navigation: boolean;
  /** The logical fields whose typed values it carried; null when its body could not be read. */
  carried: LogicalField[] | null;
  /** The HTTP answer; null while unanswered, 0 when the request failed on the network. */
  status: number | null;
  /** What the answer said against the submission (a JSON `validation_failed`), if anything. */
  refusal: string | null;
  /** For a page load answered, where the page ended up. */
  landedOn: string | null;
  /** To the site itself (the page's or the form frame's host), not to a vendor's service. */
  ownHost: boolean;
}

/** Text seen after Send, and where: a page or frame URL, or "a dialog box". */
export interface SeenText {
  text: string;
  where: string;
}

/** What the engine saw after pressing Send. */
export interface SubmitEvidence {
  /** Something left the browser after Send: a request that can carry data, or a navigation. */
  sent: boolean;
  /** Sending requests to the site after Send (trackers left out). */
  requests: SentRequest[];
  /** The values typed, to know how many a request must carry. */
  values: SentValue[];
  /** New text that names the message as received or promises a reply. */
  confirmation: SeenText | null;
  /** New text that thanks the sender, which alone proves little. */
  thanks: SeenText | null;
  /** New text that says the message was not sent. */
  failureText: SeenText | null;
  /** The page or a frame moved to a URL that reads like a confirmation. */
  confirmationUrl: string | null;
  /** The site's home page, to tell a move to an unrelated page. */
  home: string;
  /** The form is gone or hidden now. */
  formGone: boolean;
  /** Error messages or invalid fields the page shows now. */
  validationErrors: string[];
}

export type SubmitDecision =
  | { outcome: "success"; evidence: ContactEvidence }
  | { outcome: "failure"; category: FailureCategory; reason: string };

const failure = (category: FailureCategory, reason: string): SubmitDecision => ({
  outcome: "failure",
  category,
  reason,
});

/** The requests that carried the form, as far as their bodies could be read. */
export function carrying(e: Pick<SubmitEvidence, "requests" | "values">): SentRequest[] {
  return e.requests.filter((r) => r.carried !== null && carriesEnough(r.carried, e.values));
}

const answered = (r: SentRequest) => r.status !== null;
const refused = (r: SentRequest) => r.status !== null && (r.status === 0 || r.status >= 400 || r.refusal !== null);

/**
 * Success only with proof tied to the form's own submission: a request that carried the typed
 * values and was accepted (and, for a page load, did not land on an unrelated page), or words
 * that name the message as received. A thank-you alone, a page that moved, a form that vanished
 * or an accepted request that carried nothing of the form prove nothing.
 */
export function decideSubmit(e: SubmitEvidence): SubmitDecision {
  if (!e.sent) {
    // Whatever the page now says, nothing reached the dealer.
    if (e.validationErrors.length > 0) return refusedInPage(e.validationErrors);
    return failure("submit_unconfirmed", "Send was pressed but nothing left the browser.");
  }
  const ours = carrying(e);
  const bad = ours.find(refused);
  if (bad) {
    if (bad.status === 403 || bad.status === 429)
      return failure("blocked", `The site refused the submission (HTTP ${bad.status}).`);
    if (bad.status !== null && bad.status >= 500)
      return failure("error", `The site answered the submission with HTTP ${bad.status}${said(e.failureText)}.`);
    if (e.validationErrors.length > 0) return refusedInPage(e.validationErrors);
    if (bad.refusal) return failure("validation_error", `The site refused the submission: ${bad.refusal}`);
    if (bad.status === 0) return failure("error", `The submission to ${bad.url} failed on the network.`);
    return failure("error", `The site answered the submission with HTTP ${bad.status}${said(e.failureText)}.`);
  }
  if (e.failureText) return failure("error", `The site said the message was not sent: “${e.failureText.text}”`);
  if (e.validationErrors.length > 0) return refusedInPage(e.validationErrors);
  // A vendor's service that took the typed values proves the send only with the site's words
  // beside it: session recorders copy what is typed to their own hosts too.
  const accepted = ours.find((r) => answered(r) && !refused(r) && (r.ownHost || e.confirmation || e.thanks));
  if (accepted) {
    const confirmation = e.confirmation ?? e.thanks;
    const landed = accepted.landedOn;
    // On a search's results or the home page, "Thank you for shopping with us" is no confirmation.
    if (accepted.navigation && landed && !e.confirmation && isUnrelatedPage(landed, e.home)) {
      return failure(
        "submit_unconfirmed",
        `The site took the form and moved to ${landed}, which does not confirm the message.`,
      );
    }
    return success(accepted, confirmation, e.confirmationUrl);
  }
  const pending = ours.find((r) => !answered(r));
  if (pending) {
    return failure(
      "submit_unconfirmed",
      `The form was sent to ${pending.url}, but the site did not answer in time${said(e.confirmation ?? e.thanks)}.`,
    );
  }
  // No request the engine could read carried the form: only words naming the message will do,
  // and only when some request's body could not be read (it may have been the form).
  const unread = e.requests.some((r) => r.carried === null && !refused(r));
  if (e.confirmation && (unread || e.requests.length === 0)) return success(null, e.confirmation, e.confirmationUrl);
  const elsewhere = e.requests.filter((r) => r.carried !== null);
  const reason =
    elsewhere.length > 0
      ? `Send was pressed, but no request carried the message (the site was sent ${elsewhere.length} other request${elsewhere.length === 1 ? "" : "s"}) and nothing confirmed it.`
      : "The form was submitted but the page showed no confirmation.";
  return failure("submit_unconfirmed", reason);
}

function said(text: SeenText | null): string {
  return text ? `: the page said “${text.text}”` : "";
}

function success(request: SentRequest | null, confirmation: SeenText | null, url: string | null): SubmitDecision {
  const parts: string[] = [];
  if (request) {
    parts.push(
      `The site accepted the request that carried ${request.carried!.join(", ")} (HTTP ${request.status} from ${request.url})`,
    );
  }
  if (confirmation)
    parts.push(
      `${request ? "and " : ""}${confirmation.where === DIALOG ? "a dialog box" : "the page"} said “${confirmation.text}”`,
    );
  else if (url) parts.push(`and moved to ${url}`);
  return {
    outcome: "success",
    evidence: {
      summary: `${parts.join(" ")}.`,
      request: request
        ? { method: request.method, url: request.url, status: request.status ?? 0, fields: request.carried ?? [] }
        : null,
      confirmation: confirmation ? { text: confirmation.text, where: confirmation.where } : null,
    },
  };
}

/** Where a dialog box's text was seen. */
export const DIALOG = "a dialog box";

function refusedInPage(errors: string[]): SubmitDecision {
  return failure("validation_error", `The form showed errors after submit: ${errors.slice(0, 3).join("; ")}`);
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

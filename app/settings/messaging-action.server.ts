/**
 * The settings page's messaging forms: sender, providers, pace, resuming a paused sender and the
 * domain check, each sent to the API; its answer's error is shown in the API's words.
 */
import type { RouterContextProvider } from "react-router";
import type { DomainCheck } from "../../schema/messaging-domain";
import { apiSend } from "../lib/api.server";
import { paceFromForm } from "./messaging-pace";

export type MessagingActionResult =
  | { done: string }
  | { error: string }
  | { domain: DomainCheck }
  | { domainError: string };

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** Handles the form when it is one of messaging's; null when it is not. */
export async function messagingAction(
  context: Readonly<RouterContextProvider>,
  slug: string,
  form: FormData,
): Promise<MessagingActionResult | null> {
  const settings = `/api/workspaces/${encodeURIComponent(slug)}/settings`;
  const q = `workspace=${encodeURIComponent(slug)}`;
  const patch = async (body: unknown, done: string) => {
    const result = await apiSend(context, "PATCH", settings, body);
    return result.ok ? { done } : { error: result.error.message };
  };
  switch (form.get("intent")) {
    case "sender":
      return patch(
        {
          sender: {
            fromName: text(form, "fromName"),
            fromEmail: text(form, "fromEmail"),
            replyTo: text(form, "replyTo"),
            postalAddress: text(form, "postalAddress"),
            smsFrom: text(form, "smsFrom"),
          },
        },
        "Sender saved.",
      );
    case "providers":
      return patch({ providers: { email: text(form, "email"), sms: text(form, "sms") } }, "Providers saved.");
    case "pace":
      return patch({ pace: paceFromForm(form) }, "Pace saved.");
    case "resume": {
      const sender = text(form, "sender");
      const result = await apiSend(context, "POST", `/api/messaging/health/resume?${q}`, { sender });
      return result.ok ? { done: `${sender} sends again.` } : { error: result.error.message };
    }
    case "domain": {
      const result = await apiSend<DomainCheck>(context, "GET", `/api/messaging/domain?${q}`);
      return result.ok ? { domain: result.value } : { domainError: result.error.message };
    }
    default:
      return null;
  }
}

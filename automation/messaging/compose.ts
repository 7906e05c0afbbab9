/**
 * A Messages row made into what a provider sends: the sender from the workspace's settings, the
 * body as text and as HTML, the sender's postal address at the foot of every email (CAN-SPAM and
 * the mailbox providers' bulk-sender rules ask for it), and one idempotency key per message.
 */

import type { Sender } from "../../schema/messaging-api";
import { escapeHtml } from "./html";
import type { OutgoingEmail, OutgoingSms } from "./outgoing";

/** The same key for every try of one message, so a retried send never sends twice. */
export const idempotencyKeyOf = (messageId: string) => `msg:${messageId}`;

export type Draft = { messageId: string; to: string; subject: string; body: string };

/** Why a message cannot be sent as it is, in words a person can act on. */
export class ComposeError extends Error {
  override readonly name = "ComposeError";
}

/** Paragraphs at blank lines, line breaks kept inside them. */
function htmlOf(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export function composeEmail(draft: Draft, sender: Sender): OutgoingEmail {
  if (!sender.fromEmail) throw new ComposeError("No sender address: set the sender's email in the workspace settings");
  if (!draft.subject.trim()) throw new ComposeError("The message has no subject");
  if (!draft.body.trim()) throw new ComposeError("The message has no body");
  const footer = sender.postalAddress.trim();
  const text = footer ? `${draft.body.trimEnd()}\n\n--\n${footer}\n` : draft.body;
  const html = [
    htmlOf(draft.body),
    footer ? `<p style="color:#666;font-size:12px">${escapeHtml(footer).replace(/\n/g, "<br>")}</p>` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return {
    messageId: draft.messageId,
    from: { email: sender.fromEmail, name: sender.fromName || sender.fromEmail },
    to: draft.to,
    replyTo: sender.replyTo || null,
    subject: draft.subject.trim(),
    text,
    html,
    headers: {},
    idempotencyKey: idempotencyKeyOf(draft.messageId),
  };
}

/** An SMS from `from` (the provider's number; the outbox takes any). */
export function composeSms(draft: Draft, from: string): OutgoingSms {
  if (!draft.body.trim()) throw new ComposeError("The message has no text");
  return {
    messageId: draft.messageId,
    from,
    to: draft.to,
    text: draft.body.trim(),
    idempotencyKey: idempotencyKeyOf(draft.messageId),
  };
}

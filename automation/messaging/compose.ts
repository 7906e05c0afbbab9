/**
 * A Messages row made ready to send: for an email, the draft `trackedEmail` turns into what a
 * provider gets (the sender from the workspace's settings, the postal address the bulk-sender
 * rules ask for); for an SMS, the text from the workspace's number. Each refuses, in words a person
 * can act on, what cannot be sent as it is.
 */

import type { Sender } from "../../schema/messaging-api";
import { idempotencyKeyOf, type OutgoingSms } from "./outgoing";
import type { EmailDraft } from "./tracked-email";

export type Draft = { messageId: string; to: string; subject: string; body: string };

/** Why a message cannot be sent as it is, in words a person can act on. */
export class ComposeError extends Error {
  override readonly name = "ComposeError";
}

/**
 * The email draft of a row, from the workspace's sender. CAN-SPAM and Gmail's and Yahoo's
 * bulk-sender rules ask for the sender's postal address in every marketing email, so a sender
 * without one sends nothing.
 */
export function emailDraft(draft: Draft, sender: Sender, workspaceId: string): EmailDraft {
  if (!sender.fromEmail) throw new ComposeError("No sender address: set the sender's email in Settings → Messaging");
  if (!sender.postalAddress.trim()) throw new ComposeError("Add your postal address in Settings → Messaging");
  if (!draft.subject.trim()) throw new ComposeError("The message has no subject");
  if (!draft.body.trim()) throw new ComposeError("The message has no body");
  return {
    workspaceId,
    messageId: draft.messageId,
    from: { email: sender.fromEmail, name: sender.fromName || sender.fromEmail },
    to: draft.to,
    replyTo: sender.replyTo || null,
    subject: draft.subject.trim(),
    text: draft.body,
    html: null,
    postalAddress: sender.postalAddress,
    unsubscribeMailto: null,
  };
}

/** An SMS from `from` (the workspace's number; the outbox takes an empty one). */
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

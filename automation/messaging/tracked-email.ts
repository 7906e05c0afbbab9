/**
 * A pitch as it leaves: the footer with the postal address and unsubscribe link added, every link
 * tracked, the open pixel in, and the RFC 8058 headers set. The send path calls this once per
 * message and hands the result to the workspace's provider.
 */
import { idempotencyKeyOf, type OutgoingEmail } from "./outgoing";
import { bodyEndIndex, htmlFromText, trackEmail } from "./tracking";
import { listUnsubscribeHeaders, unsubscribeFooter, unsubscribeOrigin, unsubscribeUrl } from "./unsubscribe";

export type EmailDraft = {
  workspaceId: string;
  messageId: string;
  from: { email: string; name: string };
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  /** `null`: made from the text. */
  html: string | null;
  postalAddress: string;
  /** A mailbox that unsubscribes whoever writes to it, offered beside the link; `null` for none. */
  unsubscribeMailto: string | null;
};

export type Tracker = {
  /** The app's URL as recipients reach it (APP_URL). */
  appUrl: string;
  /** Served locally: the links may be plain http. */
  local: boolean;
  key: CryptoKey;
};

/**
 * The email to hand to a provider.
 * @example const email = await trackedEmail(draft, { appUrl: env.APP_URL, local: false, key });
 */
export async function trackedEmail(draft: EmailDraft, tracker: Tracker): Promise<OutgoingEmail> {
  const origin = unsubscribeOrigin(tracker.appUrl, { local: tracker.local });
  const ids = { workspaceId: draft.workspaceId, messageId: draft.messageId };
  const url = await unsubscribeUrl(origin, tracker.key, ids);
  const footer = unsubscribeFooter({ url, senderName: draft.from.name, postalAddress: draft.postalAddress });
  const html = draft.html ?? htmlFromText(draft.text);
  const at = bodyEndIndex(html);
  const tracked = await trackEmail(
    { text: `${draft.text.trimEnd()}${footer.text}`, html: `${html.slice(0, at)}${footer.html}${html.slice(at)}` },
    { origin, key: tracker.key, ...ids },
  );
  return {
    messageId: draft.messageId,
    from: draft.from,
    to: draft.to,
    replyTo: draft.replyTo,
    subject: draft.subject,
    text: tracked.text,
    html: tracked.html,
    headers: listUnsubscribeHeaders(url, draft.unsubscribeMailto),
    // One key per message: every retry of this send carries it, so a provider sends it once.
    idempotencyKey: idempotencyKeyOf(draft.messageId),
  };
}

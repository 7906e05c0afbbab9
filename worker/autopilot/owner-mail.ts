/**
 * Email to a workspace's owners (alerts, the daily report) through the workspace's own email
 * provider, or the outbox when it has none: the same path its messages take, so an operator
 * without a provider reads them in the outbox. A provider that refuses the email (a revoked key:
 * often the very thing the alert is about) leaves it in the outbox instead; nothing is lost and
 * the caller never fails for it.
 */
import { and, eq } from "drizzle-orm";
import { escapeHtml } from "../../automation/messaging/html";
import type { EmailSender } from "../../automation/messaging/outgoing";
import { membership, user } from "../../schema/db";
import { readWorkspaceSecret } from "../api/settings";
import type { Db } from "../db";
import { outboxEmail } from "../messaging/outbox";
import { providerFor } from "../messaging/providers";
import { readMessagingSettings } from "../messaging/settings";

/** The sender's name when the workspace has not set one. */
const DEFAULT_FROM_NAME = "Rowpilot Autopilot";

export type OwnerMail = {
  /** Unique per email: the outbox keeps one entry per id, and a retried send of it is sent once. */
  id: string;
  subject: string;
  text: string;
};

/** The owners' addresses. */
export async function ownerEmails(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ email: user.email })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.role, "owner")));
  return rows.map((r) => r.email).sort();
}

async function senderOf(env: Env, db: Db, workspaceId: string) {
  const settings = await readMessagingSettings(db, workspaceId);
  const emailApiKey = await readWorkspaceSecret(env, db, workspaceId, "emailApiKey");
  const secrets = { emailApiKey, emailWebhookSecret: null, smsApiKey: null, smsWebhookSecret: null };
  const from = {
    email: settings.sender.fromEmail || `autopilot@${new URL(env.APP_URL).hostname}`,
    name: settings.sender.fromName || DEFAULT_FROM_NAME,
  };
  let sender: EmailSender;
  try {
    sender = providerFor(env, { ...settings, workspaceId }, secrets).email();
  } catch {
    sender = outboxEmail(env.FILES, workspaceId);
  }
  return { sender, from };
}

/** Sends the email to every owner; answers the addresses it reached (provider or outbox). */
export async function emailOwners(env: Env, db: Db, workspaceId: string, mail: OwnerMail): Promise<string[]> {
  const to = await ownerEmails(db, workspaceId);
  if (!to.length) return [];
  const { sender, from } = await senderOf(env, db, workspaceId);
  const reached: string[] = [];
  for (const [i, address] of to.entries()) {
    const messageId = `${mail.id}-${i}`;
    const email = {
      messageId,
      from,
      to: address,
      replyTo: null,
      subject: mail.subject,
      text: mail.text,
      html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`,
      headers: {},
      idempotencyKey: messageId,
    };
    try {
      await sender.send(email);
      reached.push(address);
    } catch (error) {
      console.warn(
        `rowpilot: autopilot email to ${address} via ${sender.provider} failed: ${(error as Error).message}`,
      );
      const kept = await outboxEmail(env.FILES, workspaceId)
        .send(email)
        .catch(() => null);
      if (kept) reached.push(address);
    }
  }
  return reached;
}

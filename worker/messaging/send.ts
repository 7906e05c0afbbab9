/**
 * Sending a message: the request claims the row (draft or scheduled → queued, a compare-and-set
 * in the Messages room, so two presses queue it once) and queues a `send-message` job on
 * `outreach-jobs`; the job checks Suppressions, builds the email (`trackedEmail`: footer with the
 * postal address and unsubscribe link, tracked links, the open pixel, RFC 8058 headers) or the SMS
 * and hands it to the workspace's provider with the idempotency key `message-<id>`, then writes
 * sent (provider, its message id, sent at, the HTML sent), suppressed, or failed with the reason
 * into the row.
 */
import { z } from "zod";
import { ComposeError, composeSms, type Draft, emailDraft } from "../../automation/messaging/compose";
import { SendError, type SendResult } from "../../automation/messaging/outgoing";
import { trackedEmail } from "../../automation/messaging/tracked-email";
import { UnsubscribeSetupError } from "../../automation/messaging/unsubscribe";
import { type MessageStatus, SENDABLE_STATUSES } from "../../schema/messaging-tables";
import type { CellValue } from "../../schema/tables";
import { readWorkspaceSecret } from "../api/settings";
import { getDb } from "../db";
import { byKey, reader, tableHandle } from "../kinds/tables";
import { campaignPausedFor } from "./campaigns";
import { MessageMissingError } from "./errors";
import { senderKey } from "./health";
import { messagingOrigin, readMessage } from "./messages";
import { releaseSend, reserveSend } from "./pace-store";
import { type MessagingSecrets, type Providers, providerFor, type WorkspaceMessaging } from "./providers";
import { readMessagingSettings } from "./settings";
import { findSuppression } from "./suppressions";
import type { Messaging } from "./tables";
import { trackerOf } from "./tracker";

export const SendMessageJob = z.object({
  kind: z.literal("send-message"),
  workspaceId: z.string(),
  messagesTableId: z.string(),
  suppressionsTableId: z.string(),
  messageId: z.string(),
  /** A campaign's or journey's send: the sending window and spacing apply, not only the caps. */
  paced: z.boolean().optional(),
});
export type SendMessageJob = z.infer<typeof SendMessageJob>;

const origin = messagingOrigin("send-message");

/** The queue job that sends message `id`. */
export function sendJobOf(messaging: Messaging, id: string, paced = false): SendMessageJob {
  return {
    kind: "send-message",
    workspaceId: messaging.workspaceId,
    messagesTableId: messaging.ids.messages,
    suppressionsTableId: messaging.ids.suppressions,
    messageId: id,
    ...(paced ? { paced } : {}),
  };
}

/** Queues the message unless it is queued or sent already; answers its status either way. */
export async function queueSend(
  env: Env,
  messaging: Messaging,
  id: string,
): Promise<{ id: string; status: MessageStatus; queued: boolean }> {
  const { messages } = messaging;
  const statusColumn = messages.keys.status;
  if (!statusColumn) throw new Error("The Messages table has lost its Status column");
  const claimed = await messages.room.claimRowsById({
    rowIds: [id],
    columnId: statusColumn,
    anyOf: [...SENDABLE_STATUSES],
    set: byKey(messages, { status: "queued", error: null }),
    origin,
  });
  if (!claimed.length) return { id, status: (await readMessage(messaging, id)).status, queued: false };
  const job = sendJobOf(messaging, id);
  try {
    await env.OUTREACH_QUEUE.send(job);
  } catch (error) {
    // Claimed but never queued: the row says so rather than stay "queued" for ever.
    const detail = `Could not queue the message: ${(error as Error).message}`;
    await messages.room.patchRow(id, byKey(messages, { status: "failed", error: detail }), origin);
    throw error;
  }
  return { id, status: "queued", queued: true };
}

/** A Messages row's status back to draft, unless it has left already. */
export async function cancelMessage(messaging: Messaging, id: string): Promise<MessageStatus> {
  const { messages } = messaging;
  const statusColumn = messages.keys.status;
  if (!statusColumn) throw new Error("The Messages table has lost its Status column");
  const claimed = await messages.room.claimRowsById({
    rowIds: [id],
    columnId: statusColumn,
    anyOf: ["scheduled"],
    set: byKey(messages, { status: "draft", scheduledFor: null }),
    origin,
  });
  if (claimed.length) return "draft";
  const message = await readMessage(messaging, id);
  if (message.status === "draft") return "draft";
  throw new MessageMissingError(`This message is ${message.status}; only a scheduled message can be cancelled`);
}

/** What a send job did: its row is written; or try again after a wait. */
export type SendOutcome = { type: "done"; status: MessageStatus | null } | { type: "retry"; delaySeconds: number };

export type SendAttempt = {
  attempt: number;
  maxAttempts: number;
  retryDelaySeconds(attempt: number): number;
  /** The workspace's senders; `providerFor` unless a test hands in its own. */
  providers?: (settings: WorkspaceMessaging, secrets: MessagingSecrets) => Providers;
};

/** Queues take a delay of at most 12 hours. */
const QUEUE_MAX_DELAY_SECONDS = 43_200;

async function secretsOf(env: Env, workspaceId: string): Promise<MessagingSecrets> {
  const db = getDb(env.DB);
  const read = (key: keyof MessagingSecrets) => readWorkspaceSecret(env, db, workspaceId, key);
  const [emailApiKey, emailWebhookSecret, smsApiKey, smsWebhookSecret] = await Promise.all([
    read("emailApiKey"),
    read("emailWebhookSecret"),
    read("smsApiKey"),
    read("smsWebhookSecret"),
  ]);
  return { emailApiKey, emailWebhookSecret, smsApiKey, smsWebhookSecret };
}

/** What was handed over, and the HTML the email carried (null for an SMS). */
type Delivered = SendResult & { html: string | null };

async function deliver(
  env: Env,
  job: SendMessageJob,
  attempt: SendAttempt,
  channel: string,
  draft: Draft,
): Promise<Delivered> {
  const settings = await readMessagingSettings(getDb(env.DB), job.workspaceId);
  const choose = attempt.providers ?? ((s, k) => providerFor(env, s, k));
  const providers = choose({ ...settings, workspaceId: job.workspaceId }, await secretsOf(env, job.workspaceId));
  if (channel === "email") {
    const unsent = emailDraft(draft, settings.sender, job.workspaceId);
    const sender = providers.email();
    const email = await trackedEmail(unsent, await trackerOf(env));
    return { ...(await sender.send(email)), html: email.html };
  }
  if (channel === "sms") {
    const sender = providers.sms();
    return { ...(await sender.send(composeSms(draft, settings.sender.smsFrom))), html: null };
  }
  throw new ComposeError(`A ${channel || "blank"} channel message cannot be sent from here`);
}

/** A place in the sender's caps for this send (see pace-store), with the way to give it back. */
async function holdForPace(env: Env, job: SendMessageJob, sender: string) {
  const { pace } = await readMessagingSettings(getDb(env.DB), job.workspaceId);
  const request = { workspaceId: job.workspaceId, sender, pace, now: new Date(), paced: job.paced ?? false };
  const reserved = await reserveSend(env.DB, request);
  if (!reserved.ok) return reserved;
  return { ok: true as const, release: () => releaseSend(env.DB, job.workspaceId, sender, reserved.day) };
}

/** Failures no later try can mend: the message as written, or the app's own setup. */
const isFinal = (error: unknown) => error instanceof ComposeError || error instanceof UnsubscribeSetupError;

/**
 * Runs one send job. A message that is no longer queued (sent, failed, or gone) is left alone, so
 * a job delivered again after its send does nothing.
 */
export async function runSendJob(env: Env, job: SendMessageJob, attempt: SendAttempt): Promise<SendOutcome> {
  const messages = await tableHandle(env, job.messagesTableId);
  const [row] = await messages.room.readRows([job.messageId]);
  if (!row) return { type: "done", status: null };
  const r = reader(messages, row.cells);
  if (r.text("status") !== "queued") return { type: "done", status: null };
  const write = async (cells: Record<string, CellValue>) => {
    const written = await messages.room.patchRow(job.messageId, byKey(messages, cells), origin);
    if (!written.ok) throw new Error(`Could not write the message's row: ${written.message}`);
  };
  const to = r.text("to");
  const suppression = await findSuppression(await tableHandle(env, job.suppressionsTableId), to);
  if (suppression) {
    const why = suppression.reason ? ` (${suppression.reason})` : "";
    await write({
      status: "suppressed",
      error: `${to} is on the Suppressions list${why}; nothing was sent`,
      lastEvent: "suppressed",
    });
    return { type: "done", status: "suppressed" };
  }
  // Held rows change only while still queued (a compare-and-set), so a second delivery of this
  // job can never turn a message its twin just sent back into a scheduled one.
  const hold = async (status: "draft" | "scheduled", cells: Record<string, CellValue>) => {
    await messages.room.claimRowsById({
      rowIds: [job.messageId],
      columnId: messages.keys.status ?? "",
      anyOf: ["queued"],
      set: byKey(messages, { status, ...cells }),
      origin,
    });
    return { type: "done" as const, status };
  };
  if (job.paced && (await campaignPausedFor(env, job.workspaceId, r.get("campaign"))))
    return hold("draft", { scheduledFor: null, lastEvent: "held: its campaign is paused; a draft again" });
  const place = await holdForPace(env, job, senderKey(r.text("channel"), r.text("from")));
  if (!place.ok)
    return hold("scheduled", { scheduledFor: place.nextAt.toISOString(), lastEvent: `held: ${place.message}` });
  const draft: Draft = { messageId: row.id, to, subject: r.text("subject"), body: r.text("body") };
  try {
    const sent = await deliver(env, job, attempt, r.text("channel"), draft).catch(async (error) => {
      await place.release();
      throw error;
    });
    await write({
      status: "sent",
      provider: sent.provider,
      providerMessageId: sent.providerMessageId,
      sentAt: new Date().toISOString(),
      ...(sent.html === null ? {} : { html: sent.html }),
      error: null,
      lastEvent: "sent",
    });
    return { type: "done", status: "sent" };
  } catch (error) {
    const message = (error as Error).message || String(error);
    const retryable = error instanceof SendError ? error.retryable : !isFinal(error);
    if (retryable && attempt.attempt < attempt.maxAttempts) {
      const asked =
        error instanceof SendError && error.retryAfterMs !== null ? Math.ceil(error.retryAfterMs / 1000) : 0;
      const delaySeconds = Math.min(
        QUEUE_MAX_DELAY_SECONDS,
        Math.max(asked, attempt.retryDelaySeconds(attempt.attempt)),
      );
      await write({
        error: `Try ${attempt.attempt} failed: ${message}; trying again in ${delaySeconds} s`,
        lastEvent: "retrying",
      });
      return { type: "retry", delaySeconds };
    }
    const tries = retryable ? ` (after ${attempt.attempt} tries)` : "";
    await write({ status: "failed", error: `${message}${tries}`, lastEvent: "failed" });
    return { type: "done", status: "failed" };
  }
}

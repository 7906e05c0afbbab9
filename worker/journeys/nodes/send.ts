/**
 * A journey's send node: picks the channel (the lead's best one for `best`), refuses suppressed
 * leads and leads with no address (the fallback edge, the outcome saying why), honours an
 * explicit send time, defers in quiet hours, reserves a place under the lead's frequency caps
 * across every journey (deferred or dropped when over), then writes the message as an ordinary
 * Messages row to the lead's row and queues it: with no provider it lands in the outbox as every
 * message does. A retried step finds the message its visit already made (the Messages row's
 * Journey step cell) rather than writing a second one.
 */
import { bestChannel, channelScores } from "../../../automation/journeys/channel";
import { quietUntil } from "../../../automation/journeys/quiet-hours";
import { renderTemplate } from "../../../automation/journeys/render";
import type { JourneyChannel, NodeOf } from "../../../schema/journeys";
import { getDb } from "../../db";
import { byKey, reader } from "../../kinds/tables";
import { MessageInputError } from "../../messaging/errors";
import { createMessage, recipientAddress } from "../../messaging/messages";
import { queueSend } from "../../messaging/send";
import { findSuppression } from "../../messaging/suppressions";
import { ensureMessaging, type Messaging } from "../../messaging/tables";
import { writeDraft } from "../../messaging/writer";
import { releaseTouch, reserveTouch } from "../caps-store";
import { leadEvents, leadZone, readJourneySettings } from "../lead";
import { type NodeResult, type NodeRunner, type RunContext, stepKeyOf } from "../run-context";
import { markCapped } from "../steps";

/** A send's result: `retryAt` asks the workflow to sleep until then and visit the node again. */
export type SendResult = NodeResult & { retryAt?: number };

/** The Messages column that ties a message to the journey visit that wrote it. */
const VISIT_COLUMN = {
  key: "journeyStep",
  name: "Journey step",
  type: "text" as const,
  options: { key: "journeyStep" },
};

/** Seconds in a day: cap windows count in days, or in seconds when the run is compressed. */
const DAY_SECONDS = 86_400;

const fallback = (outcome: string): SendResult => ({ outcome, edge: "fallback" });

/** The message this visit wrote before a retry, by its Journey step cell. */
async function visitMessage(messaging: Messaging, visit: string): Promise<{ id: string; status: string } | null> {
  const { messages } = messaging;
  let column = messages.keys.journeyStep;
  if (!column) {
    await messages.room.addKeyedColumns([{ ...VISIT_COLUMN }], "journey");
    column = (await messages.room.describe()).columns.find((c) => c.options.key === "journeyStep")?.id;
    if (!column) throw new Error("Could not add the Messages table's Journey step column");
    messages.keys.journeyStep = column;
    messages.columns = (await messages.room.describe()).columns;
  }
  const { rows } = await messages.room.queryRows({
    filters: [{ columnId: column, op: "eq", value: visit }],
    sort: [],
    limit: 1,
    offset: 0,
  });
  const row = rows[0];
  return row ? { id: row.id, status: reader(messages, row.cells).text("status") } : null;
}

async function hasAddress(env: Env, run: RunContext, channel: "email" | "sms"): Promise<boolean> {
  try {
    await recipientAddress(env, run.tableId, run.rowId, channel);
    return true;
  } catch {
    return false;
  }
}

/** The channel to send on: the node's, or for `best` the lead's preferred channel it can be reached on. */
async function channelFor(env: Env, run: RunContext, node: NodeOf<"send">): Promise<JourneyChannel | null> {
  if (node.channel !== "best") return node.channel;
  const available: JourneyChannel[] = [];
  for (const c of ["email", "sms"] as const) if (await hasAddress(env, run, c)) available.push(c);
  const events = await leadEvents(getDb(env.DB), run);
  const preference = run.row["Channel preference"];
  return bestChannel(typeof preference === "string" ? preference : null, channelScores(events), available);
}

/** Writes the visit's message (template or the AI writer) and marks it with the visit. */
async function writeMessage(
  env: Env,
  run: RunContext,
  node: NodeOf<"send">,
  channel: "email" | "sms",
  messaging: Messaging,
  visit: string,
): Promise<string> {
  const db = getDb(env.DB);
  const recipient = { recipientTable: run.tableId, recipientRowId: run.rowId, channel };
  const id = node.template
    ? (
        await createMessage(env, db, run.workspaceId, null, {
          ...recipient,
          subject: node.template.subject ? renderTemplate(node.template.subject, run.row) : undefined,
          body: renderTemplate(node.template.body, run.row),
        })
      ).id
    : (await writeDraft(env, db, run.workspaceId, null, recipient)).id;
  const marked = await messaging.messages.room.patchRow(id, byKey(messaging.messages, { journeyStep: visit }), {
    kind: "automation",
    job: "journey",
  });
  if (!marked.ok) throw new Error(`Could not mark the journey's message: ${marked.message}`);
  return id;
}

export const runSendNode: NodeRunner<NodeOf<"send">> = async (env, run, node): Promise<SendResult> => {
  const db = getDb(env.DB);
  const now = Date.now();
  const visit = stepKeyOf(run);
  const channel = await channelFor(env, run, node);
  if (!channel) return fallback("no address: the lead has no email address or phone number");
  if (channel === "chat") return fallback("no chat conversation: the lead has no chat to write to");
  if (run.row.Suppressed === true) return fallback("suppressed: the lead's Suppressed box is ticked");
  let address: string;
  try {
    address = await recipientAddress(env, run.tableId, run.rowId, channel);
  } catch (error) {
    if (error instanceof MessageInputError) return fallback(`no address: ${error.message}`);
    throw error;
  }
  const messaging = await ensureMessaging(env, db, run.workspaceId, null);
  const suppression = await findSuppression(messaging.suppressions, address);
  if (suppression) return fallback(`suppressed: ${suppression.reason || address}`);

  const already = await visitMessage(messaging, visit);
  // Made by an earlier try of this step: sent on unless it is still a draft, or its queueing
  // failed (then it goes back to a draft and is queued again below).
  if (already && already.status !== "draft" && already.status !== "failed")
    return { outcome: `sent: ${channel}`, edge: "next" };
  if (already?.status === "failed") {
    const reset = await messaging.messages.room.patchRow(already.id, byKey(messaging.messages, { status: "draft" }), {
      kind: "automation",
      job: "journey",
    });
    if (!reset.ok) throw new Error(`Could not queue the journey's message again: ${reset.message}`);
  }

  const sendAt = node.sendAt ? Date.parse(node.sendAt) : null;
  if (sendAt && sendAt > now) return { outcome: "send at", edge: "next", retryAt: sendAt };
  const settings = await readJourneySettings(db, run.workspaceId);
  if (!sendAt) {
    const quiet = run.definition.quietHours !== undefined ? run.definition.quietHours : settings.quietHours;
    const until = quietUntil(now, leadZone(run.row, settings), quiet ?? null);
    if (until !== null) return { outcome: "quiet hours", edge: "next", retryAt: until };
  }
  // Reserved once per visit (keyed by it), so a retried step neither takes a second place nor skips the cap.
  const decision = await reserveTouch(env.DB, {
    id: visit,
    workspaceId: run.workspaceId,
    tableId: run.tableId,
    rowId: run.rowId,
    channel,
    journeyId: run.journeyId,
    enrollmentId: run.enrollmentId,
    rules: [...settings.caps, ...run.definition.caps],
    now,
    scale: run.compress ? 1 : DAY_SECONDS,
  });
  if (!decision.ok) {
    const capped = decision.over === "defer" && decision.nextAt !== null ? "deferred" : "dropped";
    await markCapped(db, run.enrollmentId, capped);
    if (capped === "dropped") return fallback(`capped: dropped (${decision.reason})`);
    return { outcome: "capped: deferred", edge: "next", retryAt: decision.nextAt ?? now };
  }
  try {
    const id = already?.id ?? (await writeMessage(env, run, node, channel, messaging, visit));
    await queueSend(env, messaging, id);
  } catch (error) {
    await releaseTouch(env.DB, visit);
    if (error instanceof MessageInputError) return fallback(`no address: ${error.message}`);
    throw error;
  }
  return { outcome: `sent: ${channel}`, edge: "next" };
};

/**
 * Sending the pitches the autopilot wrote: drafts up to `caps.send` a cycle (ledger "send") and
 * failed ones again up to `caps.retryPitches` (ledger "retry-pitch", at most `MAX_PITCH_RETRIES`
 * times a message over all cycles). Each goes through `queueSend`, so messaging's own pace, caps
 * and suppressions apply and, with no email provider configured, it lands in the outbox. A
 * suppressed address is seen here first so the cycle counts it by cause; the business's Lead
 * status becomes "pitched" when its pitch is queued to send.
 */
import type { PhaseResult } from "../../../schema/autopilot";
import type { RowRecord } from "../../../schema/tables";
import { byKey, reader } from "../../kinds/tables";
import { messagingOrigin } from "../../messaging/messages";
import { queueSend } from "../../messaging/send";
import { findSuppression } from "../../messaging/suppressions";
import { type Outcome, runCapped } from "../capped";
import { historyOf } from "../items";
import { noteRows } from "../note";
import { recordSpend } from "../spend";
import { autopilotMessages } from "./rows";
import { budgetGate, type PitchRun } from "./run";

/** A failed pitch is sent again three times at most (the brief's messages retry 3 times). */
export const MAX_PITCH_RETRIES = 3;

/** Statuses a queued message has moved on to once its send job ran. */
const LEFT = new Set(["queued", "sent", "delivered", "opened", "clicked", "replied"]);

async function send(run: PitchRun, message: RowRecord, again: boolean): Promise<Outcome> {
  const { ctx, messaging, h } = run;
  const { messages } = messaging;
  const r = reader(messages, message.cells);
  const businessRowId = r.text("recipientRowId");
  const note = (what: string, cells = {}) => noteRows(ctx, messages, [{ rowId: message.id, what, cells }]);
  const suppressed = await findSuppression(messaging.suppressions, r.text("to"));
  if (suppressed) {
    const error = `${suppressed.address} is on the Suppressions list${suppressed.reason ? ` (${suppressed.reason})` : ""}; nothing was sent`;
    await note("Pitch not sent: the address is suppressed", { status: "suppressed", error });
    return { state: "failed", cause: "suppressed" };
  }
  if (again) {
    const back = await messages.room.claimRowsById({
      rowIds: [message.id],
      columnId: messages.keys.status ?? "",
      anyOf: ["failed"],
      set: byKey(messages, { status: "draft", error: null }),
      origin: messagingOrigin("autopilot-retry"),
    });
    if (!back.length) return { state: "failed", cause: "not failed any more" };
  }
  const queued = await queueSend(ctx.env, messaging, message.id);
  if (!queued.queued) return { state: "failed", cause: "not a draft", detail: queued.status };
  await recordSpend(ctx, "email", 0, 1, ctx.startedAt);
  const what = again ? "Pitch sent again" : "Pitch sent";
  await note(what);
  if (businessRowId)
    await noteRows(ctx, h.businesses, [{ rowId: businessRowId, what, cells: { leadStatus: "pitched" } }]);
  return { state: "done", detail: "queued" };
}

/** How a message this cycle claimed ended, read from its status. */
async function settled(run: PitchRun, id: string): Promise<Outcome> {
  const [row] = await run.messaging.messages.room.readRows([id]);
  const status = row ? reader(run.messaging.messages, row.cells).text("status") : "";
  return LEFT.has(status) ? { state: "done" } : { state: "failed", cause: "interrupted" };
}

export async function sendPitches(run: PitchRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "send",
    cap: run.ctx.settings.caps.send,
    counter: "sent",
    candidates: (limit, exclude) => autopilotMessages(run, "draft", limit, exclude),
    act: (message) => send(run, message, false),
    settle: (id) => settled(run, id),
    gate: budgetGate(run, "email"),
  });
}

/** Failed pitches not yet sent again `MAX_PITCH_RETRIES` times. */
async function retryable(run: PitchRun, limit: number, exclude: Set<string>): Promise<RowRecord[]> {
  return autopilotMessages(run, "failed", limit, exclude, async (failed, want) => {
    const history = await historyOf(
      run.ctx,
      "retry-pitch",
      failed.map((m) => m.id),
    );
    return failed.filter((m) => (history.get(m.id)?.length ?? 0) < MAX_PITCH_RETRIES).slice(0, want);
  });
}

export async function retryFailedPitches(run: PitchRun, result: PhaseResult): Promise<void> {
  await runCapped(run.ctx, result, {
    action: "retry-pitch",
    cap: run.ctx.settings.caps.retryPitches,
    counter: "retried",
    candidates: (limit, exclude) => retryable(run, limit, exclude),
    act: (message) => send(run, message, true),
    settle: (id) => settled(run, id),
    gate: budgetGate(run, "email"),
  });
}

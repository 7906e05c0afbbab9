/**
 * Recurrente's webhooks: `POST /hooks/payments/recurrente/:workspaceSlug`, signed with Svix
 * (docs/payments.md, "Webhooks"). The workspace by slug (404), its `paymentsWebhookSecret` (401
 * when none is set), the signature (401 with the reason; nothing written), then the delivery's
 * delivery taken once by its svix id in the Webhook events table (`delivery-guard.ts`): a
 * redelivery answers 200 and changes nothing. A fresh event is confirmed against Recurrente and
 * applied; a failure to reach Recurrente answers 503 with the delivery marked failed, so
 * Recurrente's retry applies it. Every verified delivery leaves a Webhook events row (one row per
 * delivery, a redelivery's saying `duplicate`), finished once the answer is on its way; the
 * answer's `Server-Timing` header says where the time went (`npm run bench:billing` reads it).
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { parseRecurrenteEvent } from "../../automation/payments/events/parse";
import type { RecurrenteEvent } from "../../automation/payments/events/types";
import { PaymentsError } from "../../automation/payments/recurrente/types";
import { verifyRecurrenteWebhook } from "../../automation/payments/webhook/verify";
import { workspace } from "../../schema/db";
import type { WebhookResult } from "../../schema/payments-tables";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { readWorkspaceSecrets } from "../api/settings";
import { applyRecurrenteEvent, type Outcome } from "./apply";
import { type DeliveryRecord, finishDelivery, recordDuplicate, takeDelivery } from "./delivery-guard";
import { stageTimer } from "./hooks-timing";
import { recurrenteWith } from "./recurrente";
import { ensureBilling } from "./tables";

/** What a webhook reads of the workspace's secrets: the signing secret, and the keys to confirm with. */
const PAYMENT_SECRETS = ["paymentsWebhookSecret", "paymentsPublicKey", "paymentsApiKey"] as const;

/** A signed body that is not JSON is kept as an event of this type. */
const UNREADABLE = "unreadable";

function readEvent(body: string): RecurrenteEvent {
  try {
    return parseRecurrenteEvent(JSON.parse(body));
  } catch {
    return { kind: "unknown", type: UNREADABLE, objectId: null, at: null };
  }
}

function objectOf(event: RecurrenteEvent): string | null {
  switch (event.kind) {
    case "payment":
      return event.paymentId;
    case "subscription":
    case "setup":
      return event.subscriptionId;
    case "refund":
      return event.refundId;
    case "unknown":
      return event.objectId;
  }
}

export const paymentHookRoutes = new Hono<AppEnv>().post("/recurrente/:workspaceSlug", async (c) => {
  const received = new Date();
  const timing = stageTimer();
  const db = c.get("db");
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.slug, c.req.param("workspaceSlug")) });
  if (!ws) fail(404, "No workspace with this address");
  // The keys are read with the webhook secret, in one query, and used once the delivery is verified.
  const secrets = await readWorkspaceSecrets(c.env, db, ws.id, PAYMENT_SECRETS);
  if (!secrets.paymentsWebhookSecret)
    fail(401, "No Recurrente webhook secret is set for this workspace: paste its whsec_… signing secret in Settings");
  const body = new TextDecoder().decode(await c.req.raw.arrayBuffer());
  const verdict = verifyRecurrenteWebhook(secrets.paymentsWebhookSecret, c.req.raw.headers, body, received);
  if (!verdict.ok) fail(401, `Recurrente webhook refused: ${verdict.reason}`);
  const event = readEvent(body);
  const delivery: DeliveryRecord = { svixId: verdict.id, type: event.type, objectId: objectOf(event), body, received };
  timing.mark("verify");
  const billing = await ensureBilling(c.env, db, ws.id, null);
  const taken = await takeDelivery(billing, delivery);
  timing.mark("once");
  if (taken.inFlight) {
    c.header("Server-Timing", timing.header());
    // Not 2xx: the request applying it may yet fail, and then only Recurrente's next try applies it.
    return c.json(
      { error: { status: 409, message: "This delivery is being applied right now: try again shortly" } },
      409,
    );
  }
  if (!taken.fresh) {
    // The trail shows each redelivery; Recurrente waits for none of it.
    c.executionCtx.waitUntil(
      recordDuplicate(billing, delivery).catch((e: unknown) =>
        console.error(`Webhook events row for ${delivery.svixId}'s redelivery not written:`, e),
      ),
    );
    c.header("Server-Timing", timing.header());
    return c.json({ result: "duplicate" satisfies WebhookResult, note: "delivered before: nothing changed" });
  }
  let outcome: Outcome;
  try {
    const recurrente = recurrenteWith(c.env, secrets);
    if (event.kind !== "unknown" && !recurrente)
      throw new PaymentsError("auth", "Payments are not set up: add the Recurrente keys in Settings to confirm events");
    outcome = await applyRecurrenteEvent({ env: c.env, db, workspace: ws, billing, recurrente: recurrente! }, event);
    timing.mark("apply");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Failed, so Recurrente's next try takes the delivery again (see delivery-guard.ts).
    await finishDelivery(billing, taken.rowId, "failed", delivery.objectId, message);
    // Recurrente (Svix) retries a failed delivery with backoff: a 503 asks for exactly that.
    if (error instanceof PaymentsError)
      return c.json({ error: { status: 503, message: `Could not confirm with Recurrente: ${message}` } }, 503);
    throw error;
  }
  // A row left "processing" by a lost write is taken again after STALE_MS and applied again,
  // which finds every row it writes by Recurrente's ids: nothing is written twice.
  c.executionCtx.waitUntil(
    finishDelivery(billing, taken.rowId, outcome.result, outcome.objectId ?? delivery.objectId, outcome.note).catch(
      (e: unknown) => console.error(`Webhook events row for ${delivery.svixId} not finished:`, e),
    ),
  );
  c.header("Server-Timing", timing.header());
  return c.json({ result: outcome.result, note: outcome.note });
});

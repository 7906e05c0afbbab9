/**
 * Recurrente's webhooks: `POST /hooks/payments/recurrente/:workspaceSlug`, signed with Svix
 * (docs/payments.md, "Webhooks"). The workspace by slug (404), its `paymentsWebhookSecret` (401
 * when none is set), the signature (401 with the reason; nothing written), then the delivery's
 * svix id claimed once: a redelivery answers 200 and changes nothing. A fresh event is confirmed
 * against Recurrente and applied; a failure to reach Recurrente answers 503 with the id released,
 * so Recurrente's retry applies it. Every verified delivery leaves a Webhook events row (one row
 * per delivery, a redelivery's saying `duplicate`), written once the answer is on its way; the
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
import { readWorkspaceSecret } from "../api/settings";
import { byKey } from "../kinds/tables";
import { claimEvents } from "../messaging/hooks/seen-events";
import { applyRecurrenteEvent, type Outcome } from "./apply";
import { BILLING_ORIGIN } from "./apply-rows";
import { stageTimer } from "./hooks-timing";
import { recurrenteOf } from "./recurrente";
import { type Billing, ensureBilling } from "./tables";

/** The Webhook events table keeps this much of each payload: enough to read, not a megabyte per row. */
const PAYLOAD_KEPT = 4_000;

/** A signed body that is not JSON is kept as an event of this type. */
const UNREADABLE = "unreadable";

type Delivery = { svixId: string; event: RecurrenteEvent; body: string; received: Date };

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

async function record(
  billing: Billing,
  delivery: Delivery,
  result: WebhookResult,
  objectId: string | null,
  error: string | null,
) {
  const table = billing.webhookEvents;
  const cells = {
    svixId: delivery.svixId,
    type: delivery.event.type,
    objectId,
    received: delivery.received.toISOString(),
    processed: new Date().toISOString(),
    result,
    error,
    payload: delivery.body.slice(0, PAYLOAD_KEPT),
  };
  await table.room.insertRow(byKey(table, cells), BILLING_ORIGIN);
}

export const paymentHookRoutes = new Hono<AppEnv>().post("/recurrente/:workspaceSlug", async (c) => {
  const received = new Date();
  const timing = stageTimer();
  const db = c.get("db");
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.slug, c.req.param("workspaceSlug")) });
  if (!ws) fail(404, "No workspace with this address");
  // Read beside the webhook secret, used only once the delivery is verified.
  const client = recurrenteOf(c.env, db, ws.id).catch((error: unknown) => error as Error);
  const secret = await readWorkspaceSecret(c.env, db, ws.id, "paymentsWebhookSecret");
  if (!secret)
    fail(401, "No Recurrente webhook secret is set for this workspace: paste its whsec_… signing secret in Settings");
  const body = new TextDecoder().decode(await c.req.raw.arrayBuffer());
  const verdict = verifyRecurrenteWebhook(secret, c.req.raw.headers, body, received);
  if (!verdict.ok) fail(401, `Recurrente webhook refused: ${verdict.reason}`);
  const event = readEvent(body);
  const delivery: Delivery = { svixId: verdict.id, event, body, received };
  timing.mark("verify");
  const [billing, claims] = await Promise.all([
    ensureBilling(c.env, db, ws.id, null).catch((error: unknown) => error as Error),
    claimEvents(db, ws.id, "recurrente", [verdict.id], received),
  ]);
  if (billing instanceof Error) {
    await claims.release([verdict.id]);
    throw billing;
  }
  timing.mark("once");
  // The audit row is written once the answer is on its way: Recurrente waits for nothing it says.
  const keep = (result: WebhookResult, objectId: string | null, error: string | null) =>
    c.executionCtx.waitUntil(
      record(billing, delivery, result, objectId, error).catch((e: unknown) =>
        console.error(`Webhook events row for ${delivery.svixId} not written:`, e),
      ),
    );
  if (!claims.fresh.has(verdict.id)) {
    keep("duplicate", objectOf(event), null);
    c.header("Server-Timing", timing.header());
    return c.json({ result: "duplicate" satisfies WebhookResult, note: "delivered before: nothing changed" });
  }
  let outcome: Outcome;
  try {
    const recurrente = await client;
    if (recurrente instanceof Error) throw recurrente;
    if (event.kind !== "unknown" && !recurrente)
      throw new PaymentsError("auth", "Payments are not set up: add the Recurrente keys in Settings to confirm events");
    outcome = await applyRecurrenteEvent({ env: c.env, db, workspace: ws, billing, recurrente: recurrente! }, event);
    timing.mark("apply");
  } catch (error) {
    await claims.release([verdict.id]);
    const message = error instanceof Error ? error.message : String(error);
    keep("failed", objectOf(event), message);
    // Recurrente (Svix) retries a failed delivery with backoff: a 503 asks for exactly that.
    if (error instanceof PaymentsError)
      return c.json({ error: { status: 503, message: `Could not confirm with Recurrente: ${message}` } }, 503);
    throw error;
  }
  keep(outcome.result, outcome.objectId, outcome.note);
  c.header("Server-Timing", timing.header());
  return c.json({ result: outcome.result, note: outcome.note });
});

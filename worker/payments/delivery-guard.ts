/**
 * The webhooks' replay guard, kept where their audit trail is: the first Webhook events row of a
 * delivery id (`svix-id`) is taken, in one call to the table's room (which runs one call at a
 * time), before the event is applied; a redelivery finds it and changes nothing. A delivery whose
 * applying failed is taken again by the next try, and so is one left "processing" by a Worker that
 * died, once STALE_MS have passed; either is retaken by a compare-and-set on its Received time, so
 * two retries arriving together apply it once. Kept in the room rather than D1: local D1 runs its
 * statements one after another, and two writes per delivery there capped ingest.
 */
import type { WebhookResult } from "../../schema/payments-tables";
import { byKey, reader } from "../kinds/tables";
import { BILLING_ORIGIN } from "./apply-rows";
import type { Billing } from "./tables";

/**
 * A delivery still "processing" after this long was left by a Worker that died: applying takes a
 * few hundred milliseconds and a Worker's request at most 30 s of CPU, so two minutes is safe.
 */
export const STALE_MS = 2 * 60_000;

/** The Webhook events table keeps this much of each payload: enough to read, not a megabyte per row. */
export const PAYLOAD_KEPT = 4_000;

export type DeliveryRecord = {
  svixId: string;
  type: string;
  objectId: string | null;
  body: string;
  received: Date;
};

const cellsOf = (d: DeliveryRecord, result: WebhookResult, error: string | null) => ({
  svixId: d.svixId,
  type: d.type,
  objectId: d.objectId,
  received: d.received.toISOString(),
  processed: result === "processing" ? null : new Date().toISOString(),
  result,
  error,
  payload: d.body.slice(0, PAYLOAD_KEPT),
});

/**
 * What a delivery's id comes to: taken now to be applied (`fresh`); being applied by another
 * request right now (`inFlight`: answered so that Recurrente tries again, since that request may
 * still fail); or applied before.
 */
export type Taken = { rowId: string; fresh: boolean; inFlight: boolean };

/** Takes the delivery for this request (see `Taken`). */
export async function takeDelivery(billing: Billing, delivery: DeliveryRecord): Promise<Taken> {
  const table = billing.webhookEvents;
  const found = await table.room.findOrInsertRow({
    match: [{ columnId: table.keys.svixId ?? "", value: delivery.svixId }],
    cells: byKey(table, cellsOf(delivery, "processing", null)),
    origin: BILLING_ORIGIN,
  });
  if (!found.ok) throw new Error(`Webhook events: ${found.message}`);
  const { id: rowId, created, cells } = found.value;
  if (created) return { rowId, fresh: true, inFlight: false };
  const row = reader(table, cells);
  const stale =
    row.text("result") === "processing" && delivery.received.getTime() - Date.parse(row.text("received")) > STALE_MS;
  if (row.text("result") !== "failed" && !stale)
    return { rowId, fresh: false, inFlight: row.text("result") === "processing" };
  const retaken = await table.room.claimRowsById({
    rowIds: [rowId],
    columnId: table.keys.received ?? "",
    anyOf: [row.get("received") ?? null],
    // The earlier try's error stays readable beside the outcome of this one.
    set: byKey(table, {
      received: delivery.received.toISOString(),
      result: "processing",
      error: row.text("error") ? `An earlier try failed: ${row.text("error")}` : null,
    }),
    origin: BILLING_ORIGIN,
  });
  // Another try retook it a moment ago and is applying it.
  return { rowId, fresh: retaken.length === 1, inFlight: retaken.length === 0 };
}

/** Writes what became of a taken delivery into its row (an earlier try's error kept when this one has none). */
export async function finishDelivery(
  billing: Billing,
  rowId: string,
  result: WebhookResult,
  objectId: string | null,
  error: string | null,
): Promise<void> {
  const table = billing.webhookEvents;
  const cells = { result, objectId, processed: new Date().toISOString(), ...(error === null ? {} : { error }) };
  const written = await table.room.patchRow(rowId, byKey(table, cells), BILLING_ORIGIN);
  if (!written.ok) throw new Error(`Webhook events: ${written.message}`);
}

/** Adds a row for a redelivery, so the trail shows each time Recurrente sent it. */
export async function recordDuplicate(billing: Billing, delivery: DeliveryRecord): Promise<void> {
  const table = billing.webhookEvents;
  const inserted = await table.room.insertRow(byKey(table, cellsOf(delivery, "duplicate", null)), BILLING_ORIGIN);
  if (!inserted.ok) throw new Error(`Webhook events: ${inserted.message}`);
}

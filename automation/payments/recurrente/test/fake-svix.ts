/**
 * Webhook deliveries as Recurrente makes them through Svix: the JSON body signed with the
 * endpoint's `whsec_…` secret (headers `svix-id`, `svix-timestamp`, `svix-signature`) and POSTed
 * to the endpoint's URL.
 */
import { Webhook } from "svix";
import { newId } from "./fake-state";

export type FakeDelivery = { url: string; headers: Record<string, string>; body: string; status: number | null };

/** How long a delivery waits for the endpoint's answer (Svix itself gives endpoints 15 s; tests want less). */
export const DELIVERY_TIMEOUT_MS = 5_000;

export type Target = { url: string; secret: string };

/** The signed request for one endpoint, not sent. */
export function signDelivery(
  target: Target,
  event: Record<string, unknown>,
  options: { id?: string; timestamp?: Date } = {},
): FakeDelivery {
  const id = options.id ?? newId("msg", 24);
  const timestamp = options.timestamp ?? new Date();
  const body = JSON.stringify(event);
  return {
    url: target.url,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": new Webhook(target.secret).sign(id, timestamp, body),
    },
    body,
    status: null,
  };
}

/** POSTs a signed delivery; its `status` is what the endpoint answered, or null when unreachable. */
export async function sendDelivery(delivery: FakeDelivery): Promise<FakeDelivery> {
  try {
    const res = await fetch(delivery.url, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    return { ...delivery, status: res.status };
  } catch {
    return { ...delivery, status: null };
  }
}

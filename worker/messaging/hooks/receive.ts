/**
 * The steps every provider webhook takes, in order: the workspace by slug (404), its webhook
 * secret (401 when none is set), the provider's signature check (401 with the reason; nothing
 * changed), the events (400 when a signed body is not the documented shape), the replay guard,
 * then each fresh event applied. An event that fails to apply is released from the replay guard
 * and the request answers 500, so the provider's retry applies it.
 */
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { WebhookPayloadError, type WebhookRequest } from "../../../automation/messaging/webhooks";
import type { SecretKey } from "../../../schema/api";
import { workspace } from "../../../schema/db";
import type { NormalizedEvent, WebhookProvider } from "../../../schema/messaging-events";
import type { AppEnv } from "../../api/context";
import { fail } from "../../api/errors";
import { readWorkspaceSecret } from "../../api/settings";
import { ensureMessaging, findMessaging, type Messaging } from "../tables";
import { HOOK_PROVIDERS } from "./providers";
import { claimEvents } from "./seen-events";

export type Received = {
  workspace: { id: string; name: string };
  request: WebhookRequest;
  events: NormalizedEvent[];
};

/** Steps up to the events: answers with a 4xx (thrown) unless the request is the provider's own. */
export async function receive(
  c: Context<AppEnv>,
  provider: WebhookProvider,
  secretKey: SecretKey,
  request: WebhookRequest,
  now: Date,
): Promise<Received> {
  const db = c.get("db");
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.slug, c.req.param("slug") ?? "") });
  if (!ws) fail(404, "No workspace with this address");
  const secret = await readWorkspaceSecret(c.env, db, ws.id, secretKey);
  if (!secret) fail(401, "no webhook secret is set for this workspace");
  const hooks = HOOK_PROVIDERS[provider];
  const verdict = await hooks.verify(request, secret, now);
  if (!verdict.ok) fail(401, `${provider} webhook refused: ${verdict.reason}`);
  try {
    return { workspace: { id: ws.id, name: ws.name }, request, events: hooks.events(request, now) };
  } catch (error) {
    if (error instanceof WebhookPayloadError) fail(400, error.message);
    throw error;
  }
}

export type Outcome<T> = { replayed: number; results: T[] };

/**
 * Applies the events not seen before, one by one in order. The messaging tables are found, or
 * made when an inbound message must be kept; a workspace that has none and gets only events
 * about messages (which it cannot have sent) changes nothing.
 */
export async function applyFresh<T>(
  c: Context<AppEnv>,
  received: Received,
  provider: WebhookProvider,
  now: Date,
  apply: (messaging: Messaging, event: NormalizedEvent) => Promise<T>,
): Promise<Outcome<T>> {
  const { events } = received;
  if (events.length === 0) return { replayed: 0, results: [] };
  const db = c.get("db");
  const wsId = received.workspace.id;
  const messaging = events.some((e) => e.type === "inbound")
    ? await ensureMessaging(c.env, db, wsId, null)
    : await findMessaging(c.env, db, wsId);
  if (!messaging) return { replayed: 0, results: [] };
  const claims = await claimEvents(
    db,
    wsId,
    provider,
    events.map((e) => e.eventId),
    now,
  );
  // Taking each id out of the claimed set as it is used keeps the first of repeats within one batch.
  const fresh = events.filter((e) => claims.fresh.delete(e.eventId));
  const results: T[] = [];
  for (const [i, event] of fresh.entries()) {
    try {
      results.push(await apply(messaging, event));
    } catch (error) {
      await claims.release(fresh.slice(i).map((e) => e.eventId));
      throw error;
    }
  }
  return { replayed: events.length - fresh.length, results };
}

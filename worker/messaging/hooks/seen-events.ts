/**
 * The replay guard's durable memory: provider event ids already applied, in D1 (`webhook_event`),
 * keyed by workspace, provider and event id. An id is claimed with one INSERT … ON CONFLICT DO
 * NOTHING RETURNING before its event is applied, so two deliveries of one event arriving at once
 * cannot both apply it (a has-then-add check could let both through); a claim whose event then
 * fails to apply is released, so the provider's retry applies it. Expired ids are deleted on the
 * next claim, which keeps the table at about three days of events without a cron.
 */
import { and, eq, inArray, lt } from "drizzle-orm";
import { REPLAY_MEMORY_MS } from "../../../automation/messaging/webhooks";
import { webhookEvent } from "../../../schema/db";
import type { WebhookProvider } from "../../../schema/messaging-events";
import type { Db } from "../../db";

/** D1 binds at most 100 parameters per statement; a row of webhook_event takes 4 (a release, 1 per id plus 2). */
const ROWS_PER_INSERT = 25;

/** The messaging providers, and Recurrente (its deliveries' svix ids). */
export type ClaimingProvider = WebhookProvider | "recurrente";

export type EventClaims = {
  /** The ids not seen before, now claimed, in the order given (repeats dropped). */
  fresh: Set<string>;
  /** Forgets claims whose events were not applied, so a redelivery applies them. */
  release(eventIds: string[]): Promise<void>;
};

/**
 * Claims `eventIds` for `workspaceId` and `provider`.
 * @example const { fresh } = await claimEvents(db, ws.id, "resend", events.map((e) => e.eventId), new Date());
 */
export async function claimEvents(
  db: Db,
  workspaceId: string,
  provider: ClaimingProvider,
  eventIds: string[],
  now: Date,
): Promise<EventClaims> {
  const ids = [...new Set(eventIds)];
  const expiresAt = new Date(now.getTime() + REPLAY_MEMORY_MS);
  const fresh = new Set<string>();
  await db.delete(webhookEvent).where(lt(webhookEvent.expiresAt, now));
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    const rows = ids.slice(i, i + ROWS_PER_INSERT).map((eventId) => ({ workspaceId, provider, eventId, expiresAt }));
    const inserted = await db
      .insert(webhookEvent)
      .values(rows)
      .onConflictDoNothing()
      .returning({ eventId: webhookEvent.eventId });
    for (const row of inserted) fresh.add(row.eventId);
  }
  return {
    fresh,
    async release(released) {
      for (let i = 0; i < released.length; i += ROWS_PER_INSERT) {
        await db
          .delete(webhookEvent)
          .where(
            and(
              eq(webhookEvent.workspaceId, workspaceId),
              eq(webhookEvent.provider, provider),
              inArray(webhookEvent.eventId, released.slice(i, i + ROWS_PER_INSERT)),
            ),
          );
      }
    },
  };
}

/**
 * The D1 registry of scheduled and webhook rules (`schema/db/triggers`), kept when rules are
 * saved and deleted: the cron tick finds due rules in it, `/hooks/trigger/<ruleId>` finds the
 * rule and checks its secret there without waking every TableRoom.
 */
import { and, asc, eq, lte } from "drizzle-orm";
import { triggerRegistry } from "../../schema/db";
import { nextRunAfter } from "../../schema/schedule";
import type { TriggerRule } from "../../schema/triggers";
import { hashSecret, newSecret } from "../auth/tokens";
import type { Db } from "../db";

/** Scheduled rules run per cron tick at most; the rest stay due and run at the next tick. */
export const MAX_DUE_PER_TICK = 200;

export type RegistryEntry = typeof triggerRegistry.$inferSelect;

/**
 * Records a saved rule. A webhook rule gets its secret the first time it is saved as one: the
 * secret is returned then and only its hash is kept. A change rule is taken out of the registry.
 */
export async function registerRule(
  db: Db,
  table: { id: string; workspaceId: string },
  rule: TriggerRule,
  now = new Date(),
): Promise<{ secret: string | null }> {
  const { start } = rule;
  if (start.kind === "change") {
    await unregisterRule(db, table.id, rule.id);
    return { secret: null };
  }
  const existing = await db.query.triggerRegistry.findFirst({
    where: and(eq(triggerRegistry.tableId, table.id), eq(triggerRegistry.ruleId, rule.id)),
  });
  let secret: string | null = null;
  let secretHash = existing?.kind === "webhook" ? existing.secretHash : null;
  if (start.kind === "webhook" && !secretHash) {
    secret = newSecret("hook");
    secretHash = await hashSecret(secret);
  }
  const values = {
    kind: start.kind,
    enabled: rule.enabled,
    cron: start.kind === "schedule" ? start.cron : null,
    nextRunAt: start.kind === "schedule" ? nextRunAfter(start.cron, now) : null,
    secretHash,
    updatedAt: now,
  };
  await db
    .insert(triggerRegistry)
    .values({ tableId: table.id, ruleId: rule.id, workspaceId: table.workspaceId, ...values })
    .onConflictDoUpdate({ target: [triggerRegistry.tableId, triggerRegistry.ruleId], set: values });
  return { secret };
}

export async function unregisterRule(db: Db, tableId: string, ruleId: string): Promise<void> {
  await db.delete(triggerRegistry).where(and(eq(triggerRegistry.tableId, tableId), eq(triggerRegistry.ruleId, ruleId)));
}

/** Enabled scheduled rules due at `at`, the longest overdue first. */
export function dueRules(db: Db, at: Date): Promise<RegistryEntry[]> {
  return db
    .select()
    .from(triggerRegistry)
    .where(
      and(eq(triggerRegistry.kind, "schedule"), eq(triggerRegistry.enabled, true), lte(triggerRegistry.nextRunAt, at)),
    )
    .orderBy(asc(triggerRegistry.nextRunAt))
    .limit(MAX_DUE_PER_TICK);
}

/** Moves a scheduled rule to its next run after `after`, unless it was saved again meanwhile. */
export async function scheduleNext(db: Db, entry: RegistryEntry, after: Date): Promise<void> {
  const next = entry.cron ? nextRunAfter(entry.cron, after) : null;
  await db
    .update(triggerRegistry)
    .set({ nextRunAt: next })
    .where(
      and(
        eq(triggerRegistry.tableId, entry.tableId),
        eq(triggerRegistry.ruleId, entry.ruleId),
        eq(triggerRegistry.updatedAt, entry.updatedAt),
      ),
    );
}

/** Webhook rules with this id, in any table (rule ids are unique per table only). */
export function webhookRules(db: Db, ruleId: string): Promise<RegistryEntry[]> {
  return db
    .select()
    .from(triggerRegistry)
    .where(and(eq(triggerRegistry.ruleId, ruleId), eq(triggerRegistry.kind, "webhook")));
}

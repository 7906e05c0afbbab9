/**
 * A Message Batch in flight, kept in D1's `workspace_setting` (one row a batch, key
 * `sites-batch:<batch id>`, so two batches of a workspace never write the same row) until its
 * results are read: which sites and stage it runs, when it was made, and its poll chain. Each poll
 * message carries the chain's number; a message whose number is not the stored one is stale (the
 * chain was restarted after a restart lost it) and does nothing.
 */
import { and, eq, like } from "drizzle-orm";
import { z } from "zod";
import { workspaceSetting } from "../../schema/db";
import { SiteAgent } from "../../schema/site-agents";
import type { Db } from "../db";

const PREFIX = "sites-batch:";

export const BatchState = z.object({
  batchId: z.string(),
  workspaceId: z.string(),
  stage: SiteAgent,
  siteIds: z.array(z.string()),
  huntingIds: z.object({ territories: z.string(), businesses: z.string(), runs: z.string() }),
  /** ISO time the batch was made; polling gives up 24 hours after it. */
  createdAt: z.string(),
  /** The poll chain's number: only the message carrying it reads the batch. */
  poll: z.number().int().min(0),
  /** The delay before the latest poll, doubled for the next one up to a limit. */
  delaySeconds: z.number().min(0),
  /** ISO time the latest poll is due. */
  nextPollAt: z.string(),
  /** The workspace's model and output limit for the stage when the batch was made (absent: the defaults). */
  model: z.string().optional(),
  maxTokens: z.number().int().optional(),
});
export type BatchState = z.infer<typeof BatchState>;

const parse = (value: string): BatchState | null => {
  try {
    const parsed = BatchState.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export async function readBatchState(db: Db, workspaceId: string, batchId: string): Promise<BatchState | null> {
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, PREFIX + batchId)),
  });
  return row ? parse(row.value) : null;
}

export async function saveBatchState(db: Db, state: BatchState): Promise<void> {
  const row = { value: JSON.stringify(state), updatedBy: null, updatedAt: new Date() };
  await db
    .insert(workspaceSetting)
    .values({ workspaceId: state.workspaceId, key: PREFIX + state.batchId, ...row })
    .onConflictDoUpdate({ target: [workspaceSetting.workspaceId, workspaceSetting.key], set: row });
}

export async function deleteBatchState(db: Db, state: BatchState): Promise<void> {
  await db
    .delete(workspaceSetting)
    .where(and(eq(workspaceSetting.workspaceId, state.workspaceId), eq(workspaceSetting.key, PREFIX + state.batchId)));
}

/** Every batch in flight, of every workspace (for the cron that restarts lost poll chains). */
export async function allBatchStates(db: Db): Promise<BatchState[]> {
  const rows = await db
    .select()
    .from(workspaceSetting)
    .where(like(workspaceSetting.key, `${PREFIX}%`));
  return rows.flatMap((row) => parse(row.value) ?? []);
}

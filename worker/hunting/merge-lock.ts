/**
 * One merge into a workspace's Businesses at a time: a scrape reads every business, then adds the
 * new ones and links the known ones, so two overlapping scrapes merging at once would add one
 * business twice and drop a territory link. The lock is a row of D1's `workspace_setting`, taken
 * by insert (or by replacing an expired one, compare-and-set on its value) and freed by its owner.
 */
import { and, eq } from "drizzle-orm";
import { workspaceSetting } from "../../schema/db";
import type { Db } from "../db";
import { HuntingBusyError } from "./errors";

const KEY = "hunting.merge-lock";
/** A merge of thousands of rows takes seconds; a lock older than this was left by a dead worker. */
const LOCK_MS = 2 * 60_000;
/** How long a scrape waits for another's merge before giving up. */
const WAIT_MS = 90_000;
const POLL_MS = 200;

async function take(db: Db, workspaceId: string, value: string, now: number): Promise<boolean> {
  const inserted = await db
    .insert(workspaceSetting)
    .values({ workspaceId, key: KEY, value, updatedAt: new Date(now) })
    .onConflictDoNothing()
    .returning();
  if (inserted.length) return true;
  const held = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, KEY)),
  });
  if (!held) return false;
  const until = Number(JSON.parse(held.value).until);
  if (until > now) return false;
  const replaced = await db
    .update(workspaceSetting)
    .set({ value, updatedAt: new Date(now) })
    .where(
      and(
        eq(workspaceSetting.workspaceId, workspaceId),
        eq(workspaceSetting.key, KEY),
        eq(workspaceSetting.value, held.value),
      ),
    )
    .returning();
  return replaced.length > 0;
}

export async function whileMerging<T>(db: Db, workspaceId: string, work: () => Promise<T>): Promise<T> {
  const token = crypto.randomUUID();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const now = Date.now();
    const value = JSON.stringify({ token, until: now + LOCK_MS });
    if (await take(db, workspaceId, value, now)) {
      try {
        return await work();
      } finally {
        await db
          .delete(workspaceSetting)
          .where(
            and(
              eq(workspaceSetting.workspaceId, workspaceId),
              eq(workspaceSetting.key, KEY),
              eq(workspaceSetting.value, value),
            ),
          );
      }
    }
    if (now >= deadline) throw new HuntingBusyError("Another scrape is writing businesses; try again in a minute");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

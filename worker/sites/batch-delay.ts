/**
 * Whether the workspace lets bulk regeneration wait for a Message Batch (up to 24 hours, at half
 * the price): `allowBatchDelay` in the `sites` settings kept in D1's `workspace_setting`; off
 * when missing or unreadable.
 */
import { and, eq } from "drizzle-orm";
import { workspaceSetting } from "../../schema/db";
import type { Db } from "../db";

export async function allowsBatchDelay(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, "sites")),
  });
  try {
    return row ? JSON.parse(row.value)?.allowBatchDelay === true : false;
  } catch {
    return false;
  }
}

/**
 * A workspace's settings of one feature (hunting, sites, messaging…), kept as JSON in D1's
 * `workspace_setting` by key. Reading gives the feature's schema-checked value, or its defaults
 * when nothing was saved or what was saved no longer reads (a feature's settings change shape).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { workspaceSetting } from "../schema/db";
import type { Db } from "./db";

/** The stored settings under `key` as `schema` reads them, else `defaults`. */
export async function readStoredSettings<T>(
  db: Db,
  workspaceId: string,
  key: string,
  schema: z.ZodType<T>,
  defaults: () => T,
): Promise<T> {
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, key)),
  });
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    stored = {};
  }
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : defaults();
}

/** Saves the settings under `key`; with `onlyIfMissing`, settings already saved are kept (a seed). */
export async function saveStoredSettings(
  db: Db,
  workspaceId: string,
  key: string,
  value: unknown,
  updatedBy: string | null,
  onlyIfMissing = false,
): Promise<void> {
  const row = { value: JSON.stringify(value), updatedBy, updatedAt: new Date() };
  const insert = db.insert(workspaceSetting).values({ workspaceId, key, ...row });
  const target = [workspaceSetting.workspaceId, workspaceSetting.key];
  await (onlyIfMissing ? insert.onConflictDoNothing({ target }) : insert.onConflictDoUpdate({ target, set: row }));
}

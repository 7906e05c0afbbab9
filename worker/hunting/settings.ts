/**
 * A workspace's hunting settings (cooldown, reviews, default source, the schedule, lead scoring),
 * kept as JSON in D1's `workspace_setting` under "hunting". Missing or unreadable settings are
 * the defaults, so a workspace that never opened the settings page hunts as documented.
 */
import { and, eq } from "drizzle-orm";
import { workspaceSetting } from "../../schema/db";
import { HuntingSettings, type HuntingSettingsInput } from "../../schema/hunting-api";
import { describeIssues } from "../api/errors";
import type { Db } from "../db";
import { HuntingInputError } from "./errors";

const KEY = "hunting";

export async function readHuntingSettings(db: Db, workspaceId: string): Promise<HuntingSettings> {
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, KEY)),
  });
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    stored = {};
  }
  const parsed = HuntingSettings.safeParse(stored);
  return parsed.success ? parsed.data : HuntingSettings.parse({});
}

/**
 * Applies a change (whole top-level sections replace the stored ones) and stores the result.
 * Returns it; a change that does not read as settings is refused, naming the field.
 */
export async function writeHuntingSettings(
  db: Db,
  workspaceId: string,
  change: HuntingSettingsInput,
  updatedBy: string | null,
): Promise<HuntingSettings> {
  const current = await readHuntingSettings(db, workspaceId);
  const parsed = HuntingSettings.safeParse({ ...current, ...change });
  if (!parsed.success) throw new HuntingInputError(describeIssues(parsed.error.issues));
  const next = parsed.data;
  const row = { value: JSON.stringify(next), updatedBy, updatedAt: new Date() };
  await db
    .insert(workspaceSetting)
    .values({ workspaceId, key: KEY, ...row })
    .onConflictDoUpdate({ target: [workspaceSetting.workspaceId, workspaceSetting.key], set: row });
  return next;
}

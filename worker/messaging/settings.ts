/**
 * A workspace's messaging settings (the sender, the provider of each channel), kept as JSON in
 * D1's `workspace_setting` under "messaging". Missing or unreadable settings are the defaults:
 * no sender yet, and the keyless outbox for email and SMS.
 */
import { and, eq } from "drizzle-orm";
import { workspaceSetting } from "../../schema/db";
import { MessagingSettings, type MessagingSettingsInput } from "../../schema/messaging-api";
import type { Db } from "../db";

const KEY = "messaging";

export async function readMessagingSettings(db: Db, workspaceId: string): Promise<MessagingSettings> {
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, KEY)),
  });
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    stored = {};
  }
  const parsed = MessagingSettings.safeParse(stored);
  return parsed.success ? parsed.data : MessagingSettings.parse({});
}

/** The settings a change makes: each section's given fields replace the current ones. */
export function nextMessagingSettings(current: MessagingSettings, change: MessagingSettingsInput): MessagingSettings {
  return MessagingSettings.parse({
    sender: { ...current.sender, ...change.sender },
    providers: { ...current.providers, ...change.providers },
  });
}

/** Saves the settings; with `onlyIfMissing`, settings already saved are kept (the demo's seed). */
export async function saveMessagingSettings(
  db: Db,
  workspaceId: string,
  settings: MessagingSettings,
  updatedBy: string | null,
  onlyIfMissing = false,
): Promise<void> {
  const row = { value: JSON.stringify(settings), updatedBy, updatedAt: new Date() };
  const insert = db.insert(workspaceSetting).values({ workspaceId, key: KEY, ...row });
  const target = [workspaceSetting.workspaceId, workspaceSetting.key];
  await (onlyIfMissing ? insert.onConflictDoNothing({ target }) : insert.onConflictDoUpdate({ target, set: row }));
}

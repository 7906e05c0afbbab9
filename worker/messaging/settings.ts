/**
 * A workspace's messaging settings (the sender, the provider of each channel), kept as JSON in
 * D1's `workspace_setting` under "messaging". Missing or unreadable settings are the defaults:
 * no sender yet, and the keyless outbox for email and SMS.
 */
import { MessagingSettings, type MessagingSettingsInput } from "../../schema/messaging-api";
import type { Db } from "../db";
import { readStoredSettings, saveStoredSettings } from "../stored-settings";

const KEY = "messaging";

export async function readMessagingSettings(db: Db, workspaceId: string): Promise<MessagingSettings> {
  return readStoredSettings(db, workspaceId, KEY, MessagingSettings, () => MessagingSettings.parse({}));
}

/** The settings a change makes: each section's given fields replace the current ones. */
export function nextMessagingSettings(current: MessagingSettings, change: MessagingSettingsInput): MessagingSettings {
  return MessagingSettings.parse({
    sender: { ...current.sender, ...change.sender },
    providers: { ...current.providers, ...change.providers },
    pace: { ...current.pace, ...change.pace },
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
  await saveStoredSettings(db, workspaceId, KEY, settings, updatedBy, onlyIfMissing);
}

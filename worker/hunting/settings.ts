/**
 * A workspace's hunting settings (cooldown, reviews, default source, the schedule, lead scoring),
 * kept as JSON in D1's `workspace_setting` under "hunting". Missing or unreadable settings are
 * the defaults, so a workspace that never opened the settings page hunts as documented.
 */
import { HuntingSettings, type HuntingSettingsInput } from "../../schema/hunting-api";
import { describeIssues } from "../api/errors";
import type { Db } from "../db";
import { readStoredSettings, saveStoredSettings } from "../stored-settings";
import { HuntingInputError } from "./errors";

const KEY = "hunting";

export async function readHuntingSettings(db: Db, workspaceId: string): Promise<HuntingSettings> {
  return readStoredSettings(db, workspaceId, KEY, HuntingSettings, () => HuntingSettings.parse({}));
}

/**
 * The settings a change makes (whole top-level sections replace the current ones); a change that
 * does not read as settings is refused, naming the field.
 */
export function nextHuntingSettings(current: HuntingSettings, change: HuntingSettingsInput): HuntingSettings {
  const parsed = HuntingSettings.safeParse({ ...current, ...change });
  if (!parsed.success) throw new HuntingInputError(describeIssues(parsed.error.issues));
  return parsed.data;
}

export async function saveHuntingSettings(
  db: Db,
  workspaceId: string,
  settings: HuntingSettings,
  updatedBy: string | null,
): Promise<void> {
  await saveStoredSettings(db, workspaceId, KEY, settings, updatedBy);
}

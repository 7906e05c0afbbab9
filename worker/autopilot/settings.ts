/**
 * A workspace's autopilot settings (the switch, schedules, caps, budgets, thresholds), kept as
 * JSON in D1's `workspace_setting` under "autopilot". Missing or unreadable settings are the
 * defaults: autopilot off, the brief's schedules and caps, no budgets.
 */
import { type AutopilotInput, AutopilotSettings } from "../../schema/autopilot";
import { describeIssues } from "../api/errors";
import type { Db } from "../db";
import { readStoredSettings, saveStoredSettings } from "../stored-settings";

export const AUTOPILOT_SETTINGS_KEY = "autopilot";

/** A change the settings cannot take, naming the field. */
export class AutopilotInputError extends Error {}

export const defaultAutopilotSettings = (): AutopilotSettings => AutopilotSettings.parse({});

export async function readAutopilotSettings(db: Db, workspaceId: string): Promise<AutopilotSettings> {
  return readStoredSettings(db, workspaceId, AUTOPILOT_SETTINGS_KEY, AutopilotSettings, defaultAutopilotSettings);
}

/** The settings a change makes: schedules and caps merge by key, budgets replace, the rest as given. */
export function nextAutopilotSettings(current: AutopilotSettings, change: AutopilotInput): AutopilotSettings {
  const schedules = { ...current.schedules };
  for (const [name, schedule] of Object.entries(change.schedules ?? {}))
    schedules[name as keyof typeof schedules] = { ...schedules[name as keyof typeof schedules], ...schedule };
  const parsed = AutopilotSettings.safeParse({
    ...current,
    enabled: change.enabled,
    schedules,
    caps: { ...current.caps, ...change.caps },
    budgets: change.budgets ?? current.budgets,
    stuckAfterMinutes: change.stuckAfterMinutes ?? current.stuckAfterMinutes,
    alertWebhook: change.alertWebhook === undefined ? current.alertWebhook : change.alertWebhook,
  });
  if (!parsed.success) throw new AutopilotInputError(describeIssues(parsed.error.issues));
  return parsed.data;
}

export async function saveAutopilotSettings(
  db: Db,
  workspaceId: string,
  settings: AutopilotSettings,
  updatedBy: string | null,
): Promise<void> {
  await saveStoredSettings(db, workspaceId, AUTOPILOT_SETTINGS_KEY, settings, updatedBy);
}

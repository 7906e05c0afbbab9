/**
 * A workspace's site settings, kept as JSON in D1's `workspace_setting` under "sites". Missing or
 * unreadable settings are the defaults (`automation/sites/agents/settings.ts`), so a workspace
 * that never changed them generates as documented.
 */
import { DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS } from "../../automation/sites/agents";
import { SiteSettings, type SiteSettingsChange } from "../../schema/site-settings";
import type { Db } from "../db";
import { readStoredSettings, saveStoredSettings } from "../stored-settings";

const KEY = "sites";

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  models: DEFAULT_SITE_MODELS,
  maxTokens: DEFAULT_SITE_MAX_TOKENS,
  allowBatchDelay: false,
  allowedHosts: [],
};

/** The settings a change makes: per agent, a model or limit named replaces that agent's only. */
export function nextSiteSettings(current: SiteSettings, change: SiteSettingsChange): SiteSettings {
  return SiteSettings.parse({
    models: { ...current.models, ...change.models },
    maxTokens: { ...current.maxTokens, ...change.maxTokens },
    allowBatchDelay: change.allowBatchDelay ?? current.allowBatchDelay,
    allowedHosts: change.allowedHosts ?? current.allowedHosts,
  });
}

export async function readSiteSettings(db: Db, workspaceId: string): Promise<SiteSettings> {
  return readStoredSettings(db, workspaceId, KEY, SiteSettings, () => DEFAULT_SITE_SETTINGS);
}

export async function saveSiteSettings(
  db: Db,
  workspaceId: string,
  settings: SiteSettings,
  updatedBy: string | null,
): Promise<void> {
  await saveStoredSettings(db, workspaceId, KEY, settings, updatedBy);
}

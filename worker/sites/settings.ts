/**
 * A workspace's site settings, kept as JSON in D1's `workspace_setting` under "sites". Missing or
 * unreadable settings are the defaults (`automation/sites/agents/settings.ts`), so a workspace
 * that never changed them generates as documented.
 */
import { and, eq } from "drizzle-orm";
import { DEFAULT_SITE_MAX_TOKENS, DEFAULT_SITE_MODELS } from "../../automation/sites/agents";
import { workspaceSetting } from "../../schema/db";
import { SiteSettings, type SiteSettingsChange } from "../../schema/site-settings";
import type { Db } from "../db";

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
  const row = await db.query.workspaceSetting.findFirst({
    where: and(eq(workspaceSetting.workspaceId, workspaceId), eq(workspaceSetting.key, KEY)),
  });
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    stored = {};
  }
  const parsed = SiteSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SITE_SETTINGS;
}

export async function saveSiteSettings(
  db: Db,
  workspaceId: string,
  settings: SiteSettings,
  updatedBy: string | null,
): Promise<void> {
  const row = { value: JSON.stringify(settings), updatedBy, updatedAt: new Date() };
  await db
    .insert(workspaceSetting)
    .values({ workspaceId, key: KEY, ...row })
    .onConflictDoUpdate({ target: [workspaceSetting.workspaceId, workspaceSetting.key], set: row });
}

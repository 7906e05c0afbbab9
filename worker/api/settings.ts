/**
 * Workspace settings: provider secrets, stored encrypted, and messaging's sender and providers.
 * Any member sees which secrets are set (and a hint) and the sender; only owners change them;
 * nobody reads a secret back in clear through the API.
 */
import { and, eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { warmUpSchedule } from "../../automation/messaging/pace";
import { SECRET_KEYS, SECRET_LABELS, type SecretKey, type SecretStatus, UpdateSettings } from "../../schema/api";
import { workspaceSecret } from "../../schema/db";
import { decryptSecret, encryptSecret, importSettingsKey, secretHint } from "../auth/secrets";
import type { Db } from "../db";
import { nextMessagingSettings, readMessagingSettings, saveMessagingSettings } from "../messaging/settings";
import { requireWorkspace } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { readBody } from "./errors";

const slot = (workspaceId: string, key: SecretKey) => `${workspaceId}:${key}`;

async function statuses(db: Db, workspaceId: string): Promise<SecretStatus[]> {
  const rows = await db.query.workspaceSecret.findMany({ where: eq(workspaceSecret.workspaceId, workspaceId) });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SECRET_KEYS.map((key) => {
    const row = byKey.get(key);
    return {
      key,
      label: SECRET_LABELS[key],
      set: Boolean(row),
      hint: row?.hint ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

/**
 * Several provider secrets in clear in one read (a webhook's hot path needs three), each null when
 * not set; for the edge's own use, never for responses.
 */
export async function readWorkspaceSecrets<K extends SecretKey>(
  env: Env,
  db: Db,
  workspaceId: string,
  keys: readonly K[],
): Promise<Record<K, string | null>> {
  const rows = await db.query.workspaceSecret.findMany({
    where: and(eq(workspaceSecret.workspaceId, workspaceId), inArray(workspaceSecret.key, [...keys])),
  });
  const settingsKey = rows.length ? await importSettingsKey(env.SETTINGS_KEY) : null;
  const out = Object.fromEntries(keys.map((k) => [k, null])) as Record<K, string | null>;
  for (const row of rows)
    out[row.key as K] = await decryptSecret(settingsKey!, slot(workspaceId, row.key as K), row.ciphertext);
  return out;
}

/** A provider secret in clear, for the edge's own use (automation jobs), never for responses. */
export async function readWorkspaceSecret(env: Env, db: Db, workspaceId: string, key: SecretKey) {
  const row = await db.query.workspaceSecret.findFirst({
    where: and(eq(workspaceSecret.workspaceId, workspaceId), eq(workspaceSecret.key, key)),
  });
  if (!row) return null;
  return decryptSecret(await importSettingsKey(env.SETTINGS_KEY), slot(workspaceId, key), row.ciphertext);
}

/** Stores a provider secret encrypted (`null` deletes it); `key` is the imported settings key. */
export async function writeWorkspaceSecret(
  db: Db,
  key: CryptoKey,
  workspaceId: string,
  name: SecretKey,
  value: string | null,
  updatedBy: string | null,
): Promise<void> {
  const where = and(eq(workspaceSecret.workspaceId, workspaceId), eq(workspaceSecret.key, name));
  if (value === null) {
    await db.delete(workspaceSecret).where(where);
    return;
  }
  const row = {
    ciphertext: await encryptSecret(key, slot(workspaceId, name), value),
    hint: secretHint(value),
    updatedBy,
    updatedAt: new Date(),
  };
  await db
    .insert(workspaceSecret)
    .values({ workspaceId, key: name, ...row })
    .onConflictDoUpdate({ target: [workspaceSecret.workspaceId, workspaceSecret.key], set: row });
}

export const settingsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { workspace, role } = await requireWorkspace(c, "read");
    const db = c.get("db");
    const messaging = await readMessagingSettings(db, workspace.id);
    return c.json({
      workspace: { name: workspace.name, slug: workspace.slug },
      role,
      secrets: await statuses(db, workspace.id),
      ...messaging,
      // The ramp a sender starting today would follow, for people to read beside the pace.
      warmUpSchedule: warmUpSchedule(messaging.pace, new Date()),
    });
  })
  .patch("/", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const { secrets = {}, sender, providers, pace } = await readBody(c, UpdateSettings);
    const db = c.get("db");
    const key = await importSettingsKey(c.env.SETTINGS_KEY);
    const wsId = access.workspace.id;
    const changed: string[] = [];
    const cleared: string[] = [];
    const updatedBy = access.actor.kind === "user" ? access.actor.userId : null;
    for (const name of SECRET_KEYS) {
      const value = secrets[name];
      if (value === undefined) continue;
      await writeWorkspaceSecret(db, key, wsId, name, value, updatedBy);
      (value === null ? cleared : changed).push(name);
    }
    if (changed.length || cleared.length)
      await audit(db, access, "settings.secrets_changed", null, { changed, cleared });
    let messaging = await readMessagingSettings(db, wsId);
    if (sender || providers || pace) {
      messaging = nextMessagingSettings(messaging, { sender, providers, pace });
      await saveMessagingSettings(db, wsId, messaging, updatedBy);
      await audit(db, access, "settings.messaging_changed", null, { ...messaging });
    }
    return c.json({ secrets: await statuses(db, wsId), ...messaging });
  });

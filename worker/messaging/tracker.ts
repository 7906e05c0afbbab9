/**
 * The Worker's tracking settings: the app's public origin, whether it is served locally (links
 * may then be plain http), and the key that signs and checks tracking tokens (open pixel, tracked
 * links, unsubscribe links). The key is derived (HKDF, its own info string) from `SETTINGS_KEY`,
 * the secret that already encrypts workspace settings, so a deployment needs no second secret and
 * every token stays valid across restarts.
 */

import type { Tracker } from "../../automation/messaging/tracked-email";
import { hashIp, trackingKey } from "../../automation/messaging/tracking";

let cached: { secret: string; key: Promise<CryptoKey> } | null = null;

/** The key for `env`, derived once per isolate. */
export function trackingKeyOf(env: Env): Promise<CryptoKey> {
  if (cached?.secret !== env.SETTINGS_KEY) {
    const key = trackingKey(env.SETTINGS_KEY);
    // A refused secret is thrown to every caller, not cached as a rejected promise for good.
    key.catch(() => {
      cached = null;
    });
    cached = { secret: env.SETTINGS_KEY, key };
  }
  return cached.key;
}

export async function trackerOf(env: Env): Promise<Tracker> {
  return { appUrl: env.APP_URL, local: env.ROWPILOT_ENV === "local", key: await trackingKeyOf(env) };
}

/** Keeps the IP-hash salt apart from every other use of the tracking key. */
const IP_SALT_INFO = "rowpilot ip-hash salt v1";

/**
 * The Events log's hash of `ip`, salted per workspace with a value derived from the tracking key
 * (so no new secret, and hashes from two workspaces cannot be matched). Undefined without an IP.
 */
export async function ipHashOf(env: Env, workspaceId: string, ip: string | null): Promise<string | undefined> {
  if (!ip) return undefined;
  const mac = await crypto.subtle.sign(
    "HMAC",
    await trackingKeyOf(env),
    new TextEncoder().encode(`${IP_SALT_INFO}\u0000${workspaceId}`),
  );
  const salt = [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return hashIp(ip, salt);
}

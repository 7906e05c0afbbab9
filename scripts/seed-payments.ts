/**
 * With `RECURRENTE_URL` pointing at a stand-in on this machine (`npm run stand-in:recurrente`),
 * `npm start` connects the demo workspace to it, so a published demo site can be claimed and paid
 * end to end with no account: the stand-in's test keys are stored as the workspace's payments
 * keys when it has none, and its webhook endpoint is registered at the stand-in on every start
 * (a stand-in keeps nothing across restarts), the signing secret it returns stored as Settings
 * stores it. Never done for a real Recurrente: keys there are people's own, set in Settings.
 */
import { eq } from "drizzle-orm";
import { recurrenteClient } from "../automation/payments/recurrente/client";
import { STAND_IN_KEYS } from "../automation/payments/recurrente/test/fake-recurrente";
import { workspace } from "../schema/db";
import { readWorkspaceSecret, writeWorkspaceSecret } from "../worker/api/settings";
import { importSettingsKey } from "../worker/auth/secrets";
import { openLocal } from "./local-db";
import { DEMO } from "./seed";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether `url` names this machine: only a stand-in there gets the demo's test keys. */
export function isLocalStandIn(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The path Recurrente's webhooks for a workspace come to. */
export const hookPath = (slug: string) => `/hooks/payments/recurrente/${slug}`;

/** Connects the demo workspace to the stand-in at `recurrenteUrl`; returns what it did, for the start's summary. */
export async function connectDemoPayments(port: number, recurrenteUrl: string | undefined): Promise<string | null> {
  if (!isLocalStandIn(recurrenteUrl)) return null;
  const local = await openLocal();
  try {
    const ws = await local.db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) });
    if (!ws) return null;
    const key = await importSettingsKey(local.env.SETTINGS_KEY);
    const read = (name: "paymentsPublicKey" | "paymentsApiKey") =>
      readWorkspaceSecret(local.env, local.db, ws.id, name);
    if (!(await read("paymentsApiKey"))) {
      await writeWorkspaceSecret(local.db, key, ws.id, "paymentsPublicKey", STAND_IN_KEYS.publicKey, null);
      await writeWorkspaceSecret(local.db, key, ws.id, "paymentsApiKey", STAND_IN_KEYS.secretKey, null);
    }
    const [publicKey, secretKey] = [await read("paymentsPublicKey"), await read("paymentsApiKey")];
    const recurrente = recurrenteClient({
      publicKey: publicKey ?? "",
      secretKey: secretKey ?? "",
      baseUrl: recurrenteUrl,
    });
    const url = `http://localhost:${port}${hookPath(ws.slug)}`;
    const endpoint =
      (await recurrente.listWebhookEndpoints()).find((e) => e.url === url) ??
      (await recurrente.createWebhookEndpoint({ url, description: "Rowpilot demo" }));
    if (endpoint.signingSecret)
      await writeWorkspaceSecret(local.db, key, ws.id, "paymentsWebhookSecret", endpoint.signingSecret, null);
    return `Payments: the demo workspace pays through the Recurrente stand-in at ${recurrenteUrl}; its webhooks come to ${url}`;
  } catch (error) {
    return `Payments: could not connect the demo workspace to ${recurrenteUrl} (${(error as Error).message})`;
  } finally {
    await local.dispose();
  }
}

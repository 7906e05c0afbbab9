/**
 * A workspace's Recurrente account: the client made with its keys (the encrypted workspace secrets
 * `paymentsPublicKey` and `paymentsApiKey`) and the `RECURRENTE_URL` var, which points it at a
 * stand-in locally (`RECURRENTE_URL=http://127.0.0.1:4010/api npm start`).
 */
import { recurrenteClient } from "../../automation/payments/recurrente/client";
import type { Recurrente } from "../../automation/payments/recurrente/types";
import { readWorkspaceSecrets } from "../api/settings";
import type { Db } from "../db";

/** Payments are not set up: the workspace has no Recurrente keys. */
export class PaymentsNotSetUpError extends Error {
  override readonly name = "PaymentsNotSetUpError";
  constructor() {
    super("Payments are not set up: add the Recurrente public and secret keys in Settings");
  }
}

/** The workspace's Recurrente client, or null when either key is missing. */
export async function recurrenteOf(env: Env, db: Db, workspaceId: string): Promise<Recurrente | null> {
  const keys = await readWorkspaceSecrets(env, db, workspaceId, ["paymentsPublicKey", "paymentsApiKey"]);
  return recurrenteWith(env, keys);
}

/** A client from keys already read, or null when either is missing. */
export function recurrenteWith(
  env: Env,
  keys: { paymentsPublicKey: string | null; paymentsApiKey: string | null },
): Recurrente | null {
  const { paymentsPublicKey: publicKey, paymentsApiKey: secretKey } = keys;
  if (!publicKey || !secretKey) return null;
  return recurrenteClient({ publicKey, secretKey, baseUrl: env.RECURRENTE_URL || undefined });
}

/** The workspace's Recurrente client; throws `PaymentsNotSetUpError` when a key is missing. */
export async function requireRecurrente(env: Env, db: Db, workspaceId: string): Promise<Recurrente> {
  const client = await recurrenteOf(env, db, workspaceId);
  if (!client) throw new PaymentsNotSetUpError();
  return client;
}

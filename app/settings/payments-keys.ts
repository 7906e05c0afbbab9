/** The workspace secrets Recurrente needs, named as the settings API stores them (schema/api.ts). */
import type { SecretKey } from "../../schema/api";

export const PAYMENTS_SECRETS = {
  publicKey: "paymentsPublicKey",
  apiKey: "paymentsApiKey",
  webhookSecret: "paymentsWebhookSecret",
} as const satisfies Record<string, SecretKey>;

const KEYS: readonly SecretKey[] = Object.values(PAYMENTS_SECRETS);

/** Whether `key` is one of the Payments card's, not the general Provider keys card's. */
export const isPaymentsSecret = (key: SecretKey) => KEYS.includes(key);

/** What each key is called on Recurrente's side, so an owner finds it there. */
export const PAYMENTS_SECRET_FIELDS: { key: SecretKey; label: string; placeholder: string }[] = [
  { key: PAYMENTS_SECRETS.publicKey, label: "Public key", placeholder: "pk_live_… or pk_test_…" },
  { key: PAYMENTS_SECRETS.apiKey, label: "Secret key", placeholder: "sk_live_… or sk_test_…" },
  { key: PAYMENTS_SECRETS.webhookSecret, label: "Webhook signing secret", placeholder: "whsec_…" },
];

/**
 * The settings page's Payments forms: Recurrente's keys (the encrypted workspace secrets),
 * registering the webhook endpoint at Recurrente, and the past-due grace period. Each answer's
 * error is shown in the API's words.
 */
import type { RouterContextProvider } from "react-router";
import type { SecretKey } from "../../schema/api";
import type { WebhookEndpointAnswer } from "../../schema/payments-api";
import { billingApi } from "../billing/api";
import { apiSend } from "../lib/api.server";
import { isPaymentsSecret } from "./payments-keys";

export type PaymentsActionResult =
  | { done: string }
  | { error: string }
  | { webhook: WebhookEndpointAnswer }
  | { webhookError: string };

/** Handles the form when it is one of the Payments card's; null when it is not. */
export async function paymentsAction(
  context: Readonly<RouterContextProvider>,
  slug: string,
  form: FormData,
): Promise<PaymentsActionResult | null> {
  switch (form.get("intent")) {
    case "payments-keys": {
      const secrets = secretsOf(form);
      if (Object.keys(secrets).length === 0) return { error: "Enter a new value for at least one payments key." };
      const result = await apiSend(context, "PATCH", `/api/workspaces/${encodeURIComponent(slug)}/settings`, {
        secrets,
      });
      return result.ok ? { done: "Payments keys saved." } : { error: result.error.message };
    }
    case "payments-webhook": {
      const result = await apiSend<WebhookEndpointAnswer>(
        context,
        "POST",
        billingApi(slug, "/api/billing/webhook-endpoint"),
      );
      return result.ok ? { webhook: result.value } : { webhookError: result.error.message };
    }
    case "payments-grace": {
      const graceDays = Number(form.get("graceDays"));
      const result = await apiSend(context, "PUT", billingApi(slug, "/api/billing/settings"), { graceDays });
      return result.ok ? { done: "Grace period saved." } : { error: result.error.message };
    }
    default:
      return null;
  }
}

/** The keys typed in (blank ones kept as they are) and the one a Remove button clears. */
function secretsOf(form: FormData): Partial<Record<SecretKey, string | null>> {
  const secrets: Partial<Record<SecretKey, string | null>> = {};
  for (const [name, value] of form) {
    const key = name.slice("secret:".length) as SecretKey;
    if (!name.startsWith("secret:") || !isPaymentsSecret(key)) continue;
    const text = String(value).trim();
    if (text) secrets[key] = text;
  }
  const clear = form.get("clear") as SecretKey | null;
  if (clear && isPaymentsSecret(clear)) secrets[clear] = null;
  return secrets;
}

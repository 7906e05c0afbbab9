/**
 * Billing's own routes under `/api/billing` (the workspace chosen as for `/api/tables`): the
 * billing tables' ids, the revenue report, the billing settings (grace period) and registering the workspace's
 * webhook endpoint at Recurrente, whose signing secret is then stored as the workspace's
 * `paymentsWebhookSecret`.
 */
import { Hono } from "hono";
import type { WebhookEndpoint } from "../../automation/payments/recurrente/types";
import { BillingSettings, type WebhookEndpointAnswer } from "../../schema/payments-api";
import { importSettingsKey } from "../auth/secrets";
import { BILLING_SETTINGS_KEY, readBillingSettings } from "../payments/grace";
import { requireRecurrente } from "../payments/recurrente";
import { readBillingReport } from "../payments/report-data";
import { fromPaymentsError, SubscriptionOpError } from "../payments/subscriptions";
import { findBilling } from "../payments/tables";
import { saveStoredSettings } from "../stored-settings";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { publicOrigin } from "./origin";
import { writeWorkspaceSecret } from "./settings";
import { workspaceFor } from "./tables";

/** Where Recurrente posts the workspace's events (`worker/payments/hooks.ts` answers there). */
export const webhookUrl = (origin: string, slug: string) => `${origin}/hooks/payments/recurrente/${slug}`;

export const billingRoutes = new Hono<AppEnv>()
  /** The billing tables' ids by what they are (plans, customers…), or null before billing was used. */
  .get("/tables", async (c) => {
    const access = await workspaceFor(c, "read");
    const billing = await findBilling(c.env, c.get("db"), access.workspace.id);
    return c.json(billing ? billing.ids : null);
  })
  .get("/report", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await readBillingReport(c.env, c.get("db"), access.workspace.id));
  })
  .get("/settings", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(await readBillingSettings(c.get("db"), access.workspace.id));
  })
  .put("/settings", async (c) => {
    const access = await workspaceFor(c, "manage");
    const settings = await readBody(c, BillingSettings);
    const db = c.get("db");
    const by = access.actor.kind === "user" ? access.actor.userId : null;
    await saveStoredSettings(db, access.workspace.id, BILLING_SETTINGS_KEY, settings, by);
    await audit(db, access, "billing.settings_changed", null, { ...settings });
    return c.json(settings);
  })
  .post("/webhook-endpoint", async (c) => {
    const access = await workspaceFor(c, "manage");
    const db = c.get("db");
    const url = webhookUrl(publicOrigin(c.env, c.req.url), access.workspace.slug);
    let endpoint: WebhookEndpoint;
    try {
      const recurrente = await requireRecurrente(c.env, db, access.workspace.id).catch(fromPaymentsError);
      const existing = (await recurrente.listWebhookEndpoints().catch(fromPaymentsError)).find((e) => e.url === url);
      endpoint =
        existing ??
        (await recurrente
          .createWebhookEndpoint({ url, description: `Rowpilot: ${access.workspace.name}` })
          .catch(fromPaymentsError));
    } catch (error) {
      if (error instanceof SubscriptionOpError) fail(error.status, error.message);
      throw error;
    }
    const secretStored = endpoint.signingSecret !== null;
    if (endpoint.signingSecret) {
      const key = await importSettingsKey(c.env.SETTINGS_KEY);
      const by = access.actor.kind === "user" ? access.actor.userId : null;
      await writeWorkspaceSecret(db, key, access.workspace.id, "paymentsWebhookSecret", endpoint.signingSecret, by);
    }
    await audit(db, access, "billing.webhook_registered", endpoint.id, { url, secretStored });
    const answer: WebhookEndpointAnswer = { endpointId: endpoint.id, url, secretStored };
    return c.json(answer);
  });

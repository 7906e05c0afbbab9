/**
 * Provider webhooks: `POST /hooks/email/:provider/:slug` (resend, postmark, sendgrid, ses) and
 * `POST /hooks/sms/twilio/:slug`. Delivery events move the message's row along, hard bounces and
 * complaints suppress the address, replies become inbound rows, SMS STOP suppresses the number.
 * What each provider sends and how to register the URL: docs/messaging-webhooks.md.
 */
import { Hono } from "hono";
import type { WebhookRequest } from "../../../automation/messaging/webhooks";
import type { AppEnv } from "../../api/context";
import { fail } from "../../api/errors";
import { publicOrigin } from "../../api/origin";
import { readMessagingSettings } from "../settings";
import { type Applied, applyEvent } from "./apply";
import { EMAIL_HOOK_PROVIDERS, type EmailHookProvider } from "./providers";
import { applyFresh, receive } from "./receive";
import { receiveSms, twiml } from "./sms-keywords";
import { confirmSubscription, subscriptionUrl } from "./sns-subscription";

const isEmailProvider = (name: string): name is EmailHookProvider =>
  (EMAIL_HOOK_PROVIDERS as readonly string[]).includes(name);

/** The raw body as bytes decoded once: signatures cover what was sent, and Twilio's is a form, not text/plain. */
async function webhookRequest(c: { req: { raw: Request } }, url: string): Promise<WebhookRequest> {
  return { url, headers: c.req.raw.headers, body: new TextDecoder().decode(await c.req.raw.arrayBuffer()) };
}

const count = (results: Applied[], type: Applied["type"]) => results.filter((r) => r.type === type).length;

export const messagingHookRoutes = new Hono<AppEnv>()
  .post("/email/:provider/:slug", async (c) => {
    const provider = c.req.param("provider");
    if (!isEmailProvider(provider))
      fail(404, `Unknown email provider "${provider}": use ${EMAIL_HOOK_PROVIDERS.join(", ")}`);
    const now = new Date();
    const request = await webhookRequest(c, c.req.url);
    const received = await receive(c, provider, "emailWebhookSecret", request, now);
    if (provider === "ses") {
      const confirmUrl = subscriptionUrl(request.body);
      if (confirmUrl) return c.json(await confirmSubscription(confirmUrl));
    }
    const { replayed, results } = await applyFresh(c, received, provider, now, (messaging, event) =>
      applyEvent(c.env, messaging, event),
    );
    return c.json({
      received: received.events.length,
      applied: count(results, "event") + count(results, "inbound"),
      replayed,
      unknownMessages: count(results, "unknown_message"),
    });
  })
  .post("/sms/twilio/:slug", async (c) => {
    const now = new Date();
    // Twilio signs the URL it called, as configured there: the public origin, path and query.
    const url = new URL(c.req.url);
    const signedUrl = `${publicOrigin(c.env, c.req.url)}${url.pathname}${url.search}`;
    const received = await receive(c, "twilio", "smsWebhookSecret", await webhookRequest(c, signedUrl), now);
    const { sender } = await readMessagingSettings(c.get("db"), received.workspace.id);
    const name = sender.fromName || received.workspace.name;
    const { results } = await applyFresh(c, received, "twilio", now, async (messaging, event) => {
      if (event.type === "inbound") return receiveSms(messaging, event, name);
      await applyEvent(c.env, messaging, event);
      return null;
    });
    const reply = results.find((r) => r !== null) ?? null;
    return c.body(twiml(reply), 200, { "content-type": "text/xml; charset=utf-8" });
  });

/**
 * The sender's domain check over HTTP (`GET /api/messaging/domain`): SPF, DKIM and DMARC of the
 * domain of the workspace's From address, for its email provider, looked up over DNS over HTTPS
 * at `DOH_URL`. The workspace is chosen as for `/api/tables`.
 */
import { Hono } from "hono";
import { checkDomain, DohError, dohResolver, domainOf } from "../messaging/domain";
import { readMessagingSettings } from "../messaging/settings";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { workspaceFor } from "./tables";

export const messagingDomainRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const access = await workspaceFor(c, "read");
  const { sender, providers } = await readMessagingSettings(c.get("db"), access.workspace.id);
  const domain = domainOf(sender.fromEmail);
  if (!domain) fail(400, "Set the sender's from email in Settings → Messaging first: its domain is what is checked");
  try {
    return c.json(await checkDomain(dohResolver(c.env.DOH_URL), domain, providers.email));
  } catch (error) {
    if (error instanceof DohError) fail(502, error.message);
    throw error;
  }
});

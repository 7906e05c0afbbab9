/**
 * The Worker's HTTP surface: `/api` (JSON), `/sync` (WebSocket upgrades to TableRoom), `/t`
 * (tracking pixel and links), `/u` (unsubscribe), `/s` (generated sites; with `SITES_DOMAIN`, `<slug>.<SITES_DOMAIN>` too), `/hooks` (inbound webhooks, trigger rules started by
 * webhook); everything else goes to the React Router app through `renderApp`.
 */
import { Hono } from "hono";
import { auditRoutes } from "./api/audit";
import { autopilotRoutes } from "./api/autopilot";
import { billingRoutes } from "./api/billing";
import { customerRoutes, paymentRoutes, subscriptionRoutes } from "./api/billing-lists";
import { buttonRoutes } from "./api/buttons";
import type { AppEnv } from "./api/context";
import { fail, onError } from "./api/errors";
import { fileRoutes } from "./api/files";
import { businessRoutes, huntingRoutes, territoryRoutes } from "./api/hunting";
import { inboxRoutes, replyRoutes } from "./api/inbox";
import { invitationLinkRoutes, workspaceInvitationRoutes } from "./api/invitations";
import { journeyRoutes } from "./api/journeys";
import { journeyLeadRoutes } from "./api/journeys-leads";
import { memberRoutes } from "./api/members";
import { campaignRoutes, messageRoutes, outboxRoutes } from "./api/messages";
import { messagingDomainRoutes } from "./api/messaging-domain";
import { messagingHealthRoutes } from "./api/messaging-health";
import { messagingStatsRoutes } from "./api/messaging-stats";
import { publicOrigin } from "./api/origin";
import { pipelineRoutes } from "./api/pipeline";
import { projectRoutes } from "./api/projects";
import { workspaceRunRoutes } from "./api/runs";
import { settingsRoutes } from "./api/settings";
import { siteApiRoutes } from "./api/sites";
import { tableRoutes } from "./api/tables";
import { tokenRoutes } from "./api/tokens";
import { triggerRoutes } from "./api/triggers";
import { meRoutes, workspaceRoutes } from "./api/workspaces";
import { actorMiddleware } from "./auth/actor";
import { type Auth, createAuth } from "./auth/auth";
import { originGuard } from "./auth/origin";
import { chatRoutes } from "./chat/routes";
import { getDb } from "./db";
import { journeyHookRoutes } from "./hooks/journey";
import { triggerHookRoutes } from "./hooks/trigger";
import { messagingHookRoutes } from "./messaging/hooks";
import { trackingRoutes, unsubscribeRoutes } from "./messaging/tracking-routes";
import { claimApiRoutes } from "./payments/claim/routes";
import { paymentHookRoutes } from "./payments/hooks";
import { planRoutes } from "./payments/plans";
import { siteHost } from "./sites/host";
import { siteRoutes } from "./sites/serve";
import { syncRoutes } from "./sync/routes";

/** Renders a page; `self` calls this same app in-process (loaders use it to reach `/api`). */
export type RenderApp = (
  request: Request,
  env: Env,
  ctx: ExecutionContext,
  self: (request: Request) => Promise<Response>,
) => Promise<Response>;

function api() {
  return new Hono<AppEnv>()
    .use(originGuard)
    .on(["GET", "POST"], "/auth/*", (c) => c.get("auth")().handler(c.req.raw))
    .use(actorMiddleware)
    .route("/me", meRoutes)
    .route("/workspaces", workspaceRoutes)
    .route("/workspaces/:slug/members", memberRoutes)
    .route("/workspaces/:slug/invitations", workspaceInvitationRoutes)
    .route("/workspaces/:slug/tokens", tokenRoutes)
    .route("/workspaces/:slug/settings", settingsRoutes)
    .route("/workspaces/:slug/audit", auditRoutes)
    .route("/invitations", invitationLinkRoutes)
    .route("/tables/:id/triggers", triggerRoutes)
    .route("/tables/:id/rows/:rowId/buttons", buttonRoutes)
    .route("/tables/:id/files", fileRoutes)
    .route("/triggers", workspaceRunRoutes)
    .route("/tables", tableRoutes)
    .route("/projects", projectRoutes)
    .route("/territories", territoryRoutes)
    .route("/businesses", businessRoutes)
    .route("/hunting", huntingRoutes)
    .route("/sites", siteApiRoutes)
    .route("/claims", claimApiRoutes)
    .route("/billing/plans", planRoutes)
    .route("/messages", replyRoutes)
    .route("/inbox", inboxRoutes)
    .route("/messages", messageRoutes)
    .route("/outbox", outboxRoutes)
    .route("/campaigns", campaignRoutes)
    .route("/messaging/health", messagingHealthRoutes)
    .route("/messaging/domain", messagingDomainRoutes)
    .route("/messaging/stats", messagingStatsRoutes)
    .route("/billing", billingRoutes)
    .route("/customers", customerRoutes)
    .route("/subscriptions", subscriptionRoutes)
    .route("/payments", paymentRoutes)
    .route("/journeys", journeyLeadRoutes)
    .route("/journeys", journeyRoutes)
    .route("/pipeline", pipelineRoutes)
    .route("/autopilot", autopilotRoutes)
    .all("*", () => fail(404, "No such API route"));
}

export function createApp(renderApp: RenderApp) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  // Before anything of the app: a site's own host gets its site and nothing else.
  app.use("*", siteHost);
  app.use("*", async (c, next) => {
    const db = getDb(c.env.DB);
    c.set("db", db);
    let auth: Auth | undefined;
    c.set("auth", () => {
      auth ??= createAuth({
        db,
        baseURL: publicOrigin(c.env, c.req.url),
        secret: c.env.BETTER_AUTH_SECRET,
        deliverSignInLink: (email, url) => deliverSignInLink(c.env, email, url),
      });
      return auth;
    });
    await next();
  });
  app.route("/api", api());
  app.route("/sync", syncRoutes);
  app.route("/chat", chatRoutes);
  app.route("/t", trackingRoutes);
  app.route("/u", unsubscribeRoutes);
  app.route("/s", siteRoutes);
  app.route("/hooks/trigger", triggerHookRoutes);
  app.route("/hooks/journey", journeyHookRoutes);
  app.route("/hooks/payments", paymentHookRoutes);
  app.route("/hooks", messagingHookRoutes);
  app.all("/hooks/*", () => fail(404, "Unknown webhook"));
  app.all("*", (c) => {
    const ctx = c.executionCtx as ExecutionContext;
    return renderApp(c.req.raw, c.env, ctx, async (request) => app.fetch(request, c.env, ctx));
  });
  return app;
}

/** Local mode prints sign-in links where the operator sees them; production never logs them. */
function deliverSignInLink(env: Env, email: string, url: string) {
  if (env.ROWPILOT_ENV === "local") console.log(`\nSign-in link for ${email}:\n  ${url}\n`);
  else console.warn("rowpilot: sign-in link requested but no email channel is configured", email);
}

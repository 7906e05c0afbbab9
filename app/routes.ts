import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  layout("routes/auth-layout.tsx", [
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("sign-in/link-error", "routes/link-error.tsx"),
    route("invite/:token", "routes/invite.tsx"),
    route("new", "routes/new-workspace.tsx"),
  ]),
  route("sign-out", "routes/sign-out.tsx"),
  route("offline", "routes/offline.tsx"),
  route("w/:slug", "routes/workspace.tsx", [
    index("routes/workspace-home.tsx"),
    route("projects", "routes/projects.tsx"),
    route("projects/new", "routes/projects-new.tsx"),
    route("projects/:projectId", "routes/projects-detail.tsx"),
    route("projects/:projectId/edit", "routes/projects-edit.tsx"),
    route("hunting", "routes/hunting.tsx"),
    route("hunting/scoring", "routes/hunting-scoring.tsx"),
    route("sites", "routes/sites.tsx"),
    route("messages", "routes/messages.tsx"),
    route("inbox", "routes/inbox.tsx"),
    route("campaigns", "routes/campaigns.tsx"),
    route("billing", "routes/billing.tsx"),
    route("members", "routes/members.tsx"),
    route("tokens", "routes/tokens.tsx"),
    route("settings", "routes/settings.tsx"),
    route("activity", "routes/activity.tsx"),
    route("automations", "routes/automations.tsx"),
    route("t/:tableId", "routes/table.tsx"),
  ]),
] satisfies RouteConfig;

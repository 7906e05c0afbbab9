/**
 * The permission check every workspace route starts with: who the actor is in the workspace
 * named by the URL, refused with 401 (nobody), 404 (no such workspace) or 403 (not a member,
 * another workspace's token, or a role too low for the action).
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { membership, workspace } from "../../schema/db";
import { can, type Permission, type Role } from "../../schema/roles";
import type { Actor, AppEnv } from "./context";
import { fail } from "./errors";

export type Access = {
  workspace: typeof workspace.$inferSelect;
  role: Role;
  actor: Exclude<Actor, { kind: "anonymous" }>;
};

export function requireActor(c: Context<AppEnv>): Access["actor"] {
  const actor = c.get("actor");
  if (actor.kind === "anonymous") fail(401, "Sign in or send an API token");
  return actor;
}

export function requireUser(c: Context<AppEnv>): Extract<Actor, { kind: "user" }> {
  const actor = requireActor(c);
  if (actor.kind !== "user") fail(403, "This action needs a signed-in user, not an API token");
  return actor;
}

export async function requireWorkspace(c: Context<AppEnv>, permission: Permission): Promise<Access> {
  const ws = await c.get("db").query.workspace.findFirst({ where: eq(workspace.slug, c.req.param("slug") ?? "") });
  if (!ws) fail(404, "Workspace not found");
  return accessTo(c, ws, permission);
}

/** The actor's access to a workspace already loaded, refused unless it grants `permission`. */
export async function accessTo(c: Context<AppEnv>, ws: Access["workspace"], permission: Permission): Promise<Access> {
  const actor = requireActor(c);
  const role = await roleIn(c, actor, ws.id);
  if (!role) fail(403, "You are not a member of this workspace");
  if (!can(role, permission)) fail(403, `Your role (${role}) cannot ${permission} in this workspace`);
  return { workspace: ws, role, actor };
}

async function roleIn(c: Context<AppEnv>, actor: Access["actor"], workspaceId: string): Promise<Role | null> {
  if (actor.kind === "token") return actor.workspaceId === workspaceId ? actor.role : null;
  const row = await c.get("db").query.membership.findFirst({
    where: and(eq(membership.workspaceId, workspaceId), eq(membership.userId, actor.userId)),
  });
  return row?.role ?? null;
}

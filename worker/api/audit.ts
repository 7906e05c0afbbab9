/** The audit log: who changed membership, invitations, tokens or settings, and when. */
import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AuditEntry } from "../../schema/api";
import { auditLog, user } from "../../schema/db";
import { newId } from "../auth/tokens";
import type { Db } from "../db";
import { type Access, requireWorkspace } from "./access";
import type { Actor, AppEnv } from "./context";

const AUDIT_PAGE = 200;

/** Records `action` on `target`; an anonymous actor is something that happened by itself (a payment landed). */
export async function audit(
  db: Db,
  access: Pick<Access, "workspace"> & { actor: Actor },
  action: string,
  target: string | null,
  detail?: Record<string, unknown>,
) {
  const { actor } = access;
  await db.insert(auditLog).values({
    id: newId(),
    workspaceId: access.workspace.id,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorTokenId: actor.kind === "token" ? actor.tokenId : null,
    action,
    target,
    detail: detail ?? null,
    createdAt: new Date(),
  });
}

export const auditRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const { workspace } = await requireWorkspace(c, "manage");
  const rows = await c
    .get("db")
    .select({ log: auditLog, actorName: user.name })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .where(eq(auditLog.workspaceId, workspace.id))
    .orderBy(desc(auditLog.createdAt))
    .limit(AUDIT_PAGE);
  const entries: AuditEntry[] = rows.map(({ log, actorName }) => ({
    id: log.id,
    action: log.action,
    actor: actorName ?? (log.actorTokenId ? "API token" : null),
    target: log.target,
    detail: log.detail ?? null,
    createdAt: log.createdAt.toISOString(),
  }));
  return c.json({ entries });
});

/**
 * Invitation links: an owner creates one with a role; whoever opens it signs in (or up) and
 * joins. Each link works once, until it expires or is revoked.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { Hono } from "hono";
import { CreateInvitation, type InvitationSummary } from "../../schema/api";
import { invitation, membership, workspace } from "../../schema/db";
import { roleAtLeast } from "../../schema/roles";
import { hashSecret, newId, newSecret } from "../auth/tokens";
import type { Db } from "../db";
import { requireUser, requireWorkspace } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { publicOrigin } from "./origin";

const DAY_MS = 86_400_000;

export type InvitationStatus = "valid" | "expired" | "used" | "revoked";

function statusOf(row: typeof invitation.$inferSelect, now = Date.now()): InvitationStatus {
  if (row.revokedAt) return "revoked";
  if (row.acceptedAt) return "used";
  if (row.expiresAt.getTime() <= now) return "expired";
  return "valid";
}

async function findByToken(db: Db, token: string) {
  const row = await db.query.invitation.findFirst({ where: eq(invitation.tokenHash, await hashSecret(token)) });
  if (!row) fail(404, "This invitation link is not valid");
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.id, row.workspaceId) });
  if (!ws) fail(404, "This invitation link is not valid");
  return { row, ws };
}

/** Routes under `/api/workspaces/:slug/invitations` (owners). */
export const workspaceInvitationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { workspace: ws } = await requireWorkspace(c, "manage");
    const rows = await c.get("db").query.invitation.findMany({
      where: and(
        eq(invitation.workspaceId, ws.id),
        isNull(invitation.acceptedAt),
        isNull(invitation.revokedAt),
        gt(invitation.expiresAt, new Date()),
      ),
      orderBy: (t, { desc }) => [desc(t.createdAt)],
    });
    const invitations: InvitationSummary[] = rows.map((r) => ({
      id: r.id,
      role: r.role,
      email: r.email,
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }));
    return c.json({ invitations });
  })
  .post("/", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const body = await readBody(c, CreateInvitation);
    const actor = requireUser(c);
    const token = newSecret("inv");
    const now = new Date();
    const row = {
      id: newId(),
      workspaceId: access.workspace.id,
      tokenHash: await hashSecret(token),
      role: body.role,
      email: body.email ?? null,
      createdBy: actor.userId,
      expiresAt: new Date(now.getTime() + body.expiresInDays * DAY_MS),
      createdAt: now,
    };
    const db = c.get("db");
    await db.insert(invitation).values(row);
    await audit(db, access, "invitation.created", row.id, { role: row.role, email: row.email });
    const url = `${publicOrigin(c.env, c.req.url)}/invite/${token}`;
    return c.json({ id: row.id, role: row.role, email: row.email, expiresAt: row.expiresAt.toISOString(), url }, 201);
  })
  .delete("/:id", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const db = c.get("db");
    const row = await db.query.invitation.findFirst({
      where: and(eq(invitation.id, c.req.param("id")), eq(invitation.workspaceId, access.workspace.id)),
    });
    if (!row) fail(404, "Invitation not found");
    await db.update(invitation).set({ revokedAt: new Date() }).where(eq(invitation.id, row.id));
    await audit(db, access, "invitation.revoked", row.id, { role: row.role });
    return c.body(null, 204);
  });

/** Routes under `/api/invitations/:token`, for whoever holds the link. */
export const invitationLinkRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    const { row, ws } = await findByToken(c.get("db"), c.req.param("token"));
    return c.json({ workspace: { name: ws.name, slug: ws.slug }, role: row.role, status: statusOf(row) });
  })
  .post("/:token/accept", async (c) => {
    const actor = requireUser(c);
    const db = c.get("db");
    const { row, ws } = await findByToken(db, c.req.param("token"));
    const status = statusOf(row);
    if (status !== "valid") fail(410, `This invitation link is ${status === "used" ? "already used" : status}`);
    const existing = await db.query.membership.findFirst({
      where: and(eq(membership.workspaceId, ws.id), eq(membership.userId, actor.userId)),
    });
    const now = new Date();
    // Single use: the conditional update only succeeds for the first of two racing accepts.
    const claimed = await db
      .update(invitation)
      .set({ acceptedAt: now, acceptedBy: actor.userId })
      .where(and(eq(invitation.id, row.id), isNull(invitation.acceptedAt)))
      .returning({ id: invitation.id });
    if (claimed.length === 0) fail(410, "This invitation link is already used");
    let role = existing?.role ?? row.role;
    if (!existing) {
      await db.insert(membership).values({ workspaceId: ws.id, userId: actor.userId, role: row.role, createdAt: now });
    } else if (!roleAtLeast(existing.role, row.role)) {
      role = row.role;
      await db
        .update(membership)
        .set({ role })
        .where(and(eq(membership.workspaceId, ws.id), eq(membership.userId, actor.userId)));
    }
    await audit(db, { workspace: ws, actor }, "invitation.accepted", row.id, { role, userId: actor.userId });
    return c.json({ workspace: { id: ws.id, slug: ws.slug, name: ws.name, role } });
  });

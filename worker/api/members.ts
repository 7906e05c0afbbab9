/** Members of a workspace: list (any member), change role or remove (owners). */
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { type Member, UpdateMember } from "../../schema/api";
import { membership, user } from "../../schema/db";
import type { Db } from "../db";
import { requireWorkspace } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";

async function ownerCount(db: Db, workspaceId: string): Promise<number> {
  const owners = await db.query.membership.findMany({
    where: and(eq(membership.workspaceId, workspaceId), eq(membership.role, "owner")),
  });
  return owners.length;
}

async function findMember(db: Db, workspaceId: string, userId: string) {
  const row = await db.query.membership.findFirst({
    where: and(eq(membership.workspaceId, workspaceId), eq(membership.userId, userId)),
  });
  if (!row) fail(404, "Member not found");
  return row;
}

export const memberRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { workspace } = await requireWorkspace(c, "read");
    const rows = await c
      .get("db")
      .select({
        userId: user.id,
        name: user.name,
        email: user.email,
        role: membership.role,
        joined: membership.createdAt,
      })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(membership.workspaceId, workspace.id))
      .orderBy(user.name);
    const members: Member[] = rows.map(({ joined, ...m }) => ({ ...m, joinedAt: joined.toISOString() }));
    return c.json({ members });
  })
  .patch("/:userId", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const { role } = await readBody(c, UpdateMember);
    const db = c.get("db");
    const target = await findMember(db, access.workspace.id, c.req.param("userId"));
    if (target.role === "owner" && role !== "owner" && (await ownerCount(db, access.workspace.id)) === 1) {
      fail(409, "A workspace needs at least one owner: make someone else owner first");
    }
    await db
      .update(membership)
      .set({ role })
      .where(and(eq(membership.workspaceId, access.workspace.id), eq(membership.userId, target.userId)));
    await audit(db, access, "member.role_changed", target.userId, { from: target.role, to: role });
    return c.json({ userId: target.userId, role });
  })
  .delete("/:userId", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const db = c.get("db");
    const target = await findMember(db, access.workspace.id, c.req.param("userId"));
    if (target.role === "owner" && (await ownerCount(db, access.workspace.id)) === 1) {
      fail(409, "A workspace needs at least one owner: make someone else owner first");
    }
    await db
      .delete(membership)
      .where(and(eq(membership.workspaceId, access.workspace.id), eq(membership.userId, target.userId)));
    await audit(db, access, "member.removed", target.userId, { role: target.role });
    return c.body(null, 204);
  });

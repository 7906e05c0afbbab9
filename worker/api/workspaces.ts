/** Workspaces: list mine, create one (I become its owner), read and rename. */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { CreateWorkspace, type Me, UpdateWorkspace, type WorkspaceSummary } from "../../schema/api";
import { membership, workspace } from "../../schema/db";
import { newId } from "../auth/tokens";
import type { Db } from "../db";
import { requireActor, requireUser, requireWorkspace } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";

export async function workspacesOf(db: Db, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db
    .select({ id: workspace.id, slug: workspace.slug, name: workspace.name, role: membership.role })
    .from(membership)
    .innerJoin(workspace, eq(workspace.id, membership.workspaceId))
    .where(eq(membership.userId, userId))
    .orderBy(workspace.name);
  return rows;
}

/** A URL slug from a name, made unique with a short suffix when taken. */
export async function freeSlug(db: Db, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32) || "workspace";
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 6)}`;
    if (!(await db.query.workspace.findFirst({ where: eq(workspace.slug, slug) }))) return slug;
  }
  return `${base}-${newId().slice(0, 8).toLowerCase()}`;
}

export async function createWorkspace(db: Db, ownerId: string, name: string, slug: string) {
  const row = { id: newId(), slug, name, createdAt: new Date() };
  await db.batch([
    db.insert(workspace).values(row),
    db.insert(membership).values({ workspaceId: row.id, userId: ownerId, role: "owner", createdAt: row.createdAt }),
  ]);
  return row;
}

export const meRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const actor = requireUser(c);
  const me: Me = {
    user: { id: actor.userId, name: actor.name, email: actor.email },
    workspaces: await workspacesOf(c.get("db"), actor.userId),
  };
  return c.json(me);
});

export const workspaceRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const actor = requireActor(c);
    const db = c.get("db");
    if (actor.kind === "token") {
      const ws = await db.query.workspace.findFirst({ where: eq(workspace.id, actor.workspaceId) });
      return c.json({ workspaces: ws ? [{ id: ws.id, slug: ws.slug, name: ws.name, role: actor.role }] : [] });
    }
    return c.json({ workspaces: await workspacesOf(db, actor.userId) });
  })
  .post("/", async (c) => {
    const actor = requireUser(c);
    const body = await readBody(c, CreateWorkspace);
    const db = c.get("db");
    if (body.slug && (await db.query.workspace.findFirst({ where: eq(workspace.slug, body.slug) }))) {
      fail(409, `slug: "${body.slug}" is taken`);
    }
    const row = await createWorkspace(db, actor.userId, body.name, body.slug ?? (await freeSlug(db, body.name)));
    await audit(db, { workspace: row, actor }, "workspace.created", row.slug, { name: row.name });
    const summary: WorkspaceSummary = { id: row.id, slug: row.slug, name: row.name, role: "owner" };
    return c.json(summary, 201);
  })
  .get("/:slug", async (c) => {
    const { workspace: ws, role } = await requireWorkspace(c, "read");
    const summary: WorkspaceSummary = { id: ws.id, slug: ws.slug, name: ws.name, role };
    return c.json(summary);
  })
  .patch("/:slug", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const { name } = await readBody(c, UpdateWorkspace);
    const db = c.get("db");
    await db.update(workspace).set({ name }).where(eq(workspace.id, access.workspace.id));
    await audit(db, access, "workspace.renamed", access.workspace.slug, { from: access.workspace.name, to: name });
    return c.json({ id: access.workspace.id, slug: access.workspace.slug, name, role: access.role });
  });

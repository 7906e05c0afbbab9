/**
 * The demo workspace a fresh `npm start` opens: its owner (no password: they sign in through a
 * one-time link) and the workspace itself. Runs once; later starts find it and change nothing.
 */
import { eq } from "drizzle-orm";
import { user, workspace } from "../schema/db";
import { audit } from "../worker/api/audit";
import { createWorkspace } from "../worker/api/workspaces";
import { newId } from "../worker/auth/tokens";
import type { Db } from "../worker/db";

export const DEMO = {
  slug: "demo",
  name: "Demo workspace",
  ownerEmail: "demo@rowpilot.local",
  ownerName: "Demo Owner",
};

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  if (await db.query.workspace.findFirst({ where: eq(workspace.slug, DEMO.slug) })) return { created: false };
  let owner = await db.query.user.findFirst({ where: eq(user.email, DEMO.ownerEmail) });
  if (!owner) {
    const now = new Date();
    owner = {
      id: newId(),
      name: DEMO.ownerName,
      email: DEMO.ownerEmail,
      emailVerified: true,
      image: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.insert(user).values(owner);
  }
  const ws = await createWorkspace(db, owner.id, DEMO.name, DEMO.slug);
  await audit(
    db,
    { workspace: ws, actor: { kind: "user", userId: owner.id, name: owner.name, email: owner.email } },
    "workspace.created",
    ws.slug,
    {
      name: ws.name,
      seeded: true,
    },
  );
  return { created: true };
}

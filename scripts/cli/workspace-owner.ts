/** Looks up a workspace and its first owner in the local database, or says what is missing. */
import { and, asc, eq } from "drizzle-orm";
import { membership, user, workspace } from "../../schema/db";
import type { Db } from "../../worker/db";

export class CliError extends Error {
  override name = "CliError";
}

export async function findWorkspace(db: Db, slug: string) {
  const ws = await db.query.workspace.findFirst({ where: eq(workspace.slug, slug) });
  if (!ws)
    throw new CliError(
      `No workspace with slug "${slug}" in the local database (.wrangler/state). Run \`npm start\` once to seed "demo".`,
    );
  return ws;
}

export async function firstOwner(db: Db, workspaceId: string) {
  const [row] = await db
    .select({ id: user.id, email: user.email, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.role, "owner")))
    .orderBy(asc(membership.createdAt))
    .limit(1);
  if (!row) throw new CliError("This workspace has no owner");
  return row;
}

/** API tokens of a workspace (owners): list, create (the secret is shown once), revoke. */
import { and, eq, isNull } from "drizzle-orm";
import { Hono } from "hono";
import { type ApiTokenSummary, CreateApiToken } from "../../schema/api";
import { apiToken } from "../../schema/db";
import type { GrantableRole } from "../../schema/roles";
import { hashSecret, newId, newSecret } from "../auth/tokens";
import type { Db } from "../db";
import { requireWorkspace } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";

/** Characters of the token kept in clear so people can tell their tokens apart. */
const PREFIX_CHARS = 10;

export async function issueApiToken(
  db: Db,
  input: { workspaceId: string; name: string; role: GrantableRole; createdBy: string | null },
) {
  const token = newSecret("rp");
  const row = {
    id: newId(),
    ...input,
    tokenHash: await hashSecret(token),
    prefix: token.slice(0, PREFIX_CHARS),
    createdAt: new Date(),
  };
  await db.insert(apiToken).values(row);
  return { token, row };
}

export const tokenRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { workspace } = await requireWorkspace(c, "manage");
    const rows = await c.get("db").query.apiToken.findMany({
      where: and(eq(apiToken.workspaceId, workspace.id), isNull(apiToken.revokedAt)),
      orderBy: (t, { desc }) => [desc(t.createdAt)],
    });
    const tokens: ApiTokenSummary[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      prefix: r.prefix,
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    }));
    return c.json({ tokens });
  })
  .post("/", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const body = await readBody(c, CreateApiToken);
    const db = c.get("db");
    const createdBy = access.actor.kind === "user" ? access.actor.userId : null;
    const { token, row } = await issueApiToken(db, { workspaceId: access.workspace.id, createdBy, ...body });
    await audit(db, access, "token.created", row.id, { name: row.name, role: row.role });
    return c.json({ id: row.id, name: row.name, role: row.role, prefix: row.prefix, token }, 201);
  })
  .delete("/:id", async (c) => {
    const access = await requireWorkspace(c, "manage");
    const db = c.get("db");
    const row = await db.query.apiToken.findFirst({
      where: and(eq(apiToken.id, c.req.param("id")), eq(apiToken.workspaceId, access.workspace.id)),
    });
    if (!row || row.revokedAt) fail(404, "Token not found");
    await db.update(apiToken).set({ revokedAt: new Date() }).where(eq(apiToken.id, row.id));
    await audit(db, access, "token.revoked", row.id, { name: row.name });
    return c.body(null, 204);
  });

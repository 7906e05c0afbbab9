/**
 * Who is asking: a bearer API token (header, or `?token=` for WebSocket upgrades), else a
 * better-auth session cookie, else nobody. Tokens are looked up by hash and must not be revoked.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { apiToken } from "../../schema/db";
import type { Actor, AppEnv } from "../api/context";
import type { Db } from "../db";
import type { Auth } from "./auth";
import { hashSecret } from "./tokens";

/** "Last used" is shown to the minute; writing it more often would add a D1 write to every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim() || null;
  const param = new URL(req.url).searchParams.get("token");
  return param?.trim() || null;
}

export async function resolveActor(req: Request, db: Db, auth: () => Auth): Promise<Actor> {
  const token = bearerToken(req);
  if (token) {
    const row = await db.query.apiToken.findFirst({
      where: and(eq(apiToken.tokenHash, await hashSecret(token)), isNull(apiToken.revokedAt)),
    });
    if (!row) return { kind: "anonymous" };
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
    }
    return { kind: "token", tokenId: row.id, workspaceId: row.workspaceId, role: row.role };
  }
  const found = await auth().api.getSession({ headers: req.headers });
  if (!found) return { kind: "anonymous" };
  return { kind: "user", userId: found.user.id, name: found.user.name, email: found.user.email };
}

/**
 * The API calls a page's loaders make in-process, each with the page request's cookies: one page
 * makes four or more, in parallel, and each looked the same session up again.
 */
const pageCalls = new WeakMap<Request, { actor?: Promise<Actor> }>();

/** Marks `call` as made for a page request whose other calls share `page`: the actor is resolved once. */
export function shareActor(call: Request, page: { actor?: Promise<Actor> }): Request {
  pageCalls.set(call, page);
  return call;
}

/** Sets `actor` for every later handler; refuses nobody (routes decide what they need). */
export const actorMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const page = pageCalls.get(c.req.raw);
  const actor = page?.actor ?? resolveActor(c.req.raw, c.get("db"), c.get("auth"));
  if (page) page.actor = actor;
  c.set("actor", await actor);
  await next();
};

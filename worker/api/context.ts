/** The Hono environment every route shares: bindings, plus who is asking and the database. */
import type { Auth } from "../auth/auth";
import type { Db } from "../db";

export type Actor =
  | { kind: "user"; userId: string; name: string; email: string }
  | { kind: "token"; tokenId: string; workspaceId: string; role: "editor" | "viewer" }
  | { kind: "anonymous" };

export type AppEnv = {
  Bindings: Env;
  /**
   * `auth` makes the better-auth instance on first use: building it costs 7–10 ms of CPU, and
   * requests with an API token (most API traffic) never need it.
   */
  Variables: { db: Db; auth: () => Auth; actor: Actor };
};

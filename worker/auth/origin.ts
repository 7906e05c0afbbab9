/**
 * Cross-site request forgery guard: a mutating request that carries cookies must come from our
 * own origin. Requests without cookies, or with a bearer token, carry no ambient credential.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../api/context";
import { fail } from "../api/errors";
import { bearerToken } from "./actor";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOrigin(req: Request, allowed: string[]): boolean {
  const origin = req.headers.get("origin");
  if (origin) return origin === new URL(req.url).origin || allowed.includes(origin);
  return req.headers.get("sec-fetch-site") === "same-origin";
}

export const originGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const req = c.req.raw;
  if (
    !SAFE_METHODS.has(req.method) &&
    req.headers.has("cookie") &&
    !bearerToken(req) &&
    !isSameOrigin(req, [new URL(c.env.APP_URL).origin])
  ) {
    fail(403, "Cross-origin request refused");
  }
  await next();
};

/**
 * The public tracking routes, with no sign-in: `/t/o/<token>.gif` (the open pixel),
 * `/t/c/<token>` (tracked links) and `/u/<token>` (unsubscribe). Tokens are signed with the key
 * of `trackingKeyOf(env)`; see docs/messaging-tracking.md.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../api/context";
import { fail } from "../../api/errors";
import { trackedLink } from "./clicks";
import { openPixel } from "./opens";
import { confirmUnsubscribe, unsubscribe } from "./unsubscribe";

export const trackingRoutes = new Hono<AppEnv>()
  .get("/o/:file", openPixel)
  .get("/c/:token", trackedLink)
  .all("*", () => fail(404, "Unknown tracking link"));

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get("/:token", confirmUnsubscribe)
  .post("/:token", unsubscribe)
  .all("*", () => fail(404, "Unknown unsubscribe link"));

/**
 * `GET /t/o/<token>.gif`, the open pixel. Whatever the token, the answer is the same transparent
 * 1×1 GIF, never cached (each fetch is an open) and never an error image in someone's mail. A
 * good token records an open, classified as a person's or a machine's (Apple Mail Privacy
 * Protection, image proxies, scanners, a fetch within seconds of sending): machine opens are
 * logged but not counted.
 */
import type { Context } from "hono";
import { classifyOpen, userAgentClass, verifyToken } from "../../../automation/messaging/tracking";
import type { AppEnv } from "../../api/context";
import { reader } from "../../kinds/tables";
import { recordMessageEvent } from "../events";
import { trackingKeyOf } from "../tracker";
import { clientIp, ipHashOf, recordWithin, trackedMessage } from "./hit";

/** The smallest transparent GIF89a: 1×1, one transparent palette entry (42 bytes). */
const PIXEL = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (c) => c.charCodeAt(0));

const GIF_SUFFIX = ".gif";

export function pixel(): Response {
  return new Response(PIXEL, {
    headers: {
      "Content-Type": "image/gif",
      "Content-Length": String(PIXEL.byteLength),
      // Every fetch must reach us: a cached pixel is an open we never hear of.
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Seconds from the row's Sent at to now, or null when it has none (not sent through us yet). */
function secondsSince(sentAt: string, now: number): number | null {
  const at = Date.parse(sentAt);
  return Number.isNaN(at) ? null : (now - at) / 1000;
}

async function recordOpen(env: Env, request: Request, token: string): Promise<void> {
  const check = await verifyToken(await trackingKeyOf(env), token, "o");
  if (!check.ok) return;
  const found = await trackedMessage(env, check.payload);
  if (!found) return;
  const now = Date.now();
  const userAgent = request.headers.get("user-agent");
  const ip = clientIp(request);
  const sentAt = reader(found.messaging.messages, found.row.cells).text("sentAt");
  const verdict = classifyOpen({ userAgent, ip, secondsSinceDelivery: secondsSince(sentAt, now) });
  await recordMessageEvent(found.messaging, found.row.id, {
    type: "opened",
    at: new Date(now).toISOString(),
    source: "tracking",
    machine: verdict.machine,
    detail: verdict.reason,
    userAgent: userAgentClass(userAgent, ip),
    ipHash: await ipHashOf(env, check.payload.workspaceId, ip),
  });
}

export async function openPixel(c: Context<AppEnv>): Promise<Response> {
  const file = c.req.param("file") ?? "";
  // Hono answers HEAD with the GET handler; a HEAD is a checker's, never a person's open.
  if (c.req.method === "GET" && file.endsWith(GIF_SUFFIX)) {
    const token = file.slice(0, -GIF_SUFFIX.length);
    await recordWithin(c.executionCtx, "an open", recordOpen(c.env, c.req.raw, token));
  }
  return pixel();
}

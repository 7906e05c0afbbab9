/**
 * `GET /t/c/<token>`, a tracked link. Only a token we signed for a click yields a URL, and the
 * answer is a 302 to exactly that URL; anything else is a 400 page with no Location, so the
 * tracker is never an open redirect. The click is recorded before answering when the room is
 * quick, and the person lands on the link even when recording fails.
 */
import type { Context } from "hono";
import { userAgentClass, verifyToken } from "../../../automation/messaging/tracking";
import type { AppEnv } from "../../api/context";
import { recordMessageEvent } from "../events";
import { trackingKeyOf } from "../tracker";
import { clientIp, ipHashOf, recordWithin, trackedMessage } from "./hit";
import { badLinkPage } from "./pages";

/** Printable ASCII without spaces: such a URL goes into Location byte for byte. */
const HEADER_SAFE_URL = /^[\x21-\x7e]+$/;

/**
 * The Location for `url`: the URL itself, as written in the message. One with spaces or
 * non-ASCII characters (a header carries only bytes) is sent as a browser would request it
 * (percent-encoded, punycode host), which is where following the link leads anyway.
 */
export function locationOf(url: string): string {
  if (HEADER_SAFE_URL.test(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    // Not a URL a browser would parse either (a space in the host): percent-encode what a header cannot carry.
    return encodeURI(url);
  }
}

async function recordClick(
  env: Env,
  request: Request,
  payload: { workspaceId: string; messageId: string; url: string },
) {
  const found = await trackedMessage(env, payload);
  if (!found) return;
  const ip = clientIp(request);
  await recordMessageEvent(found.messaging, found.row.id, {
    type: "clicked",
    at: new Date().toISOString(),
    source: "tracking",
    url: payload.url,
    userAgent: userAgentClass(request.headers.get("user-agent"), ip),
    ipHash: await ipHashOf(env, payload.workspaceId, ip),
  });
}

export async function trackedLink(c: Context<AppEnv>): Promise<Response> {
  const check = await verifyToken(await trackingKeyOf(c.env), c.req.param("token") ?? "", "c");
  if (!check.ok || !check.payload.url) return badLinkPage("link");
  const url = check.payload.url;
  // Hono answers HEAD with the GET handler; link checkers send HEADs, people follow links with GET.
  if (c.req.method === "GET") {
    await recordWithin(c.executionCtx, "a click", recordClick(c.env, c.req.raw, { ...check.payload, url }));
  }
  return new Response(null, {
    status: 302,
    headers: { Location: locationOf(url), "Cache-Control": "no-store, private" },
  });
}

/**
 * The Worker entry: the Hono app in front of the React Router server build, plus the Durable
 * Object and Workflow classes that wrangler.jsonc binds.
 */
import { createRequestHandler, RouterContextProvider } from "react-router";
import { apiContext } from "../schema/api-context";
import { shareActor } from "./auth/actor";
import { createWorker } from "./entry";

export { ChatRoom } from "./chat/chat-room";
export { TableRoom } from "./durable/table-room";
export { AutopilotWorkflow } from "./workflows/autopilot";
export { JourneyWorkflow } from "./workflows/journey";

const handleRequest = createRequestHandler(() => import("virtual:react-router/server-build"), import.meta.env.MODE);

/** Headers an in-process API call carries over from the page request. */
const FORWARDED = ["cookie", "origin", "sec-fetch-site", "cf-connecting-ip", "user-agent"];

export default createWorker((request, _env, _ctx, self) => {
  const context = new RouterContextProvider();
  /** Every API call of this page request carries its cookies, so they share one actor. */
  const page = {};
  context.set(apiContext, (path, init) => {
    const headers = new Headers(init?.headers);
    // A call that brings its own credentials is someone else's: it gets its own actor lookup.
    const ownCredentials = headers.has("cookie") || headers.has("authorization");
    for (const name of FORWARDED) {
      const value = request.headers.get(name);
      if (value && !headers.has(name)) headers.set(name, value);
    }
    if (init?.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    const call = new Request(new URL(path, request.url), { ...init, headers });
    return self(ownCredentials ? call : shareActor(call, page));
  });
  return handleRequest(request, context);
});

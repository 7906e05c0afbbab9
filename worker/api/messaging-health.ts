/**
 * Sending health over HTTP (`/api/messaging/health`): each sender's sends, hard bounces,
 * complaints and rates against the limits that pause it, and resuming a paused sender. The
 * workspace is chosen as for `/api/tables`.
 */
import { Hono } from "hono";
import { z } from "zod";
import { BOUNCE_LIMIT, COMPLAINT_LIMIT, HEALTH_MIN_SENDS, resumeSender, sendersHealth } from "../messaging/health";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { workspaceFor } from "./tables";

const Resume = z.object({ sender: z.string().min(1).max(400) });

export const messagingHealthRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json({
      limits: { complaintRate: COMPLAINT_LIMIT, bounceRate: BOUNCE_LIMIT, minSends: HEALTH_MIN_SENDS },
      senders: await sendersHealth(c.env.DB, access.workspace.id),
    });
  })
  .post("/resume", async (c) => {
    const { sender } = await readBody(c, Resume);
    const access = await workspaceFor(c, "manage");
    if (!(await resumeSender(c.env.DB, access.workspace.id, sender))) fail(404, `No sender ${sender} has sent yet`);
    await audit(c.get("db"), access, "messaging.sender_resumed", sender);
    return c.json({ senders: await sendersHealth(c.env.DB, access.workspace.id) });
  });

/**
 * The campaign dashboard's numbers over HTTP (`GET /api/messaging/stats?days=30`): outgoing
 * messages per day, per sender and per campaign with their outcomes and rates. The workspace is
 * chosen as for `/api/tables`; days are counted in its pace zone.
 */
import { Hono } from "hono";
import { MAX_STATS_DAYS, StatsQuery } from "../../schema/messaging-stats";
import { readMessagingSettings } from "../messaging/settings";
import { readMessagingStats } from "../messaging/stats";
import { findMessaging } from "../messaging/tables";
import type { AppEnv } from "./context";
import { fail } from "./errors";
import { workspaceFor } from "./tables";

export const messagingStatsRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const query = StatsQuery.safeParse({ days: c.req.query("days") });
  if (!query.success) fail(400, `days: give a whole number of days from 1 to ${MAX_STATS_DAYS}`);
  const access = await workspaceFor(c, "read");
  const db = c.get("db");
  const { pace } = await readMessagingSettings(db, access.workspace.id);
  const messaging = await findMessaging(c.env, db, access.workspace.id);
  return c.json(await readMessagingStats(messaging, { days: query.data.days, zone: pace.zone }));
});

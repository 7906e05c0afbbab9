/**
 * The pitching phase: pitch emails written for published sites, failed pitches sent again, and
 * the autopilot's drafts sent through messaging (the outbox when no email provider is set), each
 * up to its cap (worker/autopilot/pitch/). Counts `{ created, retried, sent }`.
 */
import { findHunting } from "../../hunting/tables";
import { ensureMessaging } from "../../messaging/tables";
import { findSites } from "../../sites/tables";
import { emptyResult, type Phase } from "../context";
import { withNoteColumn } from "../note";
import { createPitches, type PitchRun, retryFailedPitches, sendPitches } from "../pitch";
import { usesAgents } from "../sites";

export const pitchingPhase: Phase = async (ctx) => {
  const result = { ...emptyResult("pitching"), counts: { created: 0, retried: 0, sent: 0 } };
  const hunting = await findHunting(ctx.env, ctx.db, ctx.workspaceId);
  const sites = await findSites(ctx.env, ctx.db, ctx.workspaceId);
  if (!hunting || !sites) return { ...result, error: "No Sites table yet: no published sites to pitch" };
  const messaging = await ensureMessaging(ctx.env, ctx.db, ctx.workspaceId, ctx.actorId);
  const run: PitchRun = {
    ctx,
    h: { ...hunting, businesses: await withNoteColumn(ctx.env, hunting.businesses) },
    sites,
    messaging: { ...messaging, messages: await withNoteColumn(ctx.env, messaging.messages) },
    agents: await usesAgents(ctx),
  };
  await createPitches(run, result);
  await retryFailedPitches(run, result);
  await sendPitches(run, result);
  return result;
};

/**
 * The health phase of a cycle: every provider checked (health/index.ts), the lights stored and
 * the alerts raised or cleared. done = checks that are ok, failed = providers down (each under
 * its cause), the rest (off, warning) neither.
 */
import { count, emptyResult, failedBecause, type Phase } from "../context";
import { runHealthChecks } from "../health";

export const healthPhase: Phase = async (ctx) => {
  const result = emptyResult("health");
  const { checks, spend } = await runHealthChecks(ctx.env, ctx.db, ctx.workspaceId, ctx.settings, ctx.startedAt, {
    cycleId: ctx.cycleId,
    actorId: ctx.actorId,
  });
  for (const check of checks) {
    count(result, check.light);
    if (check.light === "ok") result.done += 1;
    if (check.light === "down") failedBecause(result, `${check.name} down`);
  }
  const reached = spend.filter((l) => l.reached).map((l) => l.provider);
  if (reached.length) count(result, "budgetsReached", reached.length);
  const down = checks.filter((c) => c.light === "down");
  if (down.length) result.error = down.map((c) => `${c.name}: ${c.detail}`).join("; ");
  return result;
};

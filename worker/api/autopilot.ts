/**
 * Autopilot over HTTP (`/api/autopilot`): its status (viewers), its settings (editors and
 * owners; switching it on starts a cycle), "Run one cycle" (409 while one runs) and one cycle's
 * record. The workspace is chosen as for `/api/tables`. Settings changes and manual runs are
 * audited.
 */
import { Hono } from "hono";
import { guardFor, UnsafeUrlError } from "../../automation/contact/guard";
import { AutopilotInput, type AutopilotStatus, CYCLE_ID, type CycleTrigger, PHASES } from "../../schema/autopilot";
import { can } from "../../schema/roles";
import { CycleBusyError, readCycle, startCycle } from "../autopilot/cycles";
import { markRun } from "../autopilot/schedule";
import { schedulesCoveredBy } from "../autopilot/schedule-due";
import {
  AutopilotInputError,
  nextAutopilotSettings,
  readAutopilotSettings,
  saveAutopilotSettings,
} from "../autopilot/settings";
import { autopilotStatus } from "../autopilot/status";
import type { Db } from "../db";
import type { Access } from "./access";
import { audit } from "./audit";
import type { AppEnv } from "./context";
import { fail, readBody } from "./errors";
import { workspaceFor } from "./tables";

const userOf = (access: Access) => (access.actor.kind === "user" ? access.actor.userId : null);

/** A person pressed the button; a token is a script (the CLI says so with `?via=cli`). */
const triggerOf = (access: Access, via: string | undefined): CycleTrigger =>
  access.actor.kind === "user" ? "button" : via === "cli" ? "cli" : "api";

/** A cycle of every phase; the schedules it does the work of start counting again from now. */
async function runAll(env: Env, db: Db, workspaceId: string, trigger: CycleTrigger, startedBy: string | null) {
  const cycle = await startCycle(env, db, workspaceId, { trigger, plan: PHASES, startedBy });
  await markRun(db, workspaceId, schedulesCoveredBy(PHASES), new Date(cycle.startedAt));
  return cycle;
}

/**
 * The status as the caller may see it: the alert webhook's address (often a secret, like a
 * Slack hook) only for those who may change it; others see that one is set.
 */
function statusFor(access: Access, status: AutopilotStatus): AutopilotStatus {
  if (can(access.role, "write") || !status.settings.alertWebhook) return status;
  return { ...status, settings: { ...status.settings, alertWebhook: HIDDEN_WEBHOOK } };
}

/** What a viewer sees in place of the alert webhook's address. */
export const HIDDEN_WEBHOOK = "https://hidden.invalid/";

export const autopilotRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const access = await workspaceFor(c, "read");
    return c.json(statusFor(access, await autopilotStatus(c.env, c.get("db"), access.workspace.id)));
  })
  .post("/", async (c) => {
    const input = await readBody(c, AutopilotInput);
    const access = await workspaceFor(c, "write");
    const db = c.get("db");
    const workspaceId = access.workspace.id;
    if (input.alertWebhook)
      try {
        await guardFor(c.env.ROWPILOT_ENV).check(input.alertWebhook);
      } catch (error) {
        if (error instanceof UnsafeUrlError) fail(400, `alertWebhook: ${error.message}`);
        throw error;
      }
    const current = await readAutopilotSettings(db, workspaceId);
    let next: ReturnType<typeof nextAutopilotSettings>;
    try {
      next = nextAutopilotSettings(current, input);
    } catch (error) {
      if (error instanceof AutopilotInputError) fail(400, error.message);
      throw error;
    }
    await saveAutopilotSettings(db, workspaceId, next, userOf(access));
    await audit(db, access, "autopilot.settings-changed", null, {
      enabled: next.enabled,
      changed: Object.keys(input),
    });
    let cycleId: string | null = null;
    if (next.enabled && !current.enabled) {
      try {
        cycleId = (await runAll(c.env, db, workspaceId, "switch", userOf(access))).id;
      } catch (error) {
        // Switched on while a cycle runs: the settings are saved and the schedules take over.
        if (!(error instanceof CycleBusyError)) throw error;
      }
    }
    return c.json({ ...(await autopilotStatus(c.env, db, workspaceId)), startedCycleId: cycleId });
  })
  .post("/run", async (c) => {
    const access = await workspaceFor(c, "write");
    const db = c.get("db");
    const trigger = triggerOf(access, c.req.query("via"));
    try {
      const cycle = await runAll(c.env, db, access.workspace.id, trigger, userOf(access));
      await audit(db, access, "autopilot.cycle-started", cycle.id, { trigger });
      return c.json({ cycleId: cycle.id }, 202);
    } catch (error) {
      if (error instanceof CycleBusyError) return c.json({ error: error.message, cycleId: error.cycleId }, 409);
      throw error;
    }
  })
  .get("/cycles/:id", async (c) => {
    const access = await workspaceFor(c, "read");
    const id = c.req.param("id");
    if (!CYCLE_ID.test(id)) fail(400, `id: "${id}" is not a cycle id (cyc_…)`);
    const cycle = await readCycle(c.get("db"), access.workspace.id, id);
    if (!cycle) fail(404, "Cycle not found");
    return c.json({
      id: cycle.id,
      status: cycle.status,
      trigger: cycle.trigger,
      startedAt: cycle.startedAt,
      finishedAt: cycle.finishedAt,
      error: cycle.error,
      pending: cycle.pending,
      phases: cycle.phases.map(({ name, done, failed, skipped, error }) => ({ name, done, failed, skipped, error })),
    });
  });

/**
 * Autopilot's schedules in workerd, driven as the cron drives them: health alone runs inline
 * with no cycle, due work starts one cycle of the due phases, a running cycle makes the minute
 * wait, and a workspace with autopilot off is left alone.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AutopilotSettings, PHASES, type ScheduleName } from "../../schema/autopilot";
import { EVERY_MINUTE } from "../cron";
import worker from "../test-entry";
import { emptyResult } from "./context";
import { listCycles } from "./cycles";
import { lastRunsOf, markRun, runWorkspaceSchedule } from "./schedule";
import { saveAutopilotSettings } from "./settings";
import { autopilotWorkspace, CYCLE_WAIT_MS, settledCycle, usePhases } from "./test/cycles";

const MINUTE_MS = 60_000;
const on = AutopilotSettings.parse({ enabled: true });

async function tick(at: Date) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at.getTime(), cron: EVERY_MINUTE }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("Autopilot schedules — the cron's minute", () => {
  it("runs health alone inline when only health is due: no cycle, no Cycles row", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const now = new Date();
    const others: ScheduleName[] = ["scraping", "generation", "sending", "cleanup"];
    await markRun(db, workspaceId, others, new Date(now.getTime() - MINUTE_MS));
    let checks = 0;
    usePhases({
      health: async (ctx) => {
        checks += 1;
        expect(ctx.workspaceId).toBe(workspaceId);
        return emptyResult("health");
      },
    });
    expect(await runWorkspaceSchedule(env, db, workspaceId, on, now)).toEqual({ did: "health", released: 0 });
    expect(checks).toBe(1);
    expect(await listCycles(db, workspaceId, 5)).toEqual([]);
    expect((await lastRunsOf(db, workspaceId)).health?.getTime()).toBe(now.getTime());
    // Four minutes later health is not due yet.
    const later = new Date(now.getTime() + 4 * MINUTE_MS);
    expect(await runWorkspaceSchedule(env, db, workspaceId, on, later)).toEqual({ did: null, released: 0 });
    expect(checks).toBe(1);
  });

  it(
    "starts one cycle of the due phases, waits while it runs, and finds nothing due right after",
    async () => {
      const { workspaceId, db } = await autopilotWorkspace();
      const now = new Date();
      await markRun(db, workspaceId, ["scraping", "cleanup"], new Date(now.getTime() - 10 * MINUTE_MS));
      expect(await runWorkspaceSchedule(env, db, workspaceId, on, now)).toMatchObject({ did: "cycle" });
      expect(await runWorkspaceSchedule(env, db, workspaceId, on, now)).toMatchObject({ did: null });
      const [cycle] = await listCycles(db, workspaceId, 5);
      expect(cycle?.trigger).toBe("schedule");
      const settled = await settledCycle(workspaceId, cycle!.id);
      expect(settled.phases.map((p) => p.name)).toEqual(["health", "generation", "pitching"]);

      const next = new Date(now.getTime() + MINUTE_MS);
      expect(await runWorkspaceSchedule(env, db, workspaceId, on, next)).toMatchObject({ did: null });
      expect(await listCycles(db, workspaceId, 5)).toHaveLength(1);
      const runs = await lastRunsOf(db, workspaceId);
      expect(runs.generation?.getTime()).toBe(now.getTime());
      expect(runs.scraping?.getTime()).toBe(now.getTime() - 10 * MINUTE_MS);
    },
    CYCLE_WAIT_MS + 5_000,
  );

  it(
    "starts a scheduled cycle from the Worker's cron for a workspace with autopilot on, none with it off",
    async () => {
      const a = await autopilotWorkspace();
      const b = await autopilotWorkspace();
      await saveAutopilotSettings(a.db, a.workspaceId, on, null);
      await saveAutopilotSettings(b.db, b.workspaceId, AutopilotSettings.parse({ enabled: false }), null);
      await tick(new Date());
      const [cycle] = await listCycles(a.db, a.workspaceId, 5);
      expect(cycle?.trigger).toBe("schedule");
      expect(await listCycles(b.db, b.workspaceId, 5)).toEqual([]);
      const settled = await settledCycle(a.workspaceId, cycle!.id);
      expect(settled.phases.map((p) => p.name)).toEqual([...PHASES]);
      await saveAutopilotSettings(a.db, a.workspaceId, AutopilotSettings.parse({ enabled: false }), null);
    },
    CYCLE_WAIT_MS + 5_000,
  );
});

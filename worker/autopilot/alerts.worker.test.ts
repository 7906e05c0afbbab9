import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AutopilotSettings, type PhaseResult } from "../../schema/autopilot";
import { getDb } from "../db";
import { reader } from "../kinds/tables";
import { listOutbox } from "../messaging/outbox";
import { ownerWithWorkspace } from "../test/http";
import { callsTo, targetUrl } from "../test/tables";
import { checkCycleAlerts, openAlerts, raiseAlert, recentAlerts } from "./alerts";
import type { CycleContext } from "./context";
import { findAutopilotTables } from "./tables";

const db = getDb(env.DB);

async function cycleContext(settings: Record<string, unknown> = {}): Promise<CycleContext> {
  const { ws } = await ownerWithWorkspace();
  return {
    env,
    db,
    workspaceId: ws.id,
    cycleId: `cyc_test${Date.now().toString(36)}`,
    settings: AutopilotSettings.parse(settings),
    startedAt: new Date(),
    actorId: null,
  };
}

const phase = (name: PhaseResult["name"], done: number, failed: number): PhaseResult => ({
  name,
  done,
  failed,
  skipped: 0,
  error: null,
});

async function alertRows(workspaceId: string) {
  const tables = await findAutopilotTables(env, db, workspaceId);
  const { rows } = await tables!.alerts.room.queryRows({ filters: [], sort: [], limit: 50, offset: 0 });
  return rows.map((r) => {
    const cell = reader(tables!.alerts, r.cells);
    return { alert: cell.text("alert"), status: cell.text("status"), message: cell.text("message") };
  });
}

describe("Autopilot alerts — a cycle's failure thresholds", () => {
  it("raises generation-failures once when more than half the sites failed, and clears it when a cycle does better", async () => {
    const ctx = await cycleContext();
    await checkCycleAlerts(ctx, [phase("generation", 2, 3), phase("pitching", 10, 0)]);
    const open = await openAlerts(db, ctx.workspaceId);
    expect(open.map((a) => a.key)).toEqual(["generation-failures"]);
    expect(open[0]?.message).toBe(`60% of site generation failed in cycle ${ctx.cycleId} (3 of 5; the limit is 50%)`);

    await checkCycleAlerts({ ...ctx, cycleId: `${ctx.cycleId}b` }, [phase("generation", 1, 4)]);
    expect(await openAlerts(db, ctx.workspaceId)).toHaveLength(1);
    expect(await alertRows(ctx.workspaceId)).toHaveLength(1);
    const emails = (await listOutbox(env.FILES, ctx.workspaceId)).filter((e) =>
      e.subject?.startsWith("Autopilot alert"),
    );
    expect(emails).toHaveLength(1);

    // A cycle with no sites to generate says nothing either way.
    await checkCycleAlerts(ctx, [phase("generation", 0, 0)]);
    expect(await openAlerts(db, ctx.workspaceId)).toHaveLength(1);

    await checkCycleAlerts(ctx, [phase("generation", 4, 1)]);
    expect(await openAlerts(db, ctx.workspaceId)).toEqual([]);
    expect(await alertRows(ctx.workspaceId)).toEqual([
      expect.objectContaining({ alert: "generation-failures", status: "cleared" }),
    ]);
    expect((await recentAlerts(db, ctx.workspaceId))[0]?.clearedAt).not.toBeNull();
  });

  it("raises message-failures past 30% of pitches failed, not at it", async () => {
    const ctx = await cycleContext();
    await checkCycleAlerts(ctx, [phase("pitching", 7, 3)]);
    expect(await openAlerts(db, ctx.workspaceId)).toEqual([]);
    await checkCycleAlerts(ctx, [phase("pitching", 6, 4)]);
    expect((await openAlerts(db, ctx.workspaceId)).map((a) => a.kind)).toEqual(["message-failures"]);
  });

  it("keeps the alert when its webhook fails, noting it on the Alerts row", async () => {
    const hook = `alerts-${Date.now()}`;
    const ctx = await cycleContext({ alertWebhook: targetUrl(hook, "fail=1&status=500") });
    const raised = await raiseAlert(ctx, { key: "cycle-failed", kind: "cycle-failed", message: "The cycle failed" });
    expect(raised).toBe(true);
    expect(await raiseAlert(ctx, { key: "cycle-failed", kind: "cycle-failed", message: "again" })).toBe(false);
    expect(await callsTo(hook)).toHaveLength(1);
    expect(await alertRows(ctx.workspaceId)).toEqual([
      expect.objectContaining({ status: "raised", message: "The cycle failed (the webhook answered 500)" }),
    ]);
  });
});

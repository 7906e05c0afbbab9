/**
 * The cycle store in workerd: one running cycle per workspace (two clicks at once start one),
 * a cycle whose instance cannot be created leaves no lock behind, a phase recorded twice is
 * recorded once, and a lock whose Workflows instance has ended is released with its reason.
 */
import { env, introspectWorkflowInstance } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { autopilotCycle } from "../../schema/db";
import { getDb } from "../db";
import { emptyResult } from "./context";
import {
  CycleBusyError,
  finishCycle,
  newCycleId,
  readCycle,
  reconcileCycles,
  recordPhase,
  STARTING_GRACE_MS,
  startCycle,
} from "./cycles";
import { autopilotWorkspace, CYCLE_WAIT_MS, cyclesRow, settledCycle } from "./test/cycles";

const HOUR_MS = 3_600_000;

describe("Autopilot cycles — the single-cycle lock", () => {
  it(
    "starts exactly one of two cycles asked for at once; the other is told which one runs",
    async () => {
      const { workspaceId, db } = await autopilotWorkspace();
      const ask = () => startCycle(env, db, workspaceId, { trigger: "button", plan: ["health"], startedBy: null });
      const answers = await Promise.allSettled([ask(), ask()]);
      const started = answers.filter((a) => a.status === "fulfilled");
      const refused = answers.filter((a) => a.status === "rejected");
      expect(started).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const error = (refused[0] as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(CycleBusyError);
      const running = (started[0] as PromiseFulfilledResult<{ id: string }>).value;
      expect(error.cycleId).toBe(running.id);
      await settledCycle(workspaceId, running.id);
    },
    CYCLE_WAIT_MS,
  );

  it("records a cycle whose workflow cannot be created as failed, with the reason, and frees the lock", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const refused: Env["AUTOPILOT"]["create"] = async () => {
      throw new Error("Workflows refused the instance");
    };
    const refusing: Env = {
      ...env,
      AUTOPILOT: Object.assign(Object.create(env.AUTOPILOT) as Env["AUTOPILOT"], { create: refused }),
    };
    await expect(
      startCycle(refusing, db, workspaceId, { trigger: "button", plan: ["health"], startedBy: null }),
    ).rejects.toThrow("Workflows refused the instance");
    const [cycle] = await db.query.autopilotCycle.findMany({ where: (t, { eq }) => eq(t.workspaceId, workspaceId) });
    expect(cycle).toMatchObject({
      status: "failed",
      error: "The cycle could not start: Workflows refused the instance",
    });
    const row = await cyclesRow(workspaceId, (await readCycle(db, workspaceId, cycle!.id))!);
    expect(row.text("status")).toBe("failed");
    expect(row.text("errors")).toContain("Workflows refused the instance");
    // Nothing holds the lock: the next cycle starts (and is left to run).
    const next = await startCycle(env, db, workspaceId, { trigger: "button", plan: ["health"], startedBy: null });
    await settledCycle(workspaceId, next.id);
  });
});

describe("Autopilot cycles — records", () => {
  it("records a phase recorded twice (a retried record step) once, replacing the first", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const id = newCycleId();
    await db.insert(autopilotCycle).values({
      id,
      workspaceId,
      status: "running",
      trigger: "api",
      plan: JSON.stringify(["health", "scraping"]),
      startedAt: new Date(),
    });
    await recordPhase(env, db, workspaceId, id, { ...emptyResult("scraping"), done: 2 });
    await recordPhase(env, db, workspaceId, id, { ...emptyResult("scraping"), done: 3 });
    await recordPhase(env, db, workspaceId, id, { ...emptyResult("health"), done: 1 });
    const cycle = (await readCycle(db, workspaceId, id))!;
    expect(cycle.phases.map((p) => [p.name, p.done])).toEqual([
      ["health", 1],
      ["scraping", 3],
    ]);
    expect(cycle.pending).toEqual([]);
    await finishCycle(env, db, workspaceId, id, "finished", null);
    await finishCycle(env, db, workspaceId, id, "failed", "a late second finish");
    expect(await readCycle(db, workspaceId, id)).toMatchObject({ status: "finished", error: null });
  });
});

describe("Autopilot cycles — stale locks", () => {
  async function runningRow(workspaceId: string, startedAt: Date) {
    const db = getDb(env.DB);
    const id = newCycleId(startedAt.getTime());
    await db
      .insert(autopilotCycle)
      .values({ id, workspaceId, status: "running", trigger: "schedule", plan: '["health"]', startedAt });
    return id;
  }

  it("releases a lock whose workflow was never created once the starting grace has passed", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const now = new Date();
    const id = await runningRow(workspaceId, new Date(now.getTime() - HOUR_MS));
    expect(await reconcileCycles(env, db, workspaceId, now)).toEqual([id]);
    expect(await readCycle(db, workspaceId, id)).toMatchObject({
      status: "failed",
      error: "The cycle's workflow was not found: it never started or was deleted",
    });
    const next = await startCycle(env, db, workspaceId, { trigger: "button", plan: ["health"], startedBy: null });
    await settledCycle(workspaceId, next.id);
  });

  it("releases a stale lock itself when a cycle is asked for", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const stale = await runningRow(workspaceId, new Date(Date.now() - HOUR_MS));
    const next = await startCycle(env, db, workspaceId, { trigger: "button", plan: ["health"], startedBy: null });
    expect((await readCycle(db, workspaceId, stale))!.status).toBe("failed");
    expect((await settledCycle(workspaceId, next.id)).status).toBe("finished");
  });

  it("leaves a cycle that is still starting alone", async () => {
    const { workspaceId, db } = await autopilotWorkspace();
    const now = new Date();
    const id = await runningRow(workspaceId, new Date(now.getTime() - STARTING_GRACE_MS / 2));
    expect(await reconcileCycles(env, db, workspaceId, now)).toEqual([]);
    expect((await readCycle(db, workspaceId, id))!.status).toBe("running");
    await finishCycle(env, db, workspaceId, id, "failed", "test cleanup");
  });

  it(
    "releases a lock whose workflow errored, saying so",
    async () => {
      const { workspaceId, db } = await autopilotWorkspace();
      const id = newCycleId();
      await using instance = await introspectWorkflowInstance(env.AUTOPILOT, id);
      await instance.modify(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: "load" }, new Error("D1 is unreachable"));
      });
      await db
        .insert(autopilotCycle)
        .values({ id, workspaceId, status: "running", trigger: "api", plan: '["health"]', startedAt: new Date() });
      await env.AUTOPILOT.create({ id, params: { workspaceId, cycleId: id } });
      await instance.waitForStatus("errored");

      expect(await reconcileCycles(env, db, workspaceId)).toEqual([id]);
      expect(await readCycle(db, workspaceId, id)).toMatchObject({
        status: "failed",
        error: "The cycle's workflow ended: errored",
      });
    },
    CYCLE_WAIT_MS,
  );
});

/**
 * The conductor in workerd: a cycle is a real Workflows instance running its plan a step per
 * phase (phases replaced by test ones), retrying a phase that throws, recording it failed and
 * going on, and writing the Cycles row as it ends.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PHASES, type PhaseName } from "../../schema/autopilot";
import { autopilotAlert } from "../../schema/db";
import { openAlerts } from "./alerts";
import { emptyResult, type Phase } from "./context";
import { startCycle } from "./cycles";
import { autopilotWorkspace, CYCLE_WAIT_MS, cyclesRow, instantRetries, settledCycle, usePhases } from "./test/cycles";
import { GAVE_UP, PHASE_RETRIES } from "./workflow";

/** A phase that did `done` items and counted them under `key`, remembering each run. */
function countingPhase(name: PhaseName, done: number, key: string, runs: PhaseName[]): Phase {
  return async () => {
    runs.push(name);
    return { ...emptyResult(name), done, counts: { [key]: done } };
  };
}

describe("AutopilotWorkflow — a cycle runs its plan", () => {
  it(
    "runs every phase of the plan in order, then finishes with the Cycles row written",
    async () => {
      await instantRetries();
      const { workspaceId, db, owner } = await autopilotWorkspace();
      const runs: PhaseName[] = [];
      usePhases({
        health: countingPhase("health", 7, "checked", runs),
        scraping: countingPhase("scraping", 3, "scraped", runs),
        generation: async () => {
          runs.push("generation");
          return {
            ...emptyResult("generation"),
            done: 2,
            failed: 1,
            skipped: 4,
            counts: { generated: 2, published: 1 },
          };
        },
        pitching: countingPhase("pitching", 5, "sent", runs),
      });
      const started = await startCycle(env, db, workspaceId, {
        trigger: "button",
        plan: ["pitching", "health", "generation", "scraping"],
        startedBy: owner.id,
      });
      expect(started).toMatchObject({ status: "running", pending: ["health", "scraping", "generation", "pitching"] });

      const cycle = await settledCycle(workspaceId, started.id);
      expect(runs).toEqual(["health", "scraping", "generation", "pitching"]);
      expect(cycle).toMatchObject({ status: "finished", error: null, pending: [] });
      expect(cycle.phases.map((p) => [p.name, p.done, p.failed, p.skipped])).toEqual([
        ["health", 7, 0, 0],
        ["scraping", 3, 0, 0],
        ["generation", 2, 1, 4],
        ["pitching", 5, 0, 0],
      ]);
      const row = await cyclesRow(workspaceId, cycle);
      expect(row.text("status")).toBe("finished");
      expect(row.text("trigger")).toBe("button");
      expect([row.number("scraped"), row.number("generated"), row.number("published"), row.number("sent")]).toEqual([
        3, 2, 1, 5,
      ]);
      expect([row.number("failed"), row.number("skipped")]).toEqual([1, 4]);
      expect(row.text("phases")).toContain("generation 2 done, 1 failed, 4 skipped");
      expect(row.text("finishedAt")).not.toBe("");
      expect(row.number("durationSeconds")).toBeGreaterThanOrEqual(0);
    },
    CYCLE_WAIT_MS + 5_000,
  );

  it(
    "retries a phase that throws, records it failed with its error and still runs the later phases",
    async () => {
      await instantRetries();
      const { workspaceId, db } = await autopilotWorkspace();
      const runs: PhaseName[] = [];
      let scrapingTries = 0;
      usePhases({
        health: countingPhase("health", 1, "checked", runs),
        scraping: async () => {
          scrapingTries += 1;
          throw new Error("D1 is unreachable");
        },
        generation: countingPhase("generation", 2, "generated", runs),
      });
      const started = await startCycle(env, db, workspaceId, {
        trigger: "api",
        plan: ["health", "scraping", "generation"],
        startedBy: null,
      });
      const cycle = await settledCycle(workspaceId, started.id);

      expect(scrapingTries).toBe(PHASE_RETRIES.scraping.retries!.limit + 1);
      expect(runs).toEqual(["health", "generation"]);
      expect(cycle.status).toBe("finished");
      const scraping = cycle.phases.find((p) => p.name === "scraping")!;
      expect(scraping.error).toMatch(new RegExp(`^${GAVE_UP} after 4 tries: .*D1 is unreachable`));
      expect(cycle.phases.find((p) => p.name === "generation")).toMatchObject({ done: 2, error: null });
      const row = await cyclesRow(workspaceId, cycle);
      expect(row.text("errors")).toContain("scraping: Gave up after 4 tries");
    },
    CYCLE_WAIT_MS + 5_000,
  );

  it(
    "fails the cycle, lock released, when every phase fails",
    async () => {
      await instantRetries();
      const { workspaceId, db } = await autopilotWorkspace();
      const broken: Phase = async () => {
        throw new Error("the provider answered 500");
      };
      usePhases({ health: broken, report: broken });
      const started = await startCycle(env, db, workspaceId, {
        trigger: "api",
        plan: ["health", "report"],
        startedBy: null,
      });
      const cycle = await settledCycle(workspaceId, started.id);
      expect(cycle.status).toBe("failed");
      expect(cycle.error).toMatch(/^Every phase failed: health: Gave up after 2 tries/);
      expect((await openAlerts(db, workspaceId)).map((a) => [a.key, a.message])).toEqual([
        ["cycle-failed", cycle.error],
      ]);

      usePhases({ health: async () => ({ ...emptyResult("health"), done: 1 }) });
      const next = await startCycle(env, db, workspaceId, { trigger: "api", plan: ["health"], startedBy: null });
      expect(next.status).toBe("running");
      expect((await settledCycle(workspaceId, next.id)).status).toBe("finished");
      expect(await openAlerts(db, workspaceId)).toEqual([]);
    },
    CYCLE_WAIT_MS * 2,
  );

  it(
    "raises one alert when generation fails beyond its threshold, however many cycles do",
    async () => {
      await instantRetries();
      const { workspaceId, db } = await autopilotWorkspace();
      usePhases({ generation: async () => ({ ...emptyResult("generation"), done: 1, failed: 3 }) });
      for (let i = 0; i < 2; i++) {
        const started = await startCycle(env, db, workspaceId, {
          trigger: "api",
          plan: ["generation"],
          startedBy: null,
        });
        expect((await settledCycle(workspaceId, started.id)).status).toBe("finished");
      }
      const alerts = await db.select().from(autopilotAlert).where(eq(autopilotAlert.workspaceId, workspaceId));
      expect(alerts.map((a) => [a.key, a.clearedAt])).toEqual([["generation-failures", null]]);
      expect(alerts[0]!.message).toContain("75% of");
    },
    CYCLE_WAIT_MS * 2,
  );

  it(
    "runs the real phases on a workspace with nothing to hunt, and finishes",
    async () => {
      const { workspaceId, db } = await autopilotWorkspace();
      const started = await startCycle(env, db, workspaceId, { trigger: "button", plan: PHASES, startedBy: null });
      const cycle = await settledCycle(workspaceId, started.id);
      expect(cycle.status).toBe("finished");
      expect(cycle.phases.map((p) => p.name)).toEqual([...PHASES]);
    },
    CYCLE_WAIT_MS + 5_000,
  );
});

/**
 * Helpers for the conductor's tests inside workerd: a workspace made through the API, phases
 * replaced in the registry for one test, a cycle awaited until D1 says it ended, and its Cycles
 * row read by column key.
 */
import { env, introspectWorkflow } from "cloudflare:test";
import { afterEach } from "vitest";
import { AutopilotSettings, type CycleRecord, type PhaseName } from "../../../schema/autopilot";
import { getDb } from "../../db";
import { reader } from "../../kinds/tables";
import { ownerWithWorkspace } from "../../test/http";
import type { CycleContext, Phase } from "../context";
import { readCycle } from "../cycles";
import { PHASE_RUNNERS } from "../phases";
import { findAutopilotTables } from "../tables";

/** A cycle of fake phases ends in well under a second; D1, rooms and Workflows take a few more. */
export const CYCLE_WAIT_MS = 20_000;

const original = { ...PHASE_RUNNERS };
let introspector: Awaited<ReturnType<typeof introspectWorkflow>> | null = null;

afterEach(async () => {
  Object.assign(PHASE_RUNNERS, original);
  await introspector?.dispose();
  introspector = null;
});

/** Replaces phases of the registry until the test ends. */
export function usePhases(phases: Partial<Record<PhaseName, Phase>>) {
  Object.assign(PHASE_RUNNERS, phases);
}

/** Every cycle started from here on retries its steps at once instead of after minutes. */
export async function instantRetries() {
  introspector = await introspectWorkflow(env.AUTOPILOT);
  await introspector.modifyAll(async (m) => {
    await m.disableRetryDelays();
    await m.disableSleeps();
  });
}

export async function autopilotWorkspace() {
  const { owner, ws } = await ownerWithWorkspace("Autopilot Agency");
  return { owner, ws, workspaceId: ws.id, db: getDb(env.DB) };
}

/** The cycle once it is no longer running; rejects after `CYCLE_WAIT_MS` naming where it stood. */
export async function settledCycle(workspaceId: string, cycleId: string): Promise<CycleRecord> {
  const db = getDb(env.DB);
  const until = Date.now() + CYCLE_WAIT_MS;
  let last: CycleRecord | null = null;
  while (Date.now() < until) {
    last = await readCycle(db, workspaceId, cycleId);
    if (last && last.status !== "running") return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Cycle ${cycleId} still ${last?.status ?? "missing"} after ${CYCLE_WAIT_MS} ms: ${JSON.stringify(last)}`,
  );
}

/** The cycle's row in the Cycles table, read by column key. */
export async function cyclesRow(workspaceId: string, cycle: CycleRecord) {
  const tables = await findAutopilotTables(env, getDb(env.DB), workspaceId);
  if (!tables) throw new Error("The workspace has no Cycles table");
  if (!cycle.rowId) throw new Error(`Cycle ${cycle.id} has no Cycles row`);
  const [row] = await tables.cycles.room.readRows([cycle.rowId]);
  if (!row) throw new Error(`The Cycles row of ${cycle.id} is gone`);
  return reader(tables.cycles, row.cells);
}

/** A phase's context for cycle `cycleId` of the workspace, with settings read as the schema reads them. */
export const cycleContextFor =
  (workspaceId: string, actorId: string | null) =>
  (cycleId: string, settings: Record<string, unknown> = {}): CycleContext => ({
    env,
    db: getDb(env.DB),
    workspaceId,
    cycleId,
    settings: AutopilotSettings.parse(settings),
    startedAt: new Date(),
    actorId,
  });

/**
 * The cycle store: a cycle in D1 (`autopilot_cycle`, whose partial unique index is the
 * single-cycle lock of a workspace), mirrored in the workspace's Cycles row, run by one Workflows
 * instance of the same id. Starting takes the lock or says who holds it; a lock whose instance
 * has ended without finishing the cycle is released by `reconcileCycles`.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import {
  CYCLE_STATUSES,
  CYCLE_TRIGGERS,
  type CycleRecord,
  type CycleStatus,
  type CycleTrigger,
  PHASES,
  type PhaseName,
  type PhaseResult,
} from "../../schema/autopilot";
import { autopilotCycle, membership } from "../../schema/db";
import type { Db } from "../db";
import { byKey } from "../kinds/tables";
import { cycleCells, withPhase } from "./cycle-summary";
import { autopilotOrigin } from "./note";
import { ensureAutopilotTables, findAutopilotTables } from "./tables";

/** What the Workflows instance of a cycle is given. */
export type CycleParams = { workspaceId: string; cycleId: string };

/** A cycle of the workspace is running already (the API's 409). */
export class CycleBusyError extends Error {
  override name = "CycleBusyError";
  constructor(readonly cycleId: string) {
    super(`A cycle is already running (${cycleId}); wait for it to finish`);
  }
}

/**
 * A cycle D1 calls running whose instance cannot be found is left alone this long: between the
 * lock's insert and `AUTOPILOT.create` the instance does not exist yet.
 */
export const STARTING_GRACE_MS = 60_000;

/** Instance states that will never finish the cycle (Workflows' `InstanceStatus`). */
const ENDED = new Set(["errored", "terminated", "complete", "unknown"]);

/** `cyc_` + time (base 36) + randomness: sortable by start, and a valid Workflows instance id. */
export function newCycleId(at = Date.now()): string {
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join("");
  return `cyc_${at.toString(36)}${rand}`;
}

/** Phases in the order a cycle runs them, each once. */
export const inCycleOrder = (names: readonly PhaseName[]): PhaseName[] => PHASES.filter((n) => names.includes(n));

type CycleRow = typeof autopilotCycle.$inferSelect;

const asList = <T>(json: string): T[] => {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

export function cycleRecord(row: CycleRow): CycleRecord {
  const plan = asList<PhaseName>(row.plan).filter((name) => PHASES.includes(name));
  const phases = asList<PhaseResult>(row.phases);
  return {
    id: row.id,
    status: (CYCLE_STATUSES as readonly string[]).includes(row.status) ? (row.status as CycleStatus) : "failed",
    trigger: (CYCLE_TRIGGERS as readonly string[]).includes(row.trigger) ? (row.trigger as CycleTrigger) : "api",
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    phases,
    pending: plan.filter((name) => !phases.some((p) => p.name === name)),
    error: row.error,
    rowId: row.rowId,
  };
}

/** The member a cycle acts as: the workspace's first owner (null when it has none). */
export async function cycleActor(db: Db, workspaceId: string): Promise<string | null> {
  const owner = await db.query.membership.findFirst({
    where: and(eq(membership.workspaceId, workspaceId), eq(membership.role, "owner")),
    orderBy: asc(membership.createdAt),
  });
  return owner?.userId ?? null;
}

async function rowOf(db: Db, workspaceId: string, cycleId: string): Promise<CycleRow | undefined> {
  return db.query.autopilotCycle.findFirst({
    where: and(eq(autopilotCycle.id, cycleId), eq(autopilotCycle.workspaceId, workspaceId)),
  });
}

/** The cycle, or null when the workspace has no such cycle. */
export async function readCycle(db: Db, workspaceId: string, cycleId: string): Promise<CycleRecord | null> {
  const row = await rowOf(db, workspaceId, cycleId);
  return row ? cycleRecord(row) : null;
}

/** The workspace's latest cycles, newest first. */
export async function listCycles(db: Db, workspaceId: string, limit: number): Promise<CycleRecord[]> {
  const rows = await db.query.autopilotCycle.findMany({
    where: eq(autopilotCycle.workspaceId, workspaceId),
    orderBy: desc(autopilotCycle.startedAt),
    limit,
  });
  return rows.map(cycleRecord);
}

/** The workspace's running cycle, if any. */
export async function runningCycle(db: Db, workspaceId: string): Promise<CycleRecord | null> {
  const row = await db.query.autopilotCycle.findFirst({
    where: and(eq(autopilotCycle.workspaceId, workspaceId), eq(autopilotCycle.status, "running")),
  });
  return row ? cycleRecord(row) : null;
}

/**
 * Writes the cycle as D1 has it into its Cycles row. The row is found by its Cycle cell (or
 * made) in one room step, so a retried write after a lost answer never makes a second row.
 */
async function mirror(env: Env, db: Db, row: CycleRow): Promise<void> {
  const record = cycleRecord(row);
  const tables =
    (await findAutopilotTables(env, db, row.workspaceId)) ??
    (await ensureAutopilotTables(env, db, row.workspaceId, row.startedBy));
  const cells = byKey(tables.cycles, cycleCells(record));
  const origin = autopilotOrigin(row.id);
  let rowId = row.rowId;
  if (!rowId) {
    const cycleColumn = tables.cycles.keys.cycle;
    const found = await tables.cycles.room.findOrInsertRow({
      match: cycleColumn ? [{ columnId: cycleColumn, value: row.id }] : [],
      cells,
      origin,
    });
    if (!found.ok) throw new Error(`The Cycles row of ${row.id} could not be made: ${found.message}`);
    await db.update(autopilotCycle).set({ rowId: found.value.id }).where(eq(autopilotCycle.id, row.id));
    if (found.value.created) return;
    rowId = found.value.id;
  }
  const written = await tables.cycles.room.patchRows([{ id: rowId, cells }], origin);
  if (!written.ok) throw new Error(`The Cycles row of ${row.id} could not be written: ${written.message}`);
}

export type StartCycle = { trigger: CycleTrigger; plan: readonly PhaseName[]; startedBy: string | null };

/**
 * Releases a stale lock, takes the workspace's lock, writes the Cycles row and starts the
 * cycle's Workflows instance. Throws `CycleBusyError` while another cycle runs; when the instance cannot be created the
 * cycle is recorded failed with the reason (the lock released) and the error rethrown.
 */
export async function startCycle(env: Env, db: Db, workspaceId: string, start: StartCycle): Promise<CycleRecord> {
  const plan = inCycleOrder(start.plan);
  if (!plan.length) throw new Error("A cycle needs at least one phase to run");
  await reconcileCycles(env, db, workspaceId);
  const id = newCycleId();
  const inserted = await db
    .insert(autopilotCycle)
    .values({
      id,
      workspaceId,
      status: "running",
      trigger: start.trigger,
      plan: JSON.stringify(plan),
      startedBy: start.startedBy,
      startedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning();
  if (!inserted.length) {
    const running = await runningCycle(db, workspaceId);
    throw new CycleBusyError(running?.id ?? "unknown");
  }
  try {
    await mirror(env, db, inserted[0]!);
    const params: CycleParams = { workspaceId, cycleId: id };
    await env.AUTOPILOT.create({ id, params });
  } catch (error) {
    const reason = `The cycle could not start: ${error instanceof Error ? error.message : String(error)}`;
    // The lock is released by the D1 update even when the Cycles row cannot be written.
    await finishCycle(env, db, workspaceId, id, "failed", reason).catch((mirrorError: unknown) =>
      console.warn(`rowpilot: the Cycles row of ${id} was not updated: ${(mirrorError as Error).message}`),
    );
    throw error;
  }
  return (await readCycle(db, workspaceId, id))!;
}

/** Records a phase's result (replacing an earlier record of the same phase) in D1 and the Cycles row. */
export async function recordPhase(
  env: Env,
  db: Db,
  workspaceId: string,
  cycleId: string,
  result: PhaseResult,
): Promise<void> {
  const row = await rowOf(db, workspaceId, cycleId);
  if (!row) throw new Error(`Cycle ${cycleId} is not in the workspace`);
  const phases = JSON.stringify(withPhase(asList<PhaseResult>(row.phases), result, asList<PhaseName>(row.plan)));
  const [updated] = await db.update(autopilotCycle).set({ phases }).where(eq(autopilotCycle.id, cycleId)).returning();
  await mirror(env, db, updated!);
}

/** Ends the cycle (releasing the lock) and writes its Cycles row; a cycle already ended keeps its end. */
export async function finishCycle(
  env: Env,
  db: Db,
  workspaceId: string,
  cycleId: string,
  status: Exclude<CycleStatus, "running">,
  error: string | null,
): Promise<void> {
  const [updated] = await db
    .update(autopilotCycle)
    .set({ status, error, finishedAt: new Date() })
    .where(
      and(
        eq(autopilotCycle.id, cycleId),
        eq(autopilotCycle.workspaceId, workspaceId),
        eq(autopilotCycle.status, "running"),
      ),
    )
    .returning();
  // A retried finish (its D1 update done, the row write lost) still writes the row as D1 has it.
  const ended = updated ?? (await rowOf(db, workspaceId, cycleId));
  if (ended && ended.status !== "running") await mirror(env, db, ended);
}

/**
 * Releases locks nobody holds: each running cycle whose Workflows instance has ended (errored,
 * terminated, complete without finishing the cycle) or cannot be found past the starting grace
 * is recorded failed with the reason. Returns the ids released.
 */
export async function reconcileCycles(env: Env, db: Db, workspaceId: string, now = new Date()): Promise<string[]> {
  const running = await db.query.autopilotCycle.findMany({
    where: and(eq(autopilotCycle.workspaceId, workspaceId), eq(autopilotCycle.status, "running")),
  });
  const released: string[] = [];
  for (const row of running) {
    const state = await instanceState(env, row.id);
    const young = now.getTime() - row.startedAt.getTime() < STARTING_GRACE_MS;
    if (!ENDED.has(state) || (state === "unknown" && young)) continue;
    const reason =
      state === "unknown"
        ? "The cycle's workflow was not found: it never started or was deleted"
        : `The cycle's workflow ended: ${state}`;
    await finishCycle(env, db, workspaceId, row.id, "failed", reason);
    released.push(row.id);
  }
  return released;
}

/**
 * The instance's status: "unknown" only when Workflows says there is no such instance; any other
 * failure to ask ("unreachable") leaves the cycle running, so a passing error never releases a
 * lock a live cycle holds.
 */
async function instanceState(env: Env, id: string): Promise<string> {
  try {
    return (await (await env.AUTOPILOT.get(id)).status()).status;
  } catch (error) {
    return /not[ _.]?found/i.test(String((error as Error)?.message ?? error)) ? "unknown" : "unreachable";
  }
}

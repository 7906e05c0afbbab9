/**
 * Enrollments: rows entering a journey (each a D1 `journey_enrollment` and a Workflows instance
 * of the same id), the list the API shows, ending one, and moving the active ones of older
 * versions to the latest. One enrollment per journey and row is active at a time: D1's partial
 * unique index says so, whatever the re-entry rule, so two callers enrolling the same row at once
 * make one enrollment between them.
 */
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { journey, journeyEnrollment } from "../../schema/db";
import type { EnrollAnswer, EnrollmentItem, EnrollmentStatus, MoveAnswer } from "../../schema/journeys";
import type { Db } from "../db";
import { tableHandle } from "../kinds/tables";
import { publishedDefinition, refreshJourneyRow } from "./store";

/** What a journey's Workflows instance is started with (its id is `enrollmentId`). */
export type JourneyRunParams = {
  enrollmentId: string;
  workspaceId: string;
  journeyId: string;
  version: number;
  tableId: string;
  rowId: string;
  compress: boolean;
  /** A node to start at instead of the definition's start (a lead moved to a new version). */
  startAt?: string;
};

/** Workflows' `createBatch` takes at most 100 instances a call (its documented limit). */
const CREATE_BATCH_MAX = 100;
/** The most enrollments the API lists at once. */
const LIST_DEFAULT = 500;

/** The journey's record whatever its workspace (callers have checked access). */
/** Row ids asked about per statement: D1 binds at most 100 parameters, and two go to the journey and table. */
const ROWS_PER_QUERY = 90;

const journeyOf = (db: Db, id: string) => db.query.journey.findFirst({ where: eq(journey.id, id) });

const isUniqueViolation = (error: unknown) => /UNIQUE constraint failed/i.test(String((error as Error)?.message));

type Planned = { rowId: string; params: JourneyRunParams };

/** Starts one Workflows instance per planned enrollment; one that cannot start ends its enrollment with the error. */
async function startInstances(env: Env, db: Db, planned: Planned[]): Promise<Set<string>> {
  const failed = new Set<string>();
  for (let i = 0; i < planned.length; i += CREATE_BATCH_MAX) {
    const batch = planned.slice(i, i + CREATE_BATCH_MAX);
    let errors: { index: number; message: string }[];
    try {
      const result = await env.JOURNEY.createBatch({
        instances: batch.map((p) => ({ id: p.params.enrollmentId, params: p.params })),
      });
      errors = result.errors;
    } catch (error) {
      errors = batch.map((_, index) => ({ index, message: (error as Error).message }));
    }
    for (const { index, message } of errors) {
      const p = batch[index];
      if (!p) continue;
      failed.add(p.params.enrollmentId);
      await closeEnrollment(db, p.params.enrollmentId, "exited", `could not start: ${message}`);
    }
  }
  return failed;
}

/** active → `status`, once: answers whether this call was the one that ended it. */
async function closeEnrollment(db: Db, id: string, status: "exited" | "finished", reason: string): Promise<boolean> {
  const now = new Date();
  const ended = await db
    .update(journeyEnrollment)
    .set({ status, exitReason: reason, updatedAt: now, finishedAt: now })
    .where(and(eq(journeyEnrollment.id, id), eq(journeyEnrollment.status, "active")))
    .returning({ id: journeyEnrollment.id });
  return ended.length > 0;
}

/**
 * Enrolls `rowIds` of `tableId` in the journey's latest published version; rows the journey
 * cannot take (not active, no such row, its re-entry rule, already inside) are skipped with why.
 */
export function enrollRows(
  env: Env,
  db: Db,
  journeyId: string,
  input: { tableId: string; rowIds: string[]; compress?: boolean; source: string },
): Promise<EnrollAnswer> {
  return enroll(env, db, journeyId, input);
}

/** A move: the row was inside a moment ago, so re-entry rules do not apply; it starts at `startAt` when given. */
type MoveOptions = { move: true; startAt: string | null };

async function enroll(
  env: Env,
  db: Db,
  journeyId: string,
  input: { tableId: string; rowIds: string[]; compress?: boolean; source: string },
  move?: MoveOptions,
): Promise<EnrollAnswer> {
  const answer: EnrollAnswer = { enrolled: [], skipped: [] };
  const skipAll = (reason: string) => ({ enrolled: [], skipped: input.rowIds.map((rowId) => ({ rowId, reason })) });
  const record = await journeyOf(db, journeyId);
  if (!record) return skipAll("no such journey");
  if (record.status !== "active") return skipAll(`the journey is ${record.status}, not active`);
  const definition = record.version > 0 ? await publishedDefinition(db, journeyId, record.version) : null;
  if (!definition) return skipAll("the journey has no published version");
  if (definition.table !== input.tableId) return skipAll("the journey runs on another table");

  const table = await tableHandle(env, input.tableId);
  const rowIds = [...new Set(input.rowIds)];
  const existing = new Set((await table.room.readRows(rowIds)).map((r) => r.id));
  const history: { rowId: string; status: string }[] = [];
  for (let i = 0; i < rowIds.length; i += ROWS_PER_QUERY) {
    const rows = await db
      .select({ rowId: journeyEnrollment.rowId, status: journeyEnrollment.status })
      .from(journeyEnrollment)
      .where(
        and(
          eq(journeyEnrollment.journeyId, journeyId),
          eq(journeyEnrollment.tableId, input.tableId),
          inArray(journeyEnrollment.rowId, rowIds.slice(i, i + ROWS_PER_QUERY)),
        ),
      );
    history.push(...rows);
  }
  const planned: Planned[] = [];
  for (const rowId of rowIds) {
    const past = history.filter((h) => h.rowId === rowId);
    if (!existing.has(rowId)) answer.skipped.push({ rowId, reason: "no such row in the table" });
    else if (past.some((h) => h.status === "active")) answer.skipped.push({ rowId, reason: "already in this journey" });
    else if (!move && definition.reentry === "never" && past.length)
      answer.skipped.push({ rowId, reason: "was in this journey before (re-entry: never)" });
    else {
      const enrollmentId = crypto.randomUUID();
      const now = new Date();
      try {
        await db.insert(journeyEnrollment).values({
          id: enrollmentId,
          workspaceId: record.workspaceId,
          journeyId,
          version: record.version,
          tableId: input.tableId,
          rowId,
          status: "active",
          compress: input.compress ?? false,
          source: input.source,
          enteredAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        answer.skipped.push({ rowId, reason: "already in this journey" });
        continue;
      }
      const startAt = move?.startAt;
      planned.push({
        rowId,
        params: {
          enrollmentId,
          workspaceId: record.workspaceId,
          journeyId,
          version: record.version,
          tableId: input.tableId,
          rowId,
          compress: input.compress ?? false,
          ...(startAt ? { startAt } : {}),
        },
      });
    }
  }
  const failed = await startInstances(env, db, planned);
  for (const p of planned) {
    if (failed.has(p.params.enrollmentId)) answer.skipped.push({ rowId: p.rowId, reason: "could not start" });
    else answer.enrolled.push({ rowId: p.rowId, enrollmentId: p.params.enrollmentId });
  }
  if (planned.length) await refreshJourneyRow(env, db, journeyId);
  return answer;
}

type EnrollmentRow = typeof journeyEnrollment.$inferSelect;

const itemOf = (r: EnrollmentRow): EnrollmentItem => ({
  id: r.id,
  rowId: r.rowId,
  tableId: r.tableId,
  version: r.version,
  status: r.status as EnrollmentStatus,
  node: r.node,
  enteredAt: r.enteredAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  capped: r.capped === "deferred" || r.capped === "dropped" ? r.capped : null,
  exitReason: r.exitReason,
});

/** The journey's enrollments, newest first. */
export async function listEnrollments(db: Db, journeyId: string, limit = LIST_DEFAULT): Promise<EnrollmentItem[]> {
  const rows = await db
    .select()
    .from(journeyEnrollment)
    .where(eq(journeyEnrollment.journeyId, journeyId))
    .orderBy(desc(journeyEnrollment.enteredAt))
    .limit(limit);
  return rows.map(itemOf);
}

/** Stops the instance of an enrollment; one that already finished or never started is fine. */
async function terminate(env: Env, id: string): Promise<void> {
  try {
    await (await env.JOURNEY.get(id)).terminate();
  } catch {
    // Already complete, errored or terminated, or never created: nothing runs any more.
  }
}

/**
 * Ends an active enrollment (a reply, a person taking the lead out, a move) and stops its
 * instance. Answers whether this call ended it: two callers end it once.
 */
export async function endEnrollment(
  env: Env,
  db: Db,
  enrollmentId: string,
  status: "exited" | "finished",
  reason: string,
): Promise<boolean> {
  const ended = await closeEnrollment(db, enrollmentId, status, reason);
  if (!ended) return false;
  await terminate(env, enrollmentId);
  const row = await db.query.journeyEnrollment.findFirst({ where: eq(journeyEnrollment.id, enrollmentId) });
  if (row) await refreshJourneyRow(env, db, row.journeyId);
  return true;
}

/**
 * Moves each active enrollment of an older version to the latest: the old one ends ("moved to
 * version N") and a new one starts at the same node when the new version still has it, else at
 * its start.
 */
export async function moveToLatest(env: Env, db: Db, journeyId: string): Promise<MoveAnswer> {
  const record = await journeyOf(db, journeyId);
  const definition = record && record.version > 0 ? await publishedDefinition(db, journeyId, record.version) : null;
  // Only an active journey takes leads in; checked before any lead leaves its old version.
  if (!record || !definition || record.status !== "active") return { moved: 0, restarted: 0 };
  const old = await db
    .select()
    .from(journeyEnrollment)
    .where(
      and(
        eq(journeyEnrollment.journeyId, journeyId),
        eq(journeyEnrollment.status, "active"),
        lt(journeyEnrollment.version, record.version),
      ),
    );
  const ids = new Set(definition.nodes.map((n) => n.id));
  const answer: MoveAnswer = { moved: 0, restarted: 0 };
  for (const e of old) {
    // A version on another table cannot take this row: it stays where it is.
    if (e.tableId !== definition.table) continue;
    if (!(await closeEnrollment(db, e.id, "exited", `moved to version ${record.version}`))) continue;
    await terminate(env, e.id);
    const sameNode = e.node && ids.has(e.node) ? e.node : null;
    const { enrolled } = await enroll(
      env,
      db,
      journeyId,
      { tableId: e.tableId, rowIds: [e.rowId], compress: e.compress, source: "move" },
      { move: true, startAt: sameNode },
    );
    if (!enrolled.length) continue;
    if (sameNode) answer.moved++;
    else answer.restarted++;
  }
  if (old.length) await refreshJourneyRow(env, db, journeyId);
  return answer;
}

/** The row's active enrollments across the workspace's journeys. */
export async function activeEnrollmentsOf(
  db: Db,
  workspaceId: string,
  tableId: string,
  rowId: string,
): Promise<{ id: string; journeyId: string; version: number; node: string | null }[]> {
  return db
    .select({
      id: journeyEnrollment.id,
      journeyId: journeyEnrollment.journeyId,
      version: journeyEnrollment.version,
      node: journeyEnrollment.node,
    })
    .from(journeyEnrollment)
    .where(
      and(
        eq(journeyEnrollment.workspaceId, workspaceId),
        eq(journeyEnrollment.tableId, tableId),
        eq(journeyEnrollment.rowId, rowId),
        eq(journeyEnrollment.status, "active"),
      ),
    );
}

/**
 * What a journey's status means for the leads inside: paused holds each run where it is
 * (Workflows pauses the instance; it resumes when the journey is activated), archived takes them
 * out. Answers how many enrollments were touched.
 */
export async function applyStatusToEnrollments(
  env: Env,
  db: Db,
  journeyId: string,
  status: "active" | "paused" | "archived",
): Promise<number> {
  const active = await db
    .select({ id: journeyEnrollment.id })
    .from(journeyEnrollment)
    .where(and(eq(journeyEnrollment.journeyId, journeyId), eq(journeyEnrollment.status, "active")));
  for (const { id } of active) {
    if (status === "archived") {
      await endEnrollment(env, db, id, "exited", "journey archived");
      continue;
    }
    try {
      const instance = await env.JOURNEY.get(id);
      if (status === "paused") await instance.pause();
      else await instance.resume();
    } catch (error) {
      // Finished, errored or not yet running: nothing to hold or wake.
      console.warn(
        `rowpilot: journey ${journeyId}: could not ${status === "paused" ? "pause" : "resume"} ${id}: ${(error as Error).message}`,
      );
    }
  }
  return active.length;
}

/**
 * Journeys in D1: a journey's record with its draft, and its published versions (immutable once
 * written). The draft and versions are JSON checked with the definition schema on every read, so
 * a row written by an older build reads as its defaults rather than crashing a run.
 */
import { and, desc, eq } from "drizzle-orm";
import { journey, journeyVersion } from "../../schema/db";
import { JourneyDefinition, type JourneyItem, type JourneyStatus, type PublishProblem } from "../../schema/journeys";
import { JOURNEYS_KINDS } from "../../schema/journeys-tables";
import { hashSecret, newSecret } from "../auth/tokens";
import type { Db } from "../db";
import { byKey, idOfKind, tableHandle } from "../kinds/tables";
import { publishProblems } from "./check";
import { journeyCounts } from "./counts";
import { entryInWords, goalLabel } from "./describe";
import { applyStatusToEnrollments } from "./enroll";
import { unwireEntry, wireEntry } from "./entry";
import { ensureJourneyTables } from "./tables";

export type JourneyRecord = {
  id: string;
  workspaceId: string;
  name: string;
  status: JourneyStatus;
  version: number;
  draft: JourneyDefinition;
  updatedAt: Date;
};

export function parseDefinition(json: string): JourneyDefinition | null {
  try {
    const parsed = JourneyDefinition.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The workspace's journey `id`, or null (another workspace's journey is not found either). */
export async function readJourney(db: Db, workspaceId: string, id: string): Promise<JourneyRecord | null> {
  const row = await db.query.journey.findFirst({
    where: and(eq(journey.id, id), eq(journey.workspaceId, workspaceId)),
  });
  const draft = row ? parseDefinition(row.draft) : null;
  if (!row || !draft) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    status: row.status as JourneyStatus,
    version: row.version,
    draft,
    updatedAt: row.updatedAt,
  };
}

/** A published version's definition, or null when there is no such version. */
export async function publishedDefinition(
  db: Db,
  journeyId: string,
  version: number,
): Promise<JourneyDefinition | null> {
  const row = await db.query.journeyVersion.findFirst({
    where: and(eq(journeyVersion.journeyId, journeyId), eq(journeyVersion.version, version)),
  });
  return row ? parseDefinition(row.definition) : null;
}

const origin = { kind: "automation", job: "journeys" } as const;

/** The most journeys a list answers: far more than a workspace's canvas list shows at once. */
export const MAX_JOURNEYS_LISTED = 500;

/**
 * Makes a draft journey: its Journeys row first (the row id is the journey id), then its D1
 * record. A webhook entry gets its secret now, answered once.
 * @example const { id, hookSecret } = await createJourney(env, db, workspaceId, userId, def);
 */
export async function createJourney(
  env: Env,
  db: Db,
  workspaceId: string,
  userId: string | null,
  def: JourneyDefinition,
): Promise<{ id: string; hookSecret: string | null }> {
  const tables = await ensureJourneyTables(env, db, workspaceId, userId);
  const now = new Date();
  const cells = byKey(tables.journeys, {
    name: def.name,
    status: "draft",
    version: 0,
    entry: await entryInWords(db, def.entry, def.table),
    goal: goalLabel(def),
    enrolled: 0,
    active: 0,
    converted: 0,
    exited: 0,
    updated: now.toISOString(),
  });
  const inserted = await tables.journeys.room.insertRow(cells, origin);
  if (!inserted.ok) throw new Error(`Could not add the journey's row: ${inserted.message}`);
  const hookSecret = def.entry.kind === "webhook" ? newSecret("hook") : null;
  await db.insert(journey).values({
    id: inserted.value,
    workspaceId,
    name: def.name,
    status: "draft",
    draft: JSON.stringify(def),
    version: 0,
    entryKind: def.entry.kind,
    hookSecretHash: hookSecret ? await hashSecret(hookSecret) : null,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  });
  return { id: inserted.value, hookSecret };
}

/**
 * Replaces a journey's draft (published versions are untouched). A draft that turns to a webhook
 * entry gets a secret the first time, answered once.
 */
export async function replaceDraft(
  env: Env,
  db: Db,
  record: JourneyRecord,
  def: JourneyDefinition,
): Promise<{ hookSecret: string | null }> {
  const existing = await db.query.journey.findFirst({ where: eq(journey.id, record.id) });
  const hookSecret = def.entry.kind === "webhook" && !existing?.hookSecretHash ? newSecret("hook") : null;
  await db
    .update(journey)
    .set({
      name: def.name,
      draft: JSON.stringify(def),
      ...(record.version === 0 ? { entryKind: def.entry.kind } : {}),
      ...(hookSecret ? { hookSecretHash: await hashSecret(hookSecret) } : {}),
      updatedAt: new Date(),
    })
    .where(eq(journey.id, record.id));
  await refreshJourneyRow(env, db, record.id);
  return { hookSecret };
}

/** A new webhook secret for the journey (the old one stops working); answered once. */
export async function renewHookSecret(db: Db, journeyId: string): Promise<string> {
  const secret = newSecret("hook");
  await db
    .update(journey)
    .set({ hookSecretHash: await hashSecret(secret) })
    .where(eq(journey.id, journeyId));
  return secret;
}

/** Whether `secret` is the journey's webhook secret. */
export async function hookSecretMatches(db: Db, journeyId: string, secret: string): Promise<boolean> {
  const row = await db.query.journey.findFirst({ where: eq(journey.id, journeyId) });
  return !!row?.hookSecretHash && row.hookSecretHash === (await hashSecret(secret));
}

export type StatusChange = { ok: true } | { ok: false; status: 409; message: string };

/**
 * Pauses, activates or archives a journey. Pausing stops new entries (its entry rule is turned
 * off) and holds the leads inside where they are; archiving also takes them out; activating needs
 * a published version, turns the entry back on and lets held leads go on. An archived journey
 * stays archived.
 */
export async function setStatus(env: Env, db: Db, record: JourneyRecord, status: JourneyStatus): Promise<StatusChange> {
  if (record.status === "archived" && status !== "archived")
    return { ok: false, status: 409, message: "The journey is archived; make a new one from its definition." };
  if (status === "active" && record.version === 0)
    return { ok: false, status: 409, message: "Publish the journey before activating it." };
  if (status === "draft" && record.version > 0)
    return { ok: false, status: 409, message: "A published journey cannot go back to draft; pause it instead." };
  await db.update(journey).set({ status, updatedAt: new Date() }).where(eq(journey.id, record.id));
  const published = record.version > 0 ? await publishedDefinition(db, record.id, record.version) : null;
  if (published) {
    if (status === "active") await wireEntry(env, db, record, published);
    else await unwireEntry(env, db, record, published);
  }
  if (status !== "draft" && status !== record.status) await applyStatusToEnrollments(env, db, record.id, status);
  await refreshJourneyRow(env, db, record.id);
  return { ok: true };
}

export type PublishResult = { ok: true; version: number } | { ok: false; problems: PublishProblem[] };

/**
 * Publishes the draft: checked (a refusal names the node), written as the next immutable
 * version in one transaction that also moves the journey to it (two publishes at once make two
 * versions, never one twice), made active, its entry wired.
 */
export async function publishJourney(
  env: Env,
  db: Db,
  record: JourneyRecord,
  userId: string | null,
): Promise<PublishResult> {
  const def = record.draft;
  const problems = await publishProblems(env, db, record.workspaceId, def);
  if (problems.length) return { ok: false, problems };
  const previous = record.version > 0 ? await publishedDefinition(db, record.id, record.version) : null;
  const now = Date.now();
  const [, updated] = await env.DB.batch<{ version: number }>([
    env.DB.prepare(
      `INSERT INTO journey_version (journey_id, version, definition, published_by, published_at)
       SELECT id, version + 1, ?, ?, ? FROM journey WHERE id = ?`,
    ).bind(JSON.stringify(def), userId, now, record.id),
    env.DB.prepare(
      `UPDATE journey SET version = version + 1, status = 'active', entry_kind = ?, updated_at = ?
       WHERE id = ? RETURNING version`,
    ).bind(def.entry.kind, now, record.id),
  ]);
  const version = updated?.results[0]?.version;
  if (typeof version !== "number") throw new Error(`Journey ${record.id} vanished while it was published.`);
  // The previous version's entry may sit on another table (or be of a kind without a rule).
  if (previous) await unwireEntry(env, db, record, previous);
  await wireEntry(env, db, record, def);
  await refreshJourneyRow(env, db, record.id);
  return { ok: true, version };
}

/** A journey as the API answers it: draft, latest published definition, counts, hook URL. */
export async function journeyItem(env: Env, db: Db, record: JourneyRecord): Promise<JourneyItem> {
  const published = record.version > 0 ? await publishedDefinition(db, record.id, record.version) : null;
  const entryKind = (published ?? record.draft).entry.kind;
  return {
    id: record.id,
    name: record.name,
    status: record.status,
    version: record.version,
    definition: record.draft,
    published,
    changed: !published || JSON.stringify(published) !== JSON.stringify(record.draft),
    counts: await journeyCounts(env.DB, record.id),
    hookUrl: entryKind === "webhook" ? `${env.APP_URL.replace(/\/$/, "")}/hooks/journey/${record.id}` : null,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The workspace's journeys, the latest changed first. */
export async function listJourneys(env: Env, db: Db, workspaceId: string): Promise<JourneyItem[]> {
  const rows = await db.query.journey.findMany({
    where: eq(journey.workspaceId, workspaceId),
    orderBy: desc(journey.updatedAt),
    limit: MAX_JOURNEYS_LISTED,
  });
  const records = await Promise.all(rows.map((row) => readJourney(db, workspaceId, row.id)));
  return Promise.all(records.filter((r): r is JourneyRecord => r !== null).map((r) => journeyItem(env, db, r)));
}

/**
 * Mirrors a journey into its Journeys row: status, version, entry and goal in words, counts.
 * One patch; cheap enough to call whenever an enrollment starts or ends. A row deleted from
 * the grid is left deleted.
 */
export async function refreshJourneyRow(env: Env, db: Db, journeyId: string): Promise<void> {
  const row = await db.query.journey.findFirst({ where: eq(journey.id, journeyId) });
  if (!row) return;
  // Only the Journeys table's handle: this runs as every enrollment starts and ends.
  const tableId = await idOfKind(db, row.workspaceId, JOURNEYS_KINDS.journeys);
  const draft = parseDefinition(row.draft);
  if (!tableId || !draft) return;
  const journeys = await tableHandle(env, tableId);
  const def = (row.version > 0 ? await publishedDefinition(db, journeyId, row.version) : null) ?? draft;
  const counts = await journeyCounts(env.DB, journeyId);
  const cells = byKey(journeys, {
    name: row.name,
    status: row.status,
    version: row.version,
    entry: await entryInWords(db, def.entry, def.table),
    goal: goalLabel(def),
    enrolled: counts.enrolled,
    active: counts.active,
    converted: counts.converted,
    exited: counts.exited,
    updated: new Date().toISOString(),
  });
  await journeys.room.patchRow(journeyId, cells, origin);
}

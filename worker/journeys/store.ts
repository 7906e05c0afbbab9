/**
 * Journeys in D1: a journey's record with its draft, and its published versions (immutable once
 * written). The draft and versions are JSON checked with the definition schema on every read, so
 * a row written by an older build reads as its defaults rather than crashing a run.
 */
import { and, eq } from "drizzle-orm";
import { journey, journeyVersion } from "../../schema/db";
import { JourneyDefinition, type JourneyStatus } from "../../schema/journeys";
import type { Db } from "../db";

export type JourneyRecord = {
  id: string;
  workspaceId: string;
  name: string;
  status: JourneyStatus;
  version: number;
  draft: JourneyDefinition;
  updatedAt: Date;
};

function parseDefinition(json: string): JourneyDefinition | null {
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

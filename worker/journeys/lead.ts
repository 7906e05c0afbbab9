/**
 * A lead as a journey's step sees it: the row's cells by column name (formula columns computed,
 * as rules see rows), the events heard for it, its time zone, engagement and channel scores: the
 * facts conditions are evaluated on, read afresh at every visit.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { channelScores } from "../../automation/journeys/channel";
import type { LeadFacts } from "../../automation/journeys/conditions";
import { leadEvent } from "../../schema/db";
import { JourneySettings } from "../../schema/journeys";
import type { CellValue } from "../../schema/tables";
import { isTimeZone } from "../../schema/time-zone";
import type { Db } from "../db";
import { tableHandle } from "../kinds/tables";
import { readStoredSettings } from "../stored-settings";

/** The workspace settings section journeys read (caps, quiet hours, the default zone). */
export const JOURNEY_SETTINGS_KEY = "journeys";

/** The most events a condition looks back over: a lead's recent history, not its whole life. */
const EVENTS_READ_MAX = 1000;

export function readJourneySettings(db: Db, workspaceId: string): Promise<JourneySettings> {
  return readStoredSettings(db, workspaceId, JOURNEY_SETTINGS_KEY, JourneySettings, () => JourneySettings.parse({}));
}

/** The row's cells by column name, formula columns computed; null when the row is gone. */
export async function readLeadRow(env: Env, tableId: string, rowId: string): Promise<Record<string, CellValue> | null> {
  const table = await tableHandle(env, tableId);
  const [row] = await table.room.readRows([rowId]);
  if (!row) return null;
  return Object.fromEntries(table.columns.map((c) => [c.name, row.cells[c.id] ?? null]));
}

/** The lead's zone: its Time zone cell when that is an IANA zone, else the workspace's. */
export function leadZone(row: Record<string, CellValue>, settings: JourneySettings): string {
  const cell = row["Time zone"];
  return typeof cell === "string" && isTimeZone(cell.trim()) ? cell.trim() : settings.zone;
}

/** A short name for the lead in step rows and handoffs. */
/** How a lead is named in step rows and handoffs: its Name, Company, Business or Email cell (any case), else its row id. */
export function leadNameOf(row: Record<string, CellValue>, rowId: string): string {
  for (const name of ["name", "company", "business", "business name", "email"]) {
    const value = Object.entries(row).find(([k]) => k.toLowerCase() === name)?.[1];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return rowId;
}

export type LeadEventRecord = { type: string; key: string | null; channel: string | null; at: number };

export async function leadEvents(
  db: Db,
  lead: { workspaceId: string; tableId: string; rowId: string },
): Promise<LeadEventRecord[]> {
  const rows = await db
    .select({ type: leadEvent.type, key: leadEvent.key, channel: leadEvent.channel, at: leadEvent.at })
    .from(leadEvent)
    .where(
      and(
        eq(leadEvent.workspaceId, lead.workspaceId),
        eq(leadEvent.tableId, lead.tableId),
        eq(leadEvent.rowId, lead.rowId),
        // A storm's repeats are recorded but count once, as they were acted on once.
        sql`json_extract(${leadEvent.data}, '$.coalesced') IS NULL`,
      ),
    )
    // The newest first: behaviour conditions ask about recent events when a lead has many.
    .orderBy(desc(leadEvent.at))
    .limit(EVENTS_READ_MAX);
  return rows.map((r) => ({ ...r, at: r.at.getTime() }));
}

/** The facts a condition node is evaluated on. */
export function leadFacts(
  row: Record<string, CellValue>,
  events: LeadEventRecord[],
  settings: JourneySettings,
  enteredAt: number,
  now: number,
): LeadFacts {
  const engagement = row.Engagement;
  return {
    row,
    events: events.map(({ type, key, at }) => ({ type, key, at })),
    now,
    zone: leadZone(row, settings),
    enteredAt,
    engagement: typeof engagement === "number" && Number.isFinite(engagement) ? engagement : null,
    channelScores: channelScores(events),
  };
}

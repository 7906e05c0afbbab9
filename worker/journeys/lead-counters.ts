/**
 * A Leads row kept up to date by the events it hears: Opens, Clicks and Replies of the last 30
 * days (what the Engagement formula weighs), the per-channel engagement scores, Last touch, and
 * Stage moved to engaged on a click or a reply. One patch, with an automation origin, so rules on
 * the Leads table see it as the journeys' write.
 */
import { channelScores, formatChannelScores } from "../../automation/journeys/channel";
import type { CellValue } from "../../schema/tables";
import { byKey, reader, type TableHandle } from "../kinds/tables";
import { actedEventsSince, ENGAGEMENT_WINDOW_MS, type LeadRef } from "./event-ledger";

export const JOURNEY_EVENT_ORIGIN = { kind: "automation", job: "journey-event" } as const;

/** The stages a click or a reply moves on to engaged; later stages (qualified, customer) stay. */
const ENGAGING_EVENTS = new Set(["clicked", "replied"]);
const STAGES_BEFORE_ENGAGED = new Set(["", "new", "nurturing"]);

/** The cells (by column key) the counters come to for the lead, now that it heard `type` at `at`. */
export async function leadCounterCells(
  d1: D1Database,
  lead: LeadRef,
  type: string,
  at: number,
  stage: string,
): Promise<Record<string, CellValue>> {
  const events = await actedEventsSince(d1, lead, at - ENGAGEMENT_WINDOW_MS);
  const count = (t: string) => events.filter((e) => e.type === t).length;
  const cells: Record<string, CellValue> = {
    opens30: count("opened"),
    clicks30: count("clicked"),
    replies30: count("replied"),
    channelScores: formatChannelScores(channelScores(events)),
    lastTouch: new Date(at).toISOString(),
  };
  if (ENGAGING_EVENTS.has(type) && STAGES_BEFORE_ENGAGED.has(stage.trim().toLowerCase())) cells.stage = "engaged";
  return cells;
}

/** Writes the counters into the lead's row of a Leads table; a row that is gone is left alone. */
export async function updateLeadCounters(
  d1: D1Database,
  leads: TableHandle,
  lead: LeadRef,
  type: string,
  at: number,
): Promise<void> {
  const [row] = await leads.room.readRows([lead.rowId]);
  if (!row) return;
  const stage = reader(leads, row.cells).text("stage");
  const cells = await leadCounterCells(d1, lead, type, at, stage);
  const written = await leads.room.patchRow(lead.rowId, byKey(leads, cells), JOURNEY_EVENT_ORIGIN);
  if (!written.ok) throw new Error(`Could not update the lead's counters: ${written.message}`);
}

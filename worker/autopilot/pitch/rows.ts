/**
 * The rows the pitching phase works through. A business "has a pitch" when any outgoing message
 * was written to its row (Messages' Recipient row, a column every Messages table has), so a
 * business a person wrote to already is not pitched again. The autopilot's own messages are those
 * with its Autopilot note.
 */
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import type { RowFilter, RowRecord } from "../../../schema/tables";
import type { SiteRecord } from "../../sites/generate";
import { type Keep, SCAN_PAGE, sitesInStatus } from "../sites/rows";
import type { PitchRun } from "./run";

/** Whether an outgoing message to the business exists. */
export async function hasPitch(run: PitchRun, businessRowId: string): Promise<boolean> {
  const { messages } = run.messaging;
  const recipient = messages.keys.recipientRowId;
  if (!recipient) throw new Error("The Messages table has lost its Recipient row column");
  const { rows } = await messages.room.queryRows({
    filters: [{ columnId: recipient, op: "eq", value: businessRowId }],
    sort: [],
    limit: 10,
    offset: 0,
  });
  return rows.some((row) => {
    const direction = messages.keys.direction;
    return !direction || (row.cells[direction] ?? "out") === "out";
  });
}

/**
 * Published sites of businesses without a pitch, oldest first, at most `limit`. Sites an earlier
 * cycle pitched, and those `passed` says to leave (no email still), are left out before any
 * Messages look-up.
 */
export async function publishedWithoutPitch(
  run: PitchRun,
  limit: number,
  exclude: Set<string>,
  passed: (sites: SiteRecord[]) => Promise<Set<string>>,
): Promise<SiteRecord[]> {
  return sitesInStatus(run.sites, "published", limit, exclude, async (published, want) => {
    const leave = await passed(published);
    const found: SiteRecord[] = [];
    for (const site of published) {
      if (found.length >= want) break;
      if (!site.businessRowId || leave.has(site.id)) continue;
      if (!(await hasPitch(run, site.businessRowId))) found.push(site);
    }
    return found;
  });
}

/**
 * Messages the autopilot wrote (they carry its note) in `status`, oldest first, at most `limit`,
 * of those `keep` keeps (paged through, as `sitesInStatus`).
 */
export async function autopilotMessages(
  run: PitchRun,
  status: string,
  limit: number,
  exclude: Set<string>,
  keep: Keep<RowRecord> = async (page, want) => page.slice(0, want),
): Promise<RowRecord[]> {
  const { messages } = run.messaging;
  const statusColumn = messages.keys.status;
  const note = messages.keys[AUTOPILOT_NOTE_COLUMN.key];
  if (!statusColumn || !note || limit <= 0) return [];
  const filters: RowFilter[] = [
    { columnId: statusColumn, op: "eq", value: status },
    { columnId: note, op: "notempty", value: "" },
  ];
  const found: RowRecord[] = [];
  for (let offset = 0; found.length < limit; offset += SCAN_PAGE) {
    const { rows } = await messages.room.queryRows({ filters, sort: [], limit: SCAN_PAGE, offset });
    found.push(
      ...(await keep(
        rows.filter((row) => !exclude.has(row.id)),
        limit - found.length,
      )),
    );
    if (rows.length < SCAN_PAGE) break;
  }
  return found.slice(0, limit);
}

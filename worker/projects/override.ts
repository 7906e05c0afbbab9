/**
 * Manual override: a person contacted the dealer outside Rowpilot (by phone, by hand on the
 * site). The dealership becomes `manual_override` and the note joins its notes, dated and signed.
 */
import type { Origin } from "../../schema/tables";
import { dealershipsOf } from "./store";
import { byKey, type Outreach, reader } from "./tables";

/**
 * Marks the project's dealerships in `rowIds` as contacted by hand, those pending or failed (the
 * brief's flow; one being contacted right now, or already reached, is left alone). Returns the
 * ids it changed.
 */
export async function markManual(
  o: Outreach,
  projectId: string,
  rowIds: string[],
  note: string,
  by: string,
  origin: Origin,
): Promise<string[]> {
  const status = o.dealerships.keys.status;
  if (!status) return [];
  const mine = new Set((await dealershipsOf(o, projectId)).map((row) => row.id));
  const changed = await o.dealerships.room.claimRowsById({
    rowIds: rowIds.filter((id) => mine.has(id)),
    columnId: status,
    anyOf: ["pending", "failed"],
    set: byKey(o.dealerships, { status: "manual_override" }),
    origin,
  });
  const stamp = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${by}: ${note}`;
  for (const row of changed) {
    const notes = reader(o.dealerships, row.cells).text("notes");
    await o.dealerships.room.patchRow(
      row.id,
      byKey(o.dealerships, { notes: notes ? `${notes}\n${stamp}` : stamp }),
      origin,
    );
  }
  return changed.map((row) => row.id);
}

/**
 * Manual override: a person contacted the dealer outside Rowpilot (by phone, by hand on the
 * site). The dealership becomes `manual_override` and the note joins its notes, dated and signed.
 */
import type { Origin } from "../../schema/tables";
import { dealershipsOf } from "./store";
import { byKey, type Outreach, reader } from "./tables";

/** Marks the project's dealerships in `rowIds` as contacted by hand; returns the ids it changed. */
export async function markManual(
  o: Outreach,
  projectId: string,
  rowIds: string[],
  note: string,
  by: string,
  origin: Origin,
): Promise<string[]> {
  const wanted = new Set(rowIds);
  const changed: string[] = [];
  const stamp = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${by}: ${note}`;
  for (const row of await dealershipsOf(o, projectId)) {
    if (!wanted.has(row.id)) continue;
    const notes = reader(o.dealerships, row.cells).text("notes");
    const written = await o.dealerships.room.patchRow(
      row.id,
      byKey(o.dealerships, { status: "manual_override", notes: notes ? `${notes}\n${stamp}` : stamp }),
      origin,
    );
    if (written.ok) changed.push(row.id);
  }
  return changed;
}

/**
 * Qualifying new businesses: rows whose Qualified formula says yes while their Lead status is
 * still blank or "new" become "qualified" leads, best score first, up to the cycle's cap. The
 * built-in rule of the Businesses table does the same as rows change; this catches what it did
 * not (the rule switched off, rows scored before it existed). Businesses the score does not
 * qualify stay "new": a later change of the scoring settings may still qualify them, which a
 * "disqualified" status would hide from the rule and from this step.
 */

import type { PhaseResult } from "../../../schema/autopilot";
import { AUTOPILOT_NOTE_COLUMN } from "../../../schema/autopilot-tables";
import type { RowRecord } from "../../../schema/tables";
import type { Hunting } from "../../hunting/tables";
import { byKey, reader } from "../../kinds/tables";
import { allRows } from "../../projects/store";
import { type CycleContext, count } from "../context";
import { cycleItems } from "../items";
import { claimItem, finishItem } from "../ledger";
import { autopilotOrigin, noteText } from "../note";

/** Rows written per room call (and items claimed between two writes). */
export const QUALIFY_CHUNK = 50;
/** Lead statuses a business found by a scrape starts from. */
const NEW_STATUSES = [null, "", "new"];

/** Qualified businesses not yet qualified leads, best score first. */
async function candidates(h: Hunting): Promise<RowRecord[]> {
  const status = h.businesses.keys.leadStatus;
  if (!status) throw new Error("The Businesses table has lost its Lead status column");
  const [blank, fresh] = await Promise.all([
    allRows(h.businesses, [{ columnId: status, op: "empty", value: "" }]),
    allRows(h.businesses, [{ columnId: status, op: "eq", value: "new" }]),
  ]);
  const score = (row: RowRecord) => reader(h.businesses, row.cells).number("score") ?? 0;
  return [...blank, ...fresh]
    .filter((row) => reader(h.businesses, row.cells).get("qualified") === true)
    .sort((a, b) => score(b) - score(a));
}

export async function qualifyNew(ctx: CycleContext, h: Hunting, result: PhaseResult): Promise<void> {
  const status = h.businesses.keys.leadStatus!;
  const earlier = await cycleItems(ctx, "qualify");
  for (const item of earlier) if (item.state === "done" && !item.detail) count(result, "qualified");
  // Claimed before a retry and not recorded: the compare-and-set below decides again.
  const redo = earlier.filter((i) => i.state === "claimed").map((i) => i.itemId);
  const taken = new Set(earlier.map((i) => i.itemId));
  const room = Math.max(0, ctx.settings.caps.qualify - earlier.length);
  const fresh = (await candidates(h)).filter((row) => !taken.has(row.id)).slice(0, room);
  const ids = [...redo, ...fresh.map((row) => row.id)];
  for (let i = 0; i < ids.length; i += QUALIFY_CHUNK) {
    const chunk = ids.slice(i, i + QUALIFY_CHUNK);
    for (const id of chunk) if (!redo.includes(id)) await claimItem(ctx, "qualify", id);
    const written = await h.businesses.room.claimRowsById({
      rowIds: chunk,
      columnId: status,
      anyOf: NEW_STATUSES,
      set: byKey(h.businesses, {
        leadStatus: "qualified",
        [AUTOPILOT_NOTE_COLUMN.key]: noteText(ctx, "Qualified"),
      }),
      origin: autopilotOrigin(ctx.cycleId),
    });
    const qualified = new Set(written.map((row) => row.id));
    for (const id of chunk) {
      // One qualified a moment ago by the table's rule (or a person) is theirs, not this cycle's.
      await finishItem(ctx, "qualify", id, "done", qualified.has(id) ? null : "qualified by someone else first");
      if (qualified.has(id)) count(result, "qualified");
    }
  }
}

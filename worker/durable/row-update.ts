/**
 * A row update decided from the row's own cells inside its room, in one step: counters that add,
 * cells filled only while empty, a floor under a number, and a status that only moves forward
 * along an order. Two tracking hits or webhook events for one message arriving together both
 * count, and a late "delivered" never turns a "clicked" message back.
 */
import type { CellValue } from "../../schema/tables";

export type RowUpdate = {
  /** Cells written as they are. */
  set?: Record<string, CellValue>;
  /** Cells written only when the row's cell is empty (null, missing or ""). */
  setIfEmpty?: Record<string, CellValue>;
  /** Numbers added to the row's numbers (an empty or non-numeric cell counts as 0). */
  add?: Record<string, number>;
  /** Numbers the row's cells are raised to when below. */
  atLeast?: Record<string, number>;
  /** `to` written into `columnId` only when it stands later in `order` than the cell does (a value not in `order` stands first). */
  advance?: { columnId: string; order: readonly string[]; to: string };
};

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || v === "";
const numberOf = (v: CellValue | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The cells `update` changes in a row holding `cells`; `{}` when it changes nothing. */
export function rowUpdateCells(cells: Record<string, CellValue>, update: RowUpdate): Record<string, CellValue> {
  const out: Record<string, CellValue> = { ...update.set };
  for (const [id, value] of Object.entries(update.setIfEmpty ?? {})) if (isEmpty(cells[id])) out[id] = value;
  for (const [id, n] of Object.entries(update.add ?? {})) out[id] = numberOf(cells[id]) + n;
  for (const [id, floor] of Object.entries(update.atLeast ?? {}))
    if (numberOf(out[id] ?? cells[id]) < floor) out[id] = floor;
  if (update.advance) {
    const { columnId, order, to } = update.advance;
    const now = cells[columnId];
    const rank = typeof now === "string" ? order.indexOf(now) : -1;
    if (order.indexOf(to) > rank) out[columnId] = to;
  }
  return out;
}

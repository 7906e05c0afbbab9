/**
 * "Rescore" one business: its chain flag is worked out again against every business known now
 * (a name seen in a new territory since, a brand added to the list), then its Score and Qualified
 * formulas read it at once. A chain flag a person set, or cleared, stays as they left it.
 */
import type { RowRecord } from "../../schema/tables";
import { byKey } from "../kinds/tables";
import { allRows } from "../projects/store";
import { clearedByPerson, knownBusiness } from "./businesses";
import { chainOf } from "./chains";
import { HuntingMissingError } from "./errors";
import type { Hunting } from "./tables";
import { huntingOrigin } from "./territories";

export async function rescore(h: Hunting, rowId: string): Promise<RowRecord> {
  const [row] = await h.businesses.room.readRows([rowId]);
  if (!row) throw new HuntingMissingError("Business not found");
  const business = knownBusiness(h.businesses, row);
  if (clearedByPerson(business)) return row;
  const others = (await allRows(h.businesses, []))
    .filter((other) => other.id !== rowId)
    .map((other) => knownBusiness(h.businesses, other));
  const chain = chainOf(business, others);
  if (!chain.chain) return row;
  const written = await h.businesses.room.patchRow(rowId, byKey(h.businesses, chain), huntingOrigin("rescore"));
  return written.ok ? written.value : row;
}

/**
 * The Suppressions table, read before every send: an address (lower case) or number (E.164) on
 * it is never messaged again on any channel.
 */
import { reader, type TableHandle } from "../kinds/tables";

export type Suppression = { rowId: string; address: string; reason: string };

/** The suppression of `address`, or null when it may be messaged. */
export async function findSuppression(suppressions: TableHandle, address: string): Promise<Suppression | null> {
  const column = suppressions.keys.address;
  if (!column) throw new Error("The Suppressions table has lost its Address column: refusing to send unchecked");
  const wanted = address.trim().toLowerCase();
  if (!wanted) return null;
  const { rows } = await suppressions.room.queryRows({
    filters: [{ columnId: column, op: "eq", value: wanted }],
    sort: [],
    limit: 1,
    offset: 0,
  });
  const row = rows[0];
  if (!row) return null;
  const r = reader(suppressions, row.cells);
  return { rowId: row.id, address: r.text("address"), reason: r.text("reason") };
}

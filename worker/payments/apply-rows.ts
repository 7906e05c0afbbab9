/**
 * The billing rows a webhook touches, found by the ids Recurrente gives them. Finding and making
 * a row is one call into its table's room (`findOrInsertRow`), which runs one call at a time: two
 * deliveries about the same payment or subscription arriving together make one row between them.
 */
import { customerStatus, lifetimeValue } from "../../automation/payments/apply";
import type { SubscriptionStatus } from "../../schema/payments-tables";
import type { CellValue, Origin, RowRecord } from "../../schema/tables";
import { byKey, reader, type TableHandle } from "../kinds/tables";
import type { Billing } from "./tables";

export const BILLING_ORIGIN: Origin = { kind: "automation", job: "payments" };

/** Enough rows to hold every payment or subscription of one customer. */
const PER_CUSTOMER = 1_000;

export type Found = { id: string; created: boolean; cells: Record<string, CellValue> };

/** Cells by key with empty values left out, so a new row's unset cells stay empty. */
function present(cells: Record<string, CellValue | undefined>): Record<string, CellValue> {
  return Object.fromEntries(
    Object.entries(cells).filter(
      ([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && !v.length),
    ),
  ) as Record<string, CellValue>;
}

/**
 * The first row of `table` whose `key` column holds the value (tried in order), else a new row of `cells`.
 * @example await findOrMake(billing.payments, [["recurrenteId", "pa_1"]], { kind: "setup", … })
 */
export async function findOrMake(
  table: TableHandle,
  match: [key: string, value: string | null][],
  cells: Record<string, CellValue | undefined>,
): Promise<Found> {
  const written = await table.room.findOrInsertRow({
    match: match.flatMap(([key, value]) => (table.keys[key] ? [{ columnId: table.keys[key], value }] : [])),
    cells: byKey(table, present(cells)),
    origin: BILLING_ORIGIN,
  });
  if (!written.ok) throw new Error(`${table.id}: ${written.message}`);
  return written.value;
}

/** The first row whose `key` column holds `value`, or null. */
export async function findRow(table: TableHandle, key: string, value: string | null): Promise<RowRecord | null> {
  const columnId = table.keys[key];
  if (!value || !columnId) return null;
  const { rows } = await table.room.queryRows({
    filters: [{ columnId, op: "eq", value }],
    sort: [],
    limit: 1,
    offset: 0,
  });
  return rows[0] ?? null;
}

/** Writes cells by key into a row; `ifEmpty` ones only where the row has nothing yet. */
export async function writeRow(
  table: TableHandle,
  rowId: string,
  set: Record<string, CellValue | undefined>,
  ifEmpty: Record<string, CellValue | undefined> = {},
): Promise<void> {
  const keep = (cells: Record<string, CellValue | undefined>) =>
    byKey(
      table,
      Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)) as Record<string, CellValue>,
    );
  const written = await table.room.updateRow(
    rowId,
    { set: keep(set), setIfEmpty: keep(present(ifEmpty)) },
    BILLING_ORIGIN,
  );
  if (!written.ok) throw new Error(`${table.id}: ${written.message}`);
}

async function linkedTo(table: TableHandle, key: string, rowId: string): Promise<RowRecord[]> {
  const columnId = table.keys[key];
  if (!columnId) return [];
  const query = {
    filters: [{ columnId, op: "anyof" as const, value: rowId }],
    sort: [],
    limit: PER_CUSTOMER,
    offset: 0,
  };
  return (await table.room.queryRows(query)).rows;
}

/** A customer's lifetime value and status summed again from their Payments and Subscriptions rows. */
export async function refreshCustomer(billing: Billing, customerId: string): Promise<void> {
  const [payments, subscriptions] = await Promise.all([
    linkedTo(billing.payments, "customer", customerId),
    linkedTo(billing.subscriptions, "customer", customerId),
  ]);
  const figures = payments.map((p) => {
    const r = reader(billing.payments, p.cells);
    return { amount: r.number("amount"), status: r.text("status") };
  });
  const statuses = subscriptions.map(
    (s) => (reader(billing.subscriptions, s.cells).text("status") || null) as SubscriptionStatus | null,
  );
  await writeRow(billing.customers, customerId, {
    lifetimeValue: lifetimeValue(figures),
    status: customerStatus(statuses),
  });
}

/**
 * Leads from any row: a Leads row made from a row of another table (a qualified business, a
 * dealership, a person's own list), its name, email, phone, company, location and time zone
 * copied over, found again by its Source (`<table id>:<row id>`) so making it twice makes one.
 */
import { eq } from "drizzle-orm";
import { dataTable } from "../../schema/db";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import type { CellValue, ColumnDef } from "../../schema/tables";
import type { Db } from "../db";
import { byKey, type TableHandle, tableHandle } from "../kinds/tables";
import { ensureJourneyTables } from "./tables";

const origin = { kind: "automation", job: "make-lead" } as const;

/** Where a row keeps what a lead needs: its stable key, else a column of the type, else by name. */
const FIELDS = {
  name: { key: "name", type: null, name: /^(full )?name$/i },
  email: { key: "email", type: "email", name: /^e-?mail/i },
  phone: { key: "phone", type: "phone", name: /phone|mobile/i },
  company: { key: "company", type: null, name: /company|business|organi[sz]ation/i },
  location: { key: "location", type: null, name: /^(location|city|address)$/i },
  timeZone: { key: "timeZone", type: null, name: /^time ?zone$/i },
} as const;
type Field = keyof typeof FIELDS;

function columnFor(table: TableHandle, field: Field): ColumnDef | null {
  const want = FIELDS[field];
  const byId = table.columns.find((c) => c.id === table.keys[want.key]);
  return (
    byId ??
    (want.type ? table.columns.find((c) => c.type === want.type) : undefined) ??
    table.columns.find((c) => want.name.test(c.name)) ??
    null
  );
}

const asText = (value: CellValue | undefined): string =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";

/** A business's place in words: "City, State", else its address. */
function placeOf(table: TableHandle, cells: Record<string, CellValue>): string {
  const at = (key: string) => asText(cells[table.keys[key] ?? ""]);
  return [at("city"), at("state")].filter(Boolean).join(", ") || at("address");
}

export type LeadMade = { leadId: string; created: boolean; sourceRowId: string };

export class LeadSourceError extends Error {
  constructor(
    message: string,
    readonly status: 404,
  ) {
    super(message);
  }
}

/**
 * The Leads row made from row `rowId` of `tableId` (or the one made before from it).
 * @example const { leadId, created } = await leadFromRow(env, db, businessesId, rowId);
 */
export async function leadFromRow(env: Env, db: Db, tableId: string, rowId: string): Promise<LeadMade> {
  const source = await db.query.dataTable.findFirst({ where: eq(dataTable.id, tableId) });
  if (!source) throw new LeadSourceError(`No table "${tableId}"`, 404);
  const tables = await ensureJourneyTables(env, db, source.workspaceId, null);
  const table = await tableHandle(env, tableId);
  const [row] = await table.room.readRows([rowId]);
  if (!row) throw new LeadSourceError(`No row "${rowId}" in ${source.name}`, 404);
  const copy: Record<string, CellValue> = {};
  for (const field of Object.keys(FIELDS) as Field[]) {
    const column = columnFor(table, field);
    const value = column ? asText(row.cells[column.id]) : "";
    if (value) copy[field] = value;
  }
  const isBusiness = source.kind === HUNTING_KINDS.businesses;
  if (isBusiness) {
    copy.company ??= copy.name ?? "";
    copy.location ??= placeOf(table, row.cells);
  }
  const sourceKey = `${tableId}:${rowId}`;
  const leads = tables.leads;
  const cells = byKey(leads, {
    ...copy,
    source: sourceKey,
    ...(isBusiness ? { business: [rowId] } : {}),
    stage: "new",
    consent: "unknown",
    channelPreference: "auto",
  });
  const found = await leads.room.findOrInsertRow({
    match: [{ columnId: leads.keys.source ?? "", value: sourceKey }],
    cells,
    origin,
  });
  if (!found.ok) throw new Error(`Could not make the lead: ${found.message}`);
  return { leadId: found.value.id, created: found.value.created, sourceRowId: rowId };
}

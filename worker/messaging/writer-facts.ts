/**
 * What the writer knows, read from the recipient's row: a Businesses row gives its name, category,
 * city, rating, review count and any review highlights, and the public address of the site made
 * for it (published or not); a row of any other table gives its name and city columns, by name.
 */
import type { WriterFacts } from "../../automation/messaging/writer";
import { senderName } from "../../automation/messaging/writer";
import { HUNTING_KINDS } from "../../schema/hunting-tables";
import type { ColumnDef, RowRecord } from "../../schema/tables";
import type { Db } from "../db";
import { knownBusiness } from "../hunting/businesses";
import { reader, type TableHandle, tableHandle } from "../kinds/tables";
import { siteOfBusiness } from "../sites/generate";
import { publishedSiteUrl } from "../sites/host";
import { findSites } from "../sites/tables";
import { MessageMissingError } from "./errors";
import { readMessagingSettings } from "./settings";

/** Review highlights are a text column someone (or an enrichment) added, told apart by its name. */
const HIGHLIGHTS_COLUMN = /highlight/i;
/** A highlights cell holds one per line; a few are enough for a short email. */
const MAX_HIGHLIGHTS = 3;

const byName = (table: TableHandle, pattern: RegExp): ColumnDef | undefined =>
  table.columns.find((c) => pattern.test(c.name));

function cellText(row: RowRecord, column: ColumnDef | undefined): string {
  const value = column ? row.cells[column.id] : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

function highlightsOf(table: TableHandle, row: RowRecord): string[] {
  return cellText(row, byName(table, HIGHLIGHTS_COLUMN))
    .split(/\n+/)
    .map((line) => line.replace(/^[-•*]\s*/, "").trim())
    .filter(Boolean)
    .slice(0, MAX_HIGHLIGHTS);
}

/** The site's own address when it is published there, else `/s/<slug>/` on the app (or the sites domain). */
async function siteUrlOf(env: Env, db: Db, workspaceId: string, businessRowId: string): Promise<string | null> {
  const sites = await findSites(env, db, workspaceId);
  const site = sites ? await siteOfBusiness(sites, businessRowId) : null;
  if (!sites || !site) return null;
  const r = reader(sites, site.cells);
  return r.text("url") || (r.text("slug") ? publishedSiteUrl(env, r.text("slug")) : null);
}

export async function writerFacts(
  env: Env,
  db: Db,
  workspaceId: string,
  table: { id: string; kind: string | null },
  rowId: string,
  channel: "email" | "sms",
): Promise<WriterFacts> {
  const handle = await tableHandle(env, table.id);
  const [row] = await handle.room.readRows([rowId]);
  if (!row) throw new MessageMissingError("The recipient's row is not in that table");
  const { sender } = await readMessagingSettings(db, workspaceId);
  const from = { ...senderName(sender.fromName), email: sender.fromEmail };
  const highlights = highlightsOf(handle, row);
  if (table.kind === HUNTING_KINDS.businesses) {
    const b = knownBusiness(handle, row);
    return {
      channel,
      recipient: {
        name: b.name,
        category: b.category,
        city: b.city,
        rating: b.rating,
        reviewCount: b.reviews,
        highlights,
      },
      siteUrl: await siteUrlOf(env, db, workspaceId, rowId),
      sender: from,
    };
  }
  const name = cellText(row, byName(handle, /^(business )?name$/i) ?? handle.columns.find((c) => c.type === "text"));
  return {
    channel,
    recipient: {
      name,
      category: cellText(row, byName(handle, /^(category|industry|type)$/i)),
      city: cellText(row, byName(handle, /^city$/i)),
      rating: null,
      reviewCount: null,
      highlights,
    },
    siteUrl: null,
    sender: from,
  };
}

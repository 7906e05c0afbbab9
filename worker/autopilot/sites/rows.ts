/**
 * The rows the generation phase works through, read from the rooms by stable key: Sites rows in a
 * status (oldest generated first), and qualified businesses without a site yet (best score first).
 */
import type { RowRecord } from "../../../schema/tables";
import type { Hunting } from "../../hunting/tables";
import { reader, type TableHandle } from "../../kinds/tables";
import { type SiteRecord, siteOfBusiness, siteRecord } from "../../sites/generate";

/** Rows read from a room at a time while looking for due items. */
const PAGE = 50;
/** Qualified businesses looked at per cycle before giving up (all of them have sites already). */
const MAX_QUALIFIED_SCAN = 1_000;

/** Rows read a page at a time while looking past rows that are not due (sites retried enough, refused versions). */
export const SCAN_PAGE = 200;

/** Keeps the due ones of a page, at most `want` of them. */
export type Keep<T> = (page: T[], want: number) => Promise<T[]>;

/**
 * Sites rows in `status`, oldest generated first, none of `exclude`, at most `limit`, of those
 * `keep` keeps. Pages through every row in the status, so rows that stay there without being due
 * never hide the due ones behind them.
 */
export async function sitesInStatus(
  sites: TableHandle,
  status: string,
  limit: number,
  exclude: Set<string>,
  keep: Keep<SiteRecord> = async (page, want) => page.slice(0, want),
): Promise<SiteRecord[]> {
  const statusColumn = sites.keys.status;
  if (!statusColumn || limit <= 0) return [];
  const generated = sites.keys.generated;
  const found: SiteRecord[] = [];
  for (let offset = 0; found.length < limit; offset += SCAN_PAGE) {
    const { rows } = await sites.room.queryRows({
      filters: [{ columnId: statusColumn, op: "eq", value: status }],
      sort: generated ? [{ columnId: generated, direction: "asc" }] : [],
      limit: SCAN_PAGE,
      offset,
    });
    const page = rows.filter((row) => !exclude.has(row.id)).map((row) => siteRecord(sites, row));
    found.push(...(await keep(page, limit - found.length)));
    if (rows.length < SCAN_PAGE) break;
  }
  return found.slice(0, limit);
}

/** Businesses whose Lead status is "qualified" and that have no Sites row, best score first. */
export async function qualifiedWithoutSite(
  h: Hunting,
  sites: TableHandle | null,
  limit: number,
  exclude: Set<string>,
): Promise<RowRecord[]> {
  const { businesses } = h;
  const statusColumn = businesses.keys.leadStatus;
  if (!statusColumn || limit <= 0) return [];
  const score = businesses.keys.score;
  const found: RowRecord[] = [];
  for (let offset = 0; offset < MAX_QUALIFIED_SCAN && found.length < limit; offset += PAGE) {
    const { rows } = await businesses.room.queryRows({
      filters: [{ columnId: statusColumn, op: "eq", value: "qualified" }],
      sort: score ? [{ columnId: score, direction: "desc" }] : [],
      limit: PAGE,
      offset,
    });
    for (const row of rows) {
      if (found.length >= limit) break;
      if (exclude.has(row.id)) continue;
      if (sites && (await siteOfBusiness(sites, row.id))) continue;
      found.push(row);
    }
    if (rows.length < PAGE) break;
  }
  return found;
}

/** The business's name, for notes and errors. */
export const businessName = (h: Hunting, row: RowRecord) => reader(h.businesses, row.cells).text("name");

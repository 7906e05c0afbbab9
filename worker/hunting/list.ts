/**
 * `GET /api/businesses`: the Businesses rows with their computed score, filtered by territory,
 * qualification and minimum score, a page at a time (the cursor is an offset into the filtered list).
 */
import type { BusinessListRow } from "../../schema/hunting-api";
import { allRows } from "../projects/store";
import { businessListRow } from "./businesses";
import { HuntingInputError } from "./errors";
import type { Hunting } from "./tables";

export const DEFAULT_BUSINESS_PAGE = 100;
export const MAX_BUSINESS_PAGE = 1000;

const encode = (offset: number) => btoa(String(offset)).replace(/=+$/, "");
const decode = (cursor: string) => {
  try {
    return Number(atob(cursor));
  } catch {
    return Number.NaN;
  }
};

export async function businessList(
  h: Hunting,
  query: Record<string, string>,
): Promise<{ rows: BusinessListRow[]; nextCursor: string | null }> {
  const limit = query.limit ? Number(query.limit) : DEFAULT_BUSINESS_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BUSINESS_PAGE)
    throw new HuntingInputError(`limit: a whole number from 1 to ${MAX_BUSINESS_PAGE}`);
  const offset = query.cursor ? decode(query.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new HuntingInputError("cursor: not a cursor this API gave out");
  const minScore = query.minScore ? Number(query.minScore) : null;
  if (minScore !== null && !Number.isFinite(minScore)) throw new HuntingInputError("minScore: a number");
  if (query.qualified && query.qualified !== "true" && query.qualified !== "false")
    throw new HuntingInputError("qualified: true or false");
  const link = h.businesses.keys.territories;
  const filters = query.territory && link ? [{ columnId: link, op: "contains" as const, value: query.territory }] : [];
  const rows = (await allRows(h.businesses, filters))
    .map((row) => businessListRow(h.businesses, row))
    .filter(
      (b) =>
        (!query.territory || b.territories.includes(query.territory)) &&
        (!query.qualified || b.qualified === (query.qualified === "true")) &&
        (minScore === null || (b.score ?? 0) >= minScore),
    );
  const page = rows.slice(offset, offset + limit);
  return { rows: page, nextCursor: offset + limit < rows.length ? encode(offset + limit) : null };
}

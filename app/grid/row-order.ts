/**
 * A windowed grid's row order, from the TableRoom's row index (`GET /api/tables/:id/order`): the
 * view's sorts and filters as query parameters, and every page of `[rowId, block]` pairs fetched.
 */
import { type ColumnDef, type RowOrderPage, type ViewSpec, viewQuery } from "../../schema/tables";
import type { DocName } from "../../sync/layout";

/** A 100,000-row order is three pages, ~3 MB in all; on a slow link that takes seconds, not this long. */
const ORDER_TIMEOUT_MS = 30_000;
/**
 * The first page is small (~30 KB), so the grid draws its first screen while the rest of the order
 * comes (the server's pages after it are ORDER_PAGE, 50,000 rows): 1,000 rows fill any screen.
 */
const FIRST_PAGE = 1_000;

export type ViewOrder = {
  ids: string[];
  /** Each row's block, by index. */
  blocks: DocName[];
  total: number;
  lastPos: string | null;
  /** The server's ETag for it: asking again with it gets nothing back until a row changes. */
  version: string | null;
  /** False for the first page of a longer order (`ids` has fewer than `total`). */
  complete: boolean;
};

export class OrderError extends Error {}

/**
 * The view's sorts and filters as the order endpoint reads them, skipping columns that are gone
 * (as the grid does). The same query string means the same order.
 * @example orderParams(view, columns).toString() // "sort=c2%3Adesc&filter=c1%3Acontains%3Aford"
 */
export function orderParams(view: Pick<ViewSpec, "sorts" | "filters">, columns: readonly ColumnDef[]) {
  const { sort, filters } = viewQuery(view, columns);
  const params = new URLSearchParams();
  for (const s of sort) params.append("sort", `${s.columnId}:${s.direction}`);
  for (const f of filters) params.append("filter", `${f.columnId}:${f.op}:${f.value}`);
  return params;
}

/**
 * Every page of the view's order, or null when it is still `known` (the version last fetched);
 * `firstPage` hears the first page of a longer order. Rejects with an OrderError saying what went wrong.
 */
export async function fetchOrder(
  tableId: string,
  params: URLSearchParams,
  known: string | null,
  signal: AbortSignal,
  firstPage?: (order: ViewOrder) => void,
): Promise<ViewOrder | null> {
  const order: ViewOrder = { ids: [], blocks: [], total: 0, lastPos: null, version: null, complete: false };
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(ORDER_TIMEOUT_MS)]);
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams(params);
    if (cursor) query.set("cursor", cursor);
    else query.set("limit", String(FIRST_PAGE));
    const headers: HeadersInit = !cursor && known ? { "if-none-match": known } : {};
    const url = `/api/tables/${encodeURIComponent(tableId)}/order?${query}`;
    const res = await fetch(url, { signal: deadline, headers, cache: "no-store" }).catch((error: Error) => {
      if (signal.aborted) throw error;
      throw new OrderError(
        error.name === "TimeoutError"
          ? `The row order did not arrive within ${ORDER_TIMEOUT_MS / 1000} s`
          : "The row order needs the server; it loads when you are back online",
      );
    });
    if (res.status === 304) return null;
    if (!res.ok) throw new OrderError(`Could not load the row order (${res.status})`);
    order.version ??= res.headers.get("etag");
    const page = (await res.json()) as RowOrderPage;
    for (const [id, block] of page.rows) {
      order.ids.push(id);
      order.blocks.push(block);
    }
    order.total = page.total;
    order.lastPos = page.lastPos;
    if (!cursor && page.nextCursor) firstPage?.({ ...order, ids: [...order.ids], blocks: [...order.blocks] });
    cursor = page.nextCursor;
  } while (cursor);
  return { ...order, complete: true };
}

/**
 * Rows in bulk over HTTP: `{ rows: [{ cells }] }` to `POST /api/tables/:id/rows`, `{ rows: [{ id,
 * cells }] }` to `PATCH` and `{ ids }` to `DELETE` the same path. A request is checked as a whole
 * (the same cell checks as one row's, a refusal naming `rows[12].cells.Distance`) and written by
 * the table's room in one transaction per block doc, or refused with nothing written.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { BLOCK_ROWS } from "../../sync/layout";
import type { AppEnv } from "./context";
import { fail, parseBody } from "./errors";

/**
 * Rows one request may carry: a block doc's worth, so a request lands in at most two blocks. The
 * room serves nobody else while it writes them: 1,000 rows of 15 columns take it ~200 ms on a
 * 2-core machine (bench:api), about what a grid's first load of a block costs a browser.
 */
export const MAX_BATCH_ROWS = BLOCK_ROWS;

/**
 * Bytes of JSON a request to the rows routes may carry. Each block's part of a request is logged
 * as one Yjs update, one row of the room's SQLite, and a Durable Object's SQLite row holds at most
 * 2 MB (https://developers.cloudflare.com/durable-objects/platform/limits/). The update is larger
 * than the JSON it came from: 1.4× for bench:api's rows (a 312 KB body, a 447 KB update), 1.9× at
 * worst measured (150 small whole numbers a row), so a body of 1 MB makes an update under 2 MB.
 */
export const MAX_BATCH_BYTES = 1_000_000;

/** The request's JSON body, refused with 413 past MAX_BATCH_BYTES or 400 when it is not JSON. */
export async function readBatchJson(c: Context<AppEnv>): Promise<unknown> {
  const declared = Number(c.req.header("content-length") ?? 0);
  const body = declared > MAX_BATCH_BYTES ? null : await c.req.arrayBuffer();
  if (!body || body.byteLength > MAX_BATCH_BYTES) {
    fail(
      413,
      `Body too large: at most ${MAX_BATCH_BYTES.toLocaleString("en")} bytes a request; send the rows in several`,
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    fail(400, "Malformed JSON body");
  }
}

/** `body` checked by `schema`, its `list` refused with 413 when longer than MAX_BATCH_ROWS. */
export function parseBatch<S extends z.ZodType>(body: unknown, schema: S, list: "rows" | "ids"): z.output<S> {
  const items = isObject(body) ? body[list] : undefined;
  if (Array.isArray(items) && items.length > MAX_BATCH_ROWS) {
    fail(
      413,
      `${list}: at most ${MAX_BATCH_ROWS} rows a request (this one has ${items.length}); send them in several requests`,
    );
  }
  return parseBody(body, schema);
}

/** Whether a POST body is the bulk form (`{ rows }`) rather than one row (`{ cells }`). */
export function isBatch(body: unknown): boolean {
  return isObject(body) && "rows" in body && !("cells" in body);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

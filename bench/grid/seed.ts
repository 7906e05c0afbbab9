/**
 * Filling the benchmark tables. The HTTP API creates the table but writes one row a request
 * (`POST /api/tables/:id/rows`, no bulk form), so rows go in the way the app's CSV import sends
 * them, as Yjs updates over the sync socket: here a block doc's BLOCK_ROWS rows in one transaction.
 */
import { Api } from "../../e2e/api";
import { addBlock, BLOCK_ROWS, insertRow, positionAfter } from "../../sync/layout";
import { provider, whenSynced } from "../clients";
import { COLUMNS, rowValues } from "./dataset";

/**
 * Blocks written at once. The Durable Object is the bottleneck (~800 rows/s on 2 cores): 12 in
 * flight seeded 12,000 rows no faster than 4 (15 s), 1 took 19 s; 4 bounds Node's heap (~7 MB a block).
 */
const BLOCKS_IN_FLIGHT = 4;
/** How long the server may take to index one wave of blocks (a 2-core machine, measured at a few seconds). */
const WAVE_TIMEOUT_MS = 120_000;
const POLL_MS = 250;

type TableDetail = { id: string; columns: { id: string }[]; blocks: { doc: string; rows: number }[] };

/** A new table of the benchmark's 15 columns, in the account's workspace. */
export async function createTable(base: string, name: string) {
  const { api, slug, token } = await Api.account(base);
  const table = await api.request<TableDetail>("POST", `/api/tables?workspace=${slug}`, { name, columns: COLUMNS });
  return { api, slug, token, tableId: table.id, columnIds: table.columns.map((c) => c.id) };
}

/** Milliseconds a single-row insert takes through the HTTP API, averaged over `count` sequential ones. */
export async function httpInsertMs(base: string, count: number): Promise<number> {
  const { api, tableId, columnIds } = await createTable(base, "HTTP insert rate");
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: cellsOf(columnIds, i) });
  }
  return (performance.now() - started) / count;
}

/** Writes rows 0…`rows`-1 of the dataset into the table and resolves once the server has indexed them all. */
export async function seedRows(base: string, tableId: string, token: string, columnIds: string[], rows: number) {
  const { api } = await Api.account(base);
  const sync = `${base.replace("http", "ws")}/sync`;
  const blocks = Math.ceil(rows / BLOCK_ROWS);
  const manifest = provider(sync, `${tableId}:manifest`, { token });
  await whenSynced(manifest.p);
  manifest.doc.transact(() => {
    for (let b = 1; b < blocks; b++) addBlock(manifest.doc);
  });

  // Positions run across blocks in row order, as appending them in the app would make them.
  const positions: string[] = [];
  let last: string | null = null;
  for (let i = 0; i < rows; i++) {
    last = positionAfter(last);
    positions.push(last);
  }

  for (let first = 0; first < blocks; first += BLOCKS_IN_FLIGHT) {
    const wave = Array.from({ length: Math.min(BLOCKS_IN_FLIGHT, blocks - first) }, (_, k) => first + k);
    const clients = await Promise.all(
      wave.map(async (b) => {
        const client = provider(sync, `${tableId}:b${b}`, { token });
        await whenSynced(client.p);
        client.doc.transact(() => {
          for (let i = b * BLOCK_ROWS; i < Math.min(rows, (b + 1) * BLOCK_ROWS); i++) {
            insertRow(client.doc, rowId(i), cellsOf(columnIds, i), positions[i]!);
          }
        });
        return client;
      }),
    );
    await waitForIndexed(api, tableId, wave, rows);
    for (const c of clients) c.p.destroy();
  }
  manifest.p.destroy();
}

/** Row ids that sort and read like the row numbers they stand for. */
const rowId = (i: number) => `r${String(i).padStart(7, "0")}`;

function cellsOf(columnIds: string[], i: number) {
  const values = rowValues(i);
  return Object.fromEntries(columnIds.map((id, c) => [id, values[c]!]));
}

async function waitForIndexed(api: Api, tableId: string, wave: number[], rows: number) {
  const expected = (b: number) => Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS);
  const deadline = Date.now() + WAVE_TIMEOUT_MS;
  let seen = "nothing yet";
  while (Date.now() < deadline) {
    const table = await api.request<TableDetail>("GET", `/api/tables/${tableId}`);
    const counts = new Map(table.blocks.map((b) => [b.doc, b.rows]));
    if (wave.every((b) => counts.get(`b${b}`) === expected(b))) return;
    seen = wave.map((b) => `b${b}: ${counts.get(`b${b}`) ?? 0}`).join(", ");
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`The server did not index blocks ${wave.join(", ")} within ${WAVE_TIMEOUT_MS / 1000} s (${seen})`);
}

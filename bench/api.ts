/**
 * Rows through the HTTP API, served as `npm start` serves it (wrangler dev over a fresh build,
 * every binding local): 20,000 rows × 15 columns inserted in bulk requests of 1,000, and a few
 * hundred through the one-row route in the same run, for the ratio. Requests go one after
 * another, as an integration sends them; bodies are made before the clock starts. Beside the
 * rates, the server's CPU time per row (wrangler's process group, from /proc): the machine is
 * shared, and what other work does to the wall clock it does much less to that.
 *
 *   npm run bench:api
 */
import { rmSync } from "node:fs";
import { Api } from "../e2e/api";
import { type Served, serve } from "../scripts/serve";
import { type BuildCopy, buildCopy } from "./grid/build";
import { COLUMNS, rowValues } from "./grid/dataset";
import { groupCpuMs } from "./process-cpu";
import { fmt, summary } from "./stats";

const BULK_ROWS = 20_000;
/** Rows a bulk request carries: the API's limit (MAX_BATCH_ROWS). */
const PER_REQUEST = 1000;
const SINGLE_ROWS = 300;
/** The rate this machine should reach through the bulk route. */
const GOAL_ROWS_PER_S = 5000;

type Table = { id: string; columns: { id: string }[] };

async function newTable(api: Api, slug: string, name: string) {
  const table = await api.request<Table>("POST", `/api/tables?workspace=${slug}`, { name, columns: COLUMNS });
  return { id: table.id, columnIds: table.columns.map((c) => c.id) };
}

const cellsOf = (columnIds: string[], i: number) => {
  const values = rowValues(i);
  return Object.fromEntries(columnIds.map((id, c) => [id, values[c]!]));
};

/** POSTs `body` (JSON text) to a table's rows and returns the answer, failing on anything but 201. */
async function post(url: string, token: string, body: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `work`, with the wall-clock and server CPU milliseconds it took (CPU null without /proc). */
async function timed(group: number | undefined, work: () => Promise<void>) {
  const cpu0 = groupCpuMs(group);
  const started = performance.now();
  await work();
  const cpu1 = groupCpuMs(group);
  return { ms: performance.now() - started, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

async function bulk(served: Served, api: Api, slug: string, token: string) {
  const { id, columnIds } = await newTable(api, slug, "Bulk insert");
  const bodies: string[] = [];
  for (let first = 0; first < BULK_ROWS; first += PER_REQUEST) {
    const rows = Array.from({ length: PER_REQUEST }, (_, k) => ({ cells: cellsOf(columnIds, first + k) }));
    bodies.push(JSON.stringify({ rows }));
  }
  const url = `${served.url}/api/tables/${id}/rows`;
  const perRequest: number[] = [];
  const { ms, cpuMs } = await timed(served.group, async () => {
    for (const body of bodies) {
      const t0 = performance.now();
      await post(url, token, body);
      perRequest.push(performance.now() - t0);
    }
  });
  const detail = await api.request<{ rowCount: number; blocks: unknown[] }>("GET", `/api/tables/${id}`);
  if (detail.rowCount !== BULK_ROWS) throw new Error(`expected ${BULK_ROWS} rows, the table has ${detail.rowCount}`);
  const last = await api.request<{ rows: { cells: Record<string, unknown> }[] }>(
    "GET",
    `/api/tables/${id}/rows?limit=1&cursor=${btoa(String(BULK_ROWS - 1)).replace(/=+$/, "")}`,
  );
  const sorted = (cells: Record<string, unknown> = {}) => JSON.stringify(Object.entries(cells).sort());
  if (sorted(last.rows[0]?.cells) !== sorted(cellsOf(columnIds, BULK_ROWS - 1)))
    throw new Error("the last row read back differs from the one sent");
  return { ms, cpuMs, perRequest: summary(perRequest), blocks: detail.blocks.length, bytes: bodies[0]!.length };
}

async function single(served: Served, api: Api, slug: string, token: string) {
  const { id, columnIds } = await newTable(api, slug, "One row a request");
  const bodies = Array.from({ length: SINGLE_ROWS }, (_, i) => JSON.stringify({ cells: cellsOf(columnIds, i) }));
  const url = `${served.url}/api/tables/${id}/rows`;
  return timed(served.group, async () => {
    for (const body of bodies) await post(url, token, body);
  });
}

/** "; server CPU x ms per <per> rows", or nothing where it was not measured. */
const cpuPer = (cpuMs: number | null, rows: number, per: number) =>
  cpuMs === null
    ? ""
    : `; server CPU ${fmt((cpuMs / rows) * per, 1)} ms per ${per === 1 ? "row" : `${per.toLocaleString("en")} rows`}`;

let served: Served | undefined;
let build: BuildCopy | undefined;
try {
  console.log(
    `API benchmark — ${BULK_ROWS.toLocaleString("en")} rows × ${COLUMNS.length} columns through the local Worker`,
  );
  build = await buildCopy();
  served = await serve({ config: build.config });
  const { api, slug, token } = await Api.account(served.url);
  const b = await bulk(served, api, slug, token);
  const bulkRate = BULK_ROWS / (b.ms / 1000);
  console.log(
    `  bulk:   ${fmt(bulkRate, 0)} rows/s (${fmt(b.ms / 1000, 2)} s for ${BULK_ROWS / PER_REQUEST} requests of ${PER_REQUEST}, ` +
      `${fmt(b.bytes / 1024, 0)} KB each, into ${b.blocks} blocks); per request median ${fmt(b.perRequest.p50, 0)} ms, ` +
      `p95 ${fmt(b.perRequest.p95, 0)} ms${cpuPer(b.cpuMs, BULK_ROWS, PER_REQUEST)}`,
  );
  const s = await single(served, api, slug, token);
  const singleRate = SINGLE_ROWS / (s.ms / 1000);
  console.log(
    `  single: ${fmt(singleRate, 0)} rows/s (${fmt(s.ms / SINGLE_ROWS, 1)} ms a row over ${SINGLE_ROWS} requests)` +
      cpuPer(s.cpuMs, SINGLE_ROWS, 1),
  );
  console.log(
    `  bulk is ${fmt(bulkRate / singleRate, 0)}× the one-row route; goal ≥ ${GOAL_ROWS_PER_S} rows/s: ` +
      (bulkRate >= GOAL_ROWS_PER_S ? "met" : "NOT met"),
  );
} finally {
  if (served) {
    await served.stop();
    rmSync(served.state, { recursive: true, force: true });
  }
  build?.remove();
}

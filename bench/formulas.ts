/**
 * `npm run bench:formulas`: the formula engine's figures.
 * 1. Compile and evaluate a chain of 5 formula columns (each using the one before; text, math and
 *    IF functions) over 20,000 rows: median of several runs and rows per second. Goal: well under
 *    a second.
 * 2. Recompute after one edited cell: the graph picks the formulas that depend on it and only
 *    those run, for that row.
 * 3. Trigger throughput in a Durable Object: against the built app under wrangler dev, a client
 *    writes 1,000 rows that match a rule in one transaction; the TableRoom's rule fires on each
 *    and its action writes back into each row. Reported: rows per second, from the write to the
 *    run log holding all 1,000 firings.
 */

import { Api } from "../e2e/api";
import { type FormulaColumn, FormulaGraph, isFormulaError, type PlainColumn } from "../schema/formula";
import type { CellValue } from "../schema/tables";
import { run } from "../scripts/run";
import { serve } from "../scripts/serve";
import { insertRow, newRowId, positionAfter } from "../sync/layout";
import { provider, whenSynced } from "./clients";
import { fmt, summary } from "./stats";

const ROWS = 20_000;
/** Timed runs after one warm-up run; the median is reported. */
const RUNS = 7;
const EDITS = 2_000;

const PLAIN: PlainColumn[] = [
  { id: "c_name", name: "Dealer name" },
  { id: "c_price", name: "Price" },
  { id: "c_qty", name: "Qty" },
  { id: "c_region", name: "Region" },
];

const CHAIN: FormulaColumn[] = [
  { id: "f1", name: "Subtotal", text: "ROUND({Price} * {Qty}, 2)" },
  { id: "f2", name: "Discounted", text: "IF({Subtotal} > 500, ROUND({Subtotal} * 0.9, 2), {Subtotal})" },
  { id: "f3", name: "Band", text: "IF({Discounted} >= 1000, 'large', IF({Discounted} >= 100, 'medium', 'small'))" },
  { id: "f4", name: "Label", text: "UPPER(LEFT({Dealer name}, 12)) & ' · ' & {Band} & ' · ' & {Region}" },
  { id: "f5", name: "Slug", text: "LOWER(SUBSTITUTE(TRIM({Label}), ' · ', '-')) & '-' & LEN({Label})" },
];

function buildRows(): Record<string, CellValue>[] {
  const regions = ["North", "South", "East", "West"];
  return Array.from({ length: ROWS }, (_, i) => ({
    c_name: `  Dealer ${i} Motors of ${regions[i % 4]}  `,
    c_price: ((i * 7919) % 1000) + 0.99,
    c_qty: (i % 9) + 1,
    c_region: regions[i % 4]!,
  }));
}

/** Compile the chain and evaluate every row, as a room does when it opens a table. */
function evaluateAll(rows: Record<string, CellValue>[]): { ms: number; errors: number } {
  const started = performance.now();
  const graph = new FormulaGraph(CHAIN, PLAIN);
  let errors = 0;
  for (const row of rows) {
    const results = graph.evaluateRow(row);
    if (isFormulaError(results.f5)) errors++;
  }
  return { ms: performance.now() - started, errors };
}

function benchEvaluation(rows: Record<string, CellValue>[]): void {
  evaluateAll(rows);
  const runs = Array.from({ length: RUNS }, () => evaluateAll(rows));
  const ms = summary(runs.map((r) => r.ms)).p50;
  const errors = runs[0]!.errors;
  console.log(
    `compile + evaluate ${CHAIN.length} chained formula columns × ${ROWS.toLocaleString("en-US")} rows: ` +
      `median ${fmt(ms)} ms of ${RUNS} runs · ${Math.round((ROWS / ms) * 1000).toLocaleString("en-US")} rows/s` +
      ` · ${errors} error results (goal: well under 1,000 ms)`,
  );
}

/** Edit Price in random rows and recompute each row's dependents, as after a user's edit. */
function benchRecompute(rows: Record<string, CellValue>[]): void {
  const graph = new FormulaGraph(CHAIN, PLAIN);
  const stored = rows.map((row) => ({ ...row, ...graph.evaluateRow(row) }) as Record<string, CellValue>);
  const times: number[] = [];
  let recomputed = 0;
  for (let edit = 0; edit < EDITS; edit++) {
    const row = stored[(edit * 7_919) % ROWS]!;
    const started = performance.now();
    row.c_price = (row.c_price as number) + 1;
    const only = graph.recomputeOrder(["c_price"]);
    Object.assign(row, graph.evaluateRow(row, { only }));
    times.push((performance.now() - started) * 1000);
    recomputed = only.length;
  }
  const regionOnly = graph.recomputeOrder(["c_region"]).length;
  const us = summary(times);
  console.log(
    `recompute after one edited Price cell: ${recomputed} of ${CHAIN.length} formulas run ` +
      `(an edited Region runs ${regionOnly}) · median ${fmt(us.p50)} µs, p95 ${fmt(us.p95)} µs over ${EDITS.toLocaleString("en-US")} edits`,
  );
}

const rows = buildRows();
benchEvaluation(rows);
benchRecompute(rows);
/** Rows a client writes at once for the trigger benchmark. */
const TRIGGER_ROWS = 1_000;
/** How long the run log may take to show every firing before the benchmark gives up. */
const TRIGGER_WAIT_MS = 120_000;

async function benchTriggers(): Promise<void> {
  await run("react-router", ["build"], { quiet: true });
  const served = await serve();
  try {
    const { api, tableId, token } = await Api.withTable(served.url, [
      { name: "Name" },
      { name: "Score", type: "number" },
      { name: "Status" },
    ]);
    const table = await api.request<{ columns: { id: string; name: string }[] }>("GET", `/api/tables/${tableId}`);
    const id = (name: string) => table.columns.find((c) => c.name === name)!.id;
    await api.request("PUT", `/api/tables/${tableId}/triggers/hot`, {
      name: "Mark hot leads",
      when: "{Score} >= 80",
      action: { name: "set-fields", params: { fields: { Status: "hot" } } },
      ratePerMinute: 10_000,
    });
    const block = provider(`${served.url.replace("http", "ws")}/sync`, `${tableId}:b0`, { token });
    await whenSynced(block.p);
    const started = performance.now();
    block.doc.transact(() => {
      let pos: string | null = null;
      for (let i = 0; i < TRIGGER_ROWS; i++) {
        pos = positionAfter(pos);
        insertRow(block.doc, newRowId(), { [id("Name")]: `Dealer ${i}`, [id("Score")]: 80 + (i % 20) }, pos);
      }
    });
    let fired = 0;
    while (fired < TRIGGER_ROWS && performance.now() - started < TRIGGER_WAIT_MS) {
      fired = (await api.request<{ fired: number }>("GET", `/api/tables/${tableId}/triggers/runs?limit=1`)).fired;
    }
    const seconds = (performance.now() - started) / 1000;
    block.p.destroy();
    console.log(
      `trigger rule over ${TRIGGER_ROWS.toLocaleString("en-US")} new matching rows in a TableRoom (wrangler dev): ` +
        `${fired} fired and wrote back in ${fmt(seconds, 2)} s · ${fmt(fired / seconds, 0)} rows/s`,
    );
  } finally {
    await served.stop();
  }
}

await benchTriggers();

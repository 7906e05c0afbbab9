/**
 * `npm run bench:sync`: the sync engine's figures.
 * 1. Edit-to-remote latency and throughput: 50 y-websocket clients editing random cells of a
 *    5,000-row table (5 blocks of 1,000 rows × 15 columns, 10 clients a block), against our
 *    server and against @y/websocket-server serving the same rooms and content.
 * 2. Heap and time for a room to open a 100,000-row table with a working set of 5 blocks.
 * 3. Time and bytes for a fresh client (the app's connection) to load 20,000 rows.
 * 4. Bytes for a client to catch up after 1,000 edits it missed.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import WebSocket from "ws";
import * as Y from "yjs";
import { Api } from "../e2e/api";
import { run } from "../scripts/run";
import { freePort, serve } from "../scripts/serve";
import { addBlock, BLOCK_ROWS, initManifest, setCells } from "../sync/layout";
import { TableSync } from "../sync/provider";
import { Room } from "../sync/room";
import { MemoryStorage } from "../sync/room/memory-storage";
import { COLUMNS, fillBlock, provider, seed, whenSynced } from "./clients";
import { fmt, mb, summary } from "./stats";

const CLIENTS = 50;
const BLOCKS = 5;
/** Each client edits this often: 100 ms gives 500 edits/s in all (BENCH_EDIT_INTERVAL_MS to change). */
const EDIT_INTERVAL_MS = Number(process.env.BENCH_EDIT_INTERVAL_MS ?? 100);
const DURATION_MS = 10_000;

type Latency = { latencies: number[]; edits: number; receipts: number; seconds: number };

async function editLatency(
  url: string,
  room: (b: number) => string,
  params: Record<string, string> = {},
): Promise<Latency> {
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({
    i,
    block: i % BLOCKS,
    ...provider(url, room(i % BLOCKS), params),
  }));
  await Promise.all(clients.map((c) => whenSynced(c.p)));
  const latencies: number[] = [];
  let receipts = 0;
  let edits = 0;
  for (const c of clients) {
    c.doc.getMap("rows").observeDeep((events, tx) => {
      if (tx.local) return;
      const now = performance.now();
      for (const e of events) {
        for (const key of (e as Y.YMapEvent<unknown>).keysChanged) {
          const v = (e.target as Y.Map<unknown>).get(key);
          if (typeof v === "string" && v.startsWith("t:")) {
            latencies.push(now - Number(v.split(":")[1]));
            receipts++;
          }
        }
      }
    });
  }
  const timers = clients.map((c) =>
    setTimeout(() => {
      const interval = setInterval(() => {
        const row = `r${c.block * BLOCK_ROWS + Math.floor(Math.random() * BLOCK_ROWS)}`;
        const col = `c${1 + Math.floor(Math.random() * COLUMNS)}`;
        c.doc.transact(() => setCells(c.doc, row, { [col]: `t:${performance.now()}:${c.i}` }));
        edits++;
      }, EDIT_INTERVAL_MS);
      (c as { interval?: NodeJS.Timeout }).interval = interval;
    }, Math.random() * EDIT_INTERVAL_MS),
  );
  const started = performance.now();
  await new Promise((r) => setTimeout(r, DURATION_MS));
  for (const t of timers) clearTimeout(t);
  for (const c of clients) clearInterval((c as { interval?: NodeJS.Timeout }).interval);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  for (const c of clients) c.p.destroy();
  return { latencies, edits, receipts, seconds };
}

function report(name: string, r: Latency) {
  const s = summary(r.latencies);
  console.log(
    `  ${name.padEnd(22)} p50 ${fmt(s.p50)} ms  p95 ${fmt(s.p95)} ms  p99 ${fmt(s.p99)} ms  ` +
      `edits/s ${fmt(r.edits / r.seconds, 0)}  remote updates/s ${fmt(r.receipts / r.seconds, 0)}  (expected ${((CLIENTS / BLOCKS - 1) * (r.edits / r.seconds)) | 0})`,
  );
  return s;
}

async function withReference<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/reference-server.ts", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  try {
    return await fn(`ws://127.0.0.1:${port}`);
  } finally {
    child.kill("SIGKILL");
  }
}

/** A ws WebSocket that counts the bytes it receives. */
function countingSocket(counter: { bytes: number }) {
  return class extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on("message", (data: Buffer) => {
        counter.bytes += data.byteLength;
      });
    }
  } as unknown as typeof globalThis.WebSocket;
}

async function openTable(url: string, tableId: string, token: string, counter: { bytes: number }) {
  const sync = new TableSync({
    url: `${url.replace("http", "ws")}/sync`,
    tableId,
    token,
    persist: false,
    WebSocket: countingSocket(counter),
  });
  await sync.whenSynced(120_000);
  return sync;
}

function roomHeap() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (npm run bench:sync does)");
  const storage = new MemoryStorage();
  const manifest = new Y.Doc();
  initManifest(manifest, "Dealerships", []);
  for (let b = 1; b < 100; b++) addBlock(manifest);
  storage.snapshots.set("manifest", Y.encodeStateAsUpdate(manifest));
  const block = new Y.Doc();
  fillBlock(block, 0);
  // Every block stores the same 1,000 rows: opening cost does not depend on which rows they are.
  const snapshot = Y.encodeStateAsUpdate(block);
  block.destroy();
  for (let b = 0; b < 100; b++) storage.snapshots.set(`b${b}`, snapshot);
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const room = new Room({ storage });
  room.open("manifest");
  for (let b = 0; b < 5; b++) room.open(`b${b}`);
  const ms = performance.now() - started;
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  return { ms, heap, snapshotBytes: snapshot.byteLength, room };
}

async function main() {
  console.log(
    `Sync benchmark — ${CLIENTS} clients, ${BLOCKS * BLOCK_ROWS} rows × ${COLUMNS} columns, an edit per client every ${EDIT_INTERVAL_MS} ms for ${DURATION_MS / 1000} s\n`,
  );
  await run("react-router", ["build"], { quiet: true });
  const served = await serve();
  try {
    const { token, tableId, api } = await Api.withTable(served.url, []);
    const ws = `${served.url.replace("http", "ws")}/sync`;
    const manifest = provider(ws, `${tableId}:manifest`, { token });
    await whenSynced(manifest.p);
    manifest.doc.transact(() => {
      for (let b = 1; b < 20; b++) addBlock(manifest.doc);
    });
    await seed(ws, (b) => `${tableId}:b${b}`, 20, { token });
    manifest.p.destroy();
    const total = await api.request<{ total: number }>("GET", `/api/tables/${tableId}/rows?limit=1`);
    console.log(`Seeded ${total.total} rows on Rowpilot.`);

    console.log("\n1. Edit-to-remote latency");
    const ours = report("Rowpilot (TableRoom)", await editLatency(ws, (b) => `${tableId}:b${b}`, { token }));
    const ref = await withReference(async (url) => {
      await seed(url, (b) => `${tableId}:b${b}`, BLOCKS);
      return report("@y/websocket-server", await editLatency(url, (b) => `${tableId}:b${b}`));
    });
    console.log(`  p95 ratio Rowpilot / reference: ${fmt(ours.p95 / ref.p95, 2)} (goal ≤ 1)`);

    console.log("\n2. Opening a 100,000-row table with a working set of 5 blocks (in-process Room)");
    const heap = roomHeap();
    console.log(
      `  ${fmt(heap.ms, 0)} ms, heap ${mb(heap.heap)} (goal < 64 MB); a block snapshot is ${mb(heap.snapshotBytes)}`,
    );

    console.log("\n3. A fresh client loading 20,000 rows (one multiplexed socket)");
    const fresh = { bytes: 0 };
    const started = performance.now();
    const sync = await openTable(served.url, tableId, token, fresh);
    const loaded = sync.blocks().reduce((n, b) => n + sync.open(b).getMap("rows").size, 0);
    const loadBytes = fresh.bytes;
    console.log(`  ${loaded} rows in ${fmt((performance.now() - started) / 1000, 2)} s, ${mb(loadBytes)} received`);

    console.log("\n4. Catching up after 1,000 missed edits");
    sync.disconnect();
    const editor = provider(ws, `${tableId}:b0`, { token });
    await whenSynced(editor.p);
    for (let i = 0; i < 1000; i++) editor.doc.transact(() => setCells(editor.doc, `r${i}`, { c1: `missed edit ${i}` }));
    const lastEdit = () => (sync.open("b0").getMap("rows").get("r999") as Y.Map<unknown> | undefined)?.get("c1");
    await new Promise((r) => setTimeout(r, 1000));
    fresh.bytes = 0;
    sync.connect();
    await sync.whenSynced(60_000);
    while (lastEdit() !== "missed edit 999") await new Promise((r) => setTimeout(r, 20));
    console.log(`  ${(fresh.bytes / 1024).toFixed(1)} KB received to catch up (a fresh load took ${mb(loadBytes)})`);
    sync.destroy();
    editor.p.destroy();
  } finally {
    await served.stop();
    rmSync(served.state, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

/**
 * `npm run bench:sync`: the sync engine's figures.
 * 1. Edit-to-remote latency and throughput: 50 y-websocket clients editing random cells of a
 *    5,000-row table (5 blocks of 1,000 rows × 15 columns, 10 clients a block), against our
 *    server, against @y/websocket-server serving the same rooms and content, and against two
 *    platform floors under `wrangler dev` (bench/sync-floor): our Room in a Durable Object in
 *    memory only, and a Durable Object that only relays the frames: at 500 edits/s, then a
 *    saturation curve (100 to 5,000 edits/s), then a
 *    10,000-cell paste in one update. Clients and servers share this machine's cores, so past
 *    some rate the clients are the limit for every server alike.
 * 1b. The room's own CPU cost per edit, in process (bench/room-cost.ts).
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
import { addBlock, BLOCK_ROWS, cellOf, initManifest, rowsOf, setCells } from "../sync/layout";
import { TableSync } from "../sync/provider";
import { Room } from "../sync/room";
import { MemoryStorage } from "../sync/room/memory-storage";
import { COLUMNS, fillBlock, provider, seed, whenSynced } from "./clients";
import { LightClient, type Stamp } from "./light-client";
import { roomCost } from "./room-cost";
import { fmt, mb, summary } from "./stats";
import { serveFloor } from "./sync-floor/serve";

const CLIENTS = 50;
const BLOCKS = 5;
/** Edits a second in all for the head-to-head (BENCH_EDITS_PER_SECOND to change). */
const EDITS_PER_SECOND = Number(process.env.BENCH_EDITS_PER_SECOND ?? 500);
const DURATION_MS = 10_000;
/** The saturation curve's rates, each run for a shorter spell. */
const CURVE = [100, 500, 2000, 5000];
const CURVE_DURATION_MS = 6_000;
/** p95 past which we say a server is saturated. */
const SATURATED_P95_MS = 100;
/** How long the room may take to work off the curve's backlog before the next measures. */
const DRAIN_TIMEOUT_MS = 180_000;
/** A paste of this many cells arrives in one update. */
const PASTE_CELLS = 10_000;

type Latency = { latencies: number[]; edits: number; receipts: number; seconds: number };

async function editLatency(
  url: string,
  room: (b: number) => string,
  params: Record<string, string> = {},
  rate = EDITS_PER_SECOND,
  durationMs = DURATION_MS,
): Promise<Latency> {
  const interval = (CLIENTS * 1000) / rate;
  const latencies: number[] = [];
  // An edit a client gets back (a merged frame from several senders goes to each of them) is not a receipt.
  const received = (me: number) => (stamps: Stamp[]) => {
    const now = performance.now();
    for (const { sentAt, sender } of stamps) if (sender !== me) latencies.push(now - sentAt);
  };
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => ({
      i,
      block: i % BLOCKS,
      client: await LightClient.connect(url, room(i % BLOCKS), params, received(i)),
      timer: undefined as NodeJS.Timeout | undefined,
    })),
  );
  let edits = 0;
  const starts = clients.map((c) =>
    setTimeout(() => {
      c.timer = setInterval(() => {
        const row = `r${c.block * BLOCK_ROWS + Math.floor(Math.random() * BLOCK_ROWS)}`;
        const col = `c${1 + Math.floor(Math.random() * COLUMNS)}`;
        const doc = c.client.doc;
        doc.transact(() => setCells(doc, row, { [col]: `t:${performance.now()}:${c.i}` }));
        edits++;
      }, interval);
    }, Math.random() * interval),
  );
  const started = performance.now();
  await new Promise((r) => setTimeout(r, durationMs));
  for (const t of starts) clearTimeout(t);
  for (const c of clients) clearInterval(c.timer);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  for (const c of clients) c.client.close();
  return { latencies, edits, receipts: latencies.length, seconds };
}

function report(name: string, r: Latency) {
  const s = summary(r.latencies);
  console.log(
    `  ${name.padEnd(22)} p50 ${fmt(s.p50)} ms  p95 ${fmt(s.p95)} ms  p99 ${fmt(s.p99)} ms  ` +
      `edits/s ${fmt(r.edits / r.seconds, 0)}  remote updates/s ${fmt(r.receipts / r.seconds, 0)}  (expected ${((CLIENTS / BLOCKS - 1) * (r.edits / r.seconds)) | 0})`,
  );
  return s;
}

/** The reference server in a process of its own, like ours. */
async function startReference(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/reference-server.ts", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") };
}

/**
 * Milliseconds from one client's paste of PASTE_CELLS cells (one transaction, one update) to a
 * second client holding all of them; the median of 3 pastes.
 */
async function pasteLatency(url: string, room: string, params: Record<string, string> = {}) {
  const paster = provider(url, room, params);
  const watcher = provider(url, room, params);
  await Promise.all([whenSynced(paster.p), whenSynced(watcher.p)]);
  const times: number[] = [];
  let bytes = 0;
  paster.doc.on("update", (u: Uint8Array) => {
    bytes = u.byteLength;
  });
  for (let round = 0; round < 3; round++) {
    const last = `paste ${round} ${PASTE_CELLS - 1}`;
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`paste ${round} did not arrive within 60 s`)), 60_000);
      const check = () => {
        const row = rowsOf(watcher.doc).get(`r${Math.floor((PASTE_CELLS - 1) / COLUMNS)}`);
        if (!row || cellOf(row, `c${1 + ((PASTE_CELLS - 1) % COLUMNS)}`) !== last) return;
        clearTimeout(timer);
        watcher.doc.off("update", check);
        resolve();
      };
      watcher.doc.on("update", check);
    });
    const started = performance.now();
    paster.doc.transact(() => {
      for (let i = 0; i < PASTE_CELLS; i++) {
        setCells(paster.doc, `r${Math.floor(i / COLUMNS)}`, { [`c${1 + (i % COLUMNS)}`]: `paste ${round} ${i}` });
      }
    });
    await arrived;
    times.push(performance.now() - started);
  }
  paster.p.destroy();
  watcher.p.destroy();
  return { ms: summary(times).p50, bytes };
}

/**
 * Waits for the room to work through what the saturation curve left queued: a request answers only
 * once what was queued before it is done, and an overloaded Durable Object refuses one meanwhile.
 */
async function drained(api: Api, tableId: string): Promise<void> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    try {
      await api.request("GET", `/api/tables/${tableId}/rows?limit=1`);
      return;
    } catch (error) {
      if (performance.now() > deadline) throw new Error(`the room was still busy after 3 minutes: ${error}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
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
    `Sync benchmark — ${CLIENTS} clients on ${BLOCKS * BLOCK_ROWS} rows × ${COLUMNS} columns (${BLOCKS} blocks), against @y/websocket-server\n`,
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

    const reference = await startReference();
    const floor = await serveFloor();
    // In a workerd of its own: the floor's backlog at 2,000 edits/s and more would hold it up.
    const relayServer = await serveFloor();
    try {
      await seed(reference.url, (b) => `${tableId}:b${b}`, BLOCKS);
      await seed(floor.url, (b) => `${tableId}:b${b}`, BLOCKS);
      const relay = `${relayServer.url}/relay`;
      await seed(relay, (b) => `${tableId}:b${b}`, BLOCKS);
      const ourRoom = (b: number) => `${tableId}:b${b}`;
      console.log(`\n1. Edit-to-remote latency at ${EDITS_PER_SECOND} edits/s for ${DURATION_MS / 1000} s`);
      const ours = report("Rowpilot (TableRoom)", await editLatency(ws, ourRoom, { token }));
      const ref = report("@y/websocket-server", await editLatency(reference.url, ourRoom));
      const bare = report("floor (Room in a DO)", await editLatency(floor.url, ourRoom));
      const relayed = report("relay (DO, no Yjs)", await editLatency(relay, ourRoom));
      console.log(`  p95 ratio Rowpilot / reference: ${fmt(ours.p95 / ref.p95, 2)} (goal ≤ 2)`);
      console.log(
        `  p95 ratio relay / reference: ${fmt(relayed.p95 / ref.p95, 2)} (workerd's socket path: the least a server here can take);` +
          ` floor / relay: ${fmt(bare.p95 / relayed.p95, 2)} (the Room's own work);` +
          ` Rowpilot / floor: ${fmt(ours.p95 / bare.p95, 2)} (durable log, index, triggers, sign-in)`,
      );

      console.log(`\n   A ${PASTE_CELLS.toLocaleString("en-US")}-cell paste in one update, to a second client`);
      const pasteOurs = await pasteLatency(ws, `${tableId}:b0`, { token });
      const pasteRef = await pasteLatency(reference.url, `${tableId}:b0`);
      console.log(
        `  Rowpilot ${fmt(pasteOurs.ms, 0)} ms, reference ${fmt(pasteRef.ms, 0)} ms (ratio ${fmt(pasteOurs.ms / pasteRef.ms, 2)}; the update is ${(pasteOurs.bytes / 1024).toFixed(0)} KB)`,
      );
      console.log(`\n   Saturation: p95 by rate (${CURVE_DURATION_MS / 1000} s each)`);
      const curve: { rate: number; ours: number; ref: number; floor: number; relay: number }[] = [];
      for (const rate of CURVE) {
        const o = report(`Rowpilot ${rate}/s`, await editLatency(ws, ourRoom, { token }, rate, CURVE_DURATION_MS));
        const r = report(`reference ${rate}/s`, await editLatency(reference.url, ourRoom, {}, rate, CURVE_DURATION_MS));
        const l = report(`relay ${rate}/s`, await editLatency(relay, ourRoom, {}, rate, CURVE_DURATION_MS));
        const f = report(`floor ${rate}/s`, await editLatency(floor.url, ourRoom, {}, rate, CURVE_DURATION_MS));
        curve.push({ rate, ours: o.p95, ref: r.p95, floor: f.p95, relay: l.p95 });
      }
      const heads = ["edits/s", "Rowpilot p95", "reference p95", "floor p95", "relay p95", "ours/ref", "relay/ref"];
      console.log(`  ${heads.map((h) => h.padEnd(14)).join("")}`);
      for (const { rate, ours: o, ref: r, floor: f, relay: l } of curve) {
        const cells = [String(rate), ...[o, r, f, l].map((v) => `${fmt(v)} ms`), fmt(o / r, 2), fmt(l / r, 2)];
        console.log(`  ${cells.map((c) => c.padEnd(14)).join("")}`);
      }
      for (const who of ["ours", "ref", "floor", "relay"] as const) {
        const name = { ours: "Rowpilot", ref: "reference", floor: "floor", relay: "relay" }[who];
        const past = curve.findIndex((c) => c[who] > SATURATED_P95_MS);
        console.log(
          past < 0
            ? `  ${name} stays under ${SATURATED_P95_MS} ms p95 up to ${CURVE.at(-1)} edits/s`
            : `  ${name} passes ${SATURATED_P95_MS} ms p95 between ${past ? CURVE[past - 1] : 0} and ${CURVE[past]} edits/s`,
        );
      }
    } finally {
      reference.stop();
      await floor.stop();
      await relayServer.stop();
    }
    await drained(api, tableId);

    console.log("\n1b. The room's own CPU cost per single-cell edit, in process (10 peers on a 1,000-row block)");
    const cost = roomCost();
    console.log(
      `  Yjs apply alone ${fmt(cost.yjs)} µs; room without its row index ${fmt(cost.logAndBroadcast)} µs; room as it runs ${fmt(cost.full)} µs`,
    );

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
    const lastEdit = () => {
      const row = rowsOf(sync.open("b0")).get("r999");
      return row && cellOf(row, "c1");
    };
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

/**
 * The room's own CPU cost per edit, in Node, on the TableRoom's real storage code (update log and
 * row index through drizzle's durable-sqlite driver, over node:sqlite): one client's single-cell
 * edits received by a room serving a 1,000-row block to 10 peers, timed stage by stage.
 */
import { drizzle } from "drizzle-orm/durable-sqlite";
import * as Y from "yjs";
import { type DocName, setCells } from "../sync/layout";
import { encodeFrameOnce } from "../sync/protocol";
import { Room } from "../sync/room";
import type { Peer, PeerState } from "../sync/room/types";
import { SqlDocStorage } from "../worker/durable/doc-storage";
import { RowIndex } from "../worker/durable/row-index";
import { COLUMNS, fillBlock } from "./clients";
import { NodeDoStorage } from "./node-do-sqlite";

const EDITS = Number(process.env.EDITS ?? 5_000);
const PEERS = 10;

class CountingPeer implements Peer {
  bytes = 0;
  readonly state: PeerState = { docs: {}, toldReadOnly: false };
  readonly canWrite = true;
  constructor(readonly id: string) {}
  get origin() {
    return { kind: "user" as const, userId: this.id };
  }
  send(doc: DocName, message: Uint8Array) {
    this.bytes += encodeFrameOnce(doc, message).byteLength;
  }
  saved() {}
}

/** `EDITS` single-cell edits of random rows, as one client would send them. */
function edits(block: Y.Doc): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(block));
  const out: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => out.push(u));
  for (let i = 0; i < EDITS; i++) {
    const row = `r${Math.floor(Math.random() * 1000)}`;
    client.transact(() => setCells(client, row, { [`c${1 + (i % COLUMNS)}`]: `edit ${i}` }));
  }
  return out;
}

function newRoom(seed: Uint8Array, withIndex: boolean) {
  const storage = new NodeDoStorage().migrate();
  const db = drizzle(storage as unknown as DurableObjectStorage);
  const room = new Room({ storage: new SqlDocStorage(db) });
  if (withIndex) {
    const index = new RowIndex(db);
    room.onChanges((batch) => index.apply(batch));
  }
  room.write("b0", { kind: "automation", job: "seed" }, (b) => Y.applyUpdate(b, seed));
  const peers = Array.from({ length: PEERS }, (_, i) => new CountingPeer(`p${i}`));
  for (const peer of peers) room.join(peer, "b0");
  return { room, peers };
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return ((performance.now() - started) * 1000) / EDITS;
}

/** Microseconds per edit: Yjs alone, the room without its row index, and the room as it runs. */
export function roomCost() {
  const seed = new Y.Doc();
  fillBlock(seed, 0);
  const updates = edits(seed);
  const plain = new Y.Doc();
  Y.applyUpdate(plain, Y.encodeStateAsUpdate(seed));
  const yjs = time(() => {
    for (const u of updates) Y.applyUpdate(plain, u);
  });
  const results: Record<"yjs" | "logAndBroadcast" | "full", number> = { yjs, logAndBroadcast: 0, full: 0 };
  for (const [key, withIndex] of [
    ["logAndBroadcast", false],
    ["full", true],
  ] as const) {
    const { room, peers } = newRoom(Y.encodeStateAsUpdate(seed), withIndex);
    results[key] = time(() => {
      // A message a turn, as a socket delivers them to an idle room: each is broadcast alone.
      for (const update of updates) {
        room.receive(peers[0]!, "b0", { type: "sync-update", update });
        room.flush();
      }
    });
  }
  return results;
}

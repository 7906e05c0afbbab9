/**
 * The logic of one table's room, free of the platform: documents loaded on demand under a memory
 * budget, every change appended to the log and committed before it is broadcast, compaction,
 * read-only peers, awareness relay, and a row-change feed for the index and triggers.
 */
import * as Y from "yjs";
import type { Origin } from "../../schema/tables";
import { cellCounts, type DocName, observeRows, type RowChange, rowCount, rowsOf } from "../layout";
import { decodeAwareness, encodeAwareness, encodeMessage, type Message } from "../protocol";
import type { ChangeBatch, DocStorage, Peer } from "./types";

/**
 * Heap the room's docs may take: 48 MiB of a Durable Object's 128 MiB, leaving room for SQLite's
 * page cache, sockets and the runtime. Estimated per cell, measured on yjs 13.6 in Node: ≈490
 * bytes for a cell kept as a key of its row (an edit, or any cell of a row written before bases),
 * ≈80 for one in a row's base.
 */
export const DOC_BUDGET_BYTES = 48 * 1024 * 1024;
export const BYTES_PER_CELL = 490;
export const BYTES_PER_BASE_CELL = 80;
/**
 * Compact a doc's log when it holds this many updates or bytes. Compacting a 1,000-row block
 * (encoding its whole state, ~450 KB) takes 20–40 ms: at 500 updates that was 40–80 µs of every
 * edit. Replaying 2,000 single-cell updates when a block loads costs about 30 ms, a third of
 * loading its snapshot.
 */
export const COMPACT_COUNT = 2000;
export const COMPACT_BYTES = 1024 * 1024;

export type ReceiveResult = "ok" | "malformed" | "rejected";

type Loaded = { doc: Y.Doc; bytes: number; lastUsed: number };
/** An update of a storage transaction, in the outbox until it is committed and sent. */
type Outgoing = { name: DocName; update: Uint8Array; sender: Peer | null };
type TxOrigin = { origin: Origin; peer: Peer | null };

const LOAD = Symbol("load");

export type RoomOptions = {
  storage: DocStorage;
  budgetBytes?: number;
  now?: () => number;
};

export class Room {
  private readonly docs = new Map<DocName, Loaded>();
  private readonly subscribers = new Map<DocName, Set<Peer>>();
  private readonly awareness = new Map<DocName, Map<number, { clock: number; state: string }>>();
  /**
   * Updates committed and not yet broadcast. They go out at the end of the turn that committed
   * them, merged per doc with whatever else that turn committed (under load, the platform hands
   * the room the edits that queued up meanwhile in one turn). So a peer never sees an edit a
   * restart would lose, an idle room sends at once, and a busy one sends fewer, larger frames. A fixed 50 ms window, tried
   * first, put its whole length on every edit in an idle room; sending each update alone capped a
   * local room at about 2,000 remote updates a second, half of what 500 edits/s to 10 peers needs.
   */
  private readonly outbox: Outgoing[] = [];
  private flushQueued = false;
  private depth = 0;
  /** Where the outermost transaction in progress began in the outbox. */
  private txStart = 0;
  /** Docs whose log passed a limit: compacted once their updates are sent. */
  private readonly compactions = new Set<DocName>();
  private readonly listeners = new Set<(batch: ChangeBatch) => void>();
  private readonly storage: DocStorage;
  private readonly budget: number;
  private readonly now: () => number;

  constructor(options: RoomOptions) {
    this.storage = options.storage;
    this.budget = options.budgetBytes ?? DOC_BUDGET_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** Listens to every committed row change; runs inside the storage transaction. */
  onChanges(listener: (batch: ChangeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The doc, loaded from storage if it is not in memory. */
  open(name: DocName): Y.Doc {
    const loaded = this.docs.get(name);
    if (loaded) {
      loaded.lastUsed = this.now();
      return loaded.doc;
    }
    const doc = new Y.Doc({ gc: true });
    const { snapshot, updates } = this.storage.load(name);
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot, LOAD);
      for (const update of updates) Y.applyUpdate(doc, update, LOAD);
    }, LOAD);
    const entry: Loaded = { doc, bytes: estimateBytes(doc, name), lastUsed: this.now() };
    doc.on("update", (update: Uint8Array, origin: unknown) => this.persist(name, update, origin));
    if (name !== "manifest") {
      observeRows(doc, (changes, origin) => {
        if (origin === LOAD) return;
        entry.bytes += bytesDelta(changes);
        if (!this.listeners.size) return;
        const batch: ChangeBatch = { doc: name, origin: (origin as TxOrigin).origin, changes, at: this.now() };
        for (const listener of this.listeners) listener(batch);
      });
    }
    this.docs.set(name, entry);
    this.evictOverBudget(name);
    return doc;
  }

  /** Changes a doc on behalf of the API or an automation; connected peers see it live. */
  write<T>(name: DocName, origin: Origin, change: (doc: Y.Doc) => T): T {
    const doc = this.open(name);
    const tx: TxOrigin = { origin, peer: null };
    return this.commit(() => {
      let result!: T;
      doc.transact(() => {
        result = change(doc);
      }, tx);
      return result;
    });
  }

  /** A peer subscribes to a doc: it gets our state vector (sync step 1) and who else is there. */
  join(peer: Peer, name: DocName): void {
    const doc = this.open(name);
    const set = this.subscribers.get(name) ?? new Set<Peer>();
    this.subscribers.set(name, set);
    set.add(peer);
    if (!peer.state.docs[name]) {
      peer.state.docs[name] = {};
      peer.saved();
    }
    peer.send(name, encodeMessage({ type: "sync-step-1", stateVector: Y.encodeStateVector(doc) }));
    const states = this.awareness.get(name);
    if (states?.size) {
      const entries = [...states].map(([clientId, s]) => ({ clientId, ...s }));
      peer.send(name, encodeMessage({ type: "awareness", update: encodeAwareness(entries) }));
    }
  }

  isJoined(peer: Peer, name: DocName): boolean {
    return Boolean(this.subscribers.get(name)?.has(peer));
  }

  /** Handles one decoded message from a peer on a doc it joined. */
  receive(peer: Peer, name: DocName, message: Message): ReceiveResult {
    switch (message.type) {
      case "sync-step-1": {
        const doc = this.open(name);
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(doc, message.stateVector);
        } catch {
          return "malformed";
        }
        peer.send(name, encodeMessage({ type: "sync-step-2", update: diff }));
        return "ok";
      }
      case "sync-step-2":
      case "sync-update":
        return this.receiveUpdate(peer, name, message.update);
      case "awareness":
        return this.receiveAwareness(peer, name, message.update);
      case "query-awareness": {
        const states = this.awareness.get(name);
        const entries = states ? [...states].map(([clientId, s]) => ({ clientId, ...s })) : [];
        peer.send(name, encodeMessage({ type: "awareness", update: encodeAwareness(entries) }));
        return "ok";
      }
      case "auth":
        return "ok";
      case "unsubscribe":
        this.unsubscribe(peer, name);
        return "ok";
    }
  }

  /**
   * A peer stops following one doc (a windowed grid closed it): it gets none of its updates, its
   * presence there is cleared for the others, and the doc may be unloaded like any idle one.
   */
  unsubscribe(peer: Peer, name: DocName): void {
    this.subscribers.get(name)?.delete(peer);
    const clients = peer.state.docs[name];
    if (!clients) return;
    delete peer.state.docs[name];
    peer.saved();
    this.clearClients(peer, name, clients);
  }

  /** A peer went away: its awareness states are cleared for the others; the log may be compacted. */
  leave(peer: Peer): void {
    for (const [name, clients] of Object.entries(peer.state.docs) as [DocName, Record<string, number>][]) {
      this.subscribers.get(name)?.delete(peer);
      this.clearClients(peer, name, clients);
    }
    if (this.peerCount() === 0) this.compactAll();
  }

  /** Tells the others on a doc that a peer's awareness clients there are gone. */
  private clearClients(peer: Peer, name: DocName, clients: Record<string, number>): void {
    const gone = Object.entries(clients).map(([id, clock]) => ({ clientId: Number(id), clock, state: "null" }));
    if (!gone.length) return;
    const states = this.awareness.get(name);
    for (const { clientId } of gone) states?.delete(clientId);
    this.broadcast(name, encodeMessage({ type: "awareness", update: encodeAwareness(gone) }), peer);
  }

  peerCount(): number {
    const peers = new Set<Peer>();
    for (const set of this.subscribers.values()) for (const peer of set) peers.add(peer);
    return peers.size;
  }

  /** Sends what is committed, then folds each loaded doc's log into its snapshot. */
  compactAll(): void {
    this.flush();
    for (const [name, { doc }] of this.docs) this.storage.compact(name, Y.encodeStateAsUpdate(doc));
  }

  loadedDocs(): DocName[] {
    return [...this.docs.keys()];
  }

  estimatedBytes(): number {
    let total = 0;
    for (const { bytes } of this.docs.values()) total += bytes;
    return total;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  private receiveUpdate(peer: Peer, name: DocName, update: Uint8Array): ReceiveResult {
    const doc = this.open(name);
    if (!peer.canWrite) {
      if (hasNewContent(doc, update) && !peer.state.toldReadOnly) {
        peer.state.toldReadOnly = true;
        peer.saved();
        peer.send(
          name,
          encodeMessage({ type: "auth", denied: true, reason: "read-only: viewers cannot edit this table" }),
        );
      }
      return "rejected";
    }
    const tx: TxOrigin = { origin: peer.origin, peer };
    try {
      // Not decoded first to check it: that decode cost as much as the apply. An update that
      // fails part way rolls back with its transaction and is never broadcast (see `commit`).
      this.commit(() => Y.applyUpdate(doc, update, tx));
      return "ok";
    } catch {
      return "malformed";
    }
  }

  private receiveAwareness(peer: Peer, name: DocName, update: Uint8Array): ReceiveResult {
    const entries = decodeAwareness(update);
    if (!entries) return "malformed";
    const states = this.awareness.get(name) ?? new Map<number, { clock: number; state: string }>();
    this.awareness.set(name, states);
    const mine = peer.state.docs[name] ?? {};
    peer.state.docs[name] = mine;
    for (const { clientId, clock, state } of entries) {
      if (state === "null") {
        states.delete(clientId);
        delete mine[clientId];
      } else {
        states.set(clientId, { clock, state });
        mine[clientId] = clock;
      }
    }
    peer.saved();
    this.broadcast(name, encodeMessage({ type: "awareness", update }), peer);
    return "ok";
  }

  private persist(name: DocName, update: Uint8Array, origin: unknown): void {
    if (origin === LOAD) return;
    const stats = this.storage.append(name, update);
    this.outbox.push({ name, update, sender: (origin as TxOrigin | undefined)?.peer ?? null });
    const loaded = this.docs.get(name);
    if (loaded) {
      loaded.lastUsed = this.now();
      this.evictOverBudget(name);
    }
    if (stats.count >= COMPACT_COUNT || stats.bytes >= COMPACT_BYTES) this.compactions.add(name);
  }

  /**
   * Runs `fn` in a storage transaction; once the outermost one commits, its updates are broadcast
   * at the end of the turn (see `outbox`). When it throws, every doc it changed is unloaded (the
   * docs may hold changes that storage rolled back; storage has the truth) and they are not sent.
   */
  private commit<T>(fn: () => T): T {
    const from = this.outbox.length;
    if (this.depth === 0) this.txStart = from;
    this.depth++;
    let committed = false;
    try {
      const result = this.storage.transaction(fn);
      committed = true;
      return result;
    } finally {
      this.depth--;
      if (!committed) {
        for (const name of new Set(this.outbox.splice(from).map((o) => o.name))) this.unload(name);
      }
      if (this.depth === 0 && this.outbox.length && !this.flushQueued) {
        this.flushQueued = true;
        queueMicrotask(() => this.flush());
      }
    }
  }

  /**
   * Sends what was committed, one frame per doc: to every subscriber but the sender when one peer
   * sent all of it, to every subscriber otherwise (applying an update twice changes nothing).
   * Then compacts the docs whose log passed a limit, after their edits went out.
   */
  flush(): void {
    // Inside a transaction (a listener flushing), what is in the outbox is not committed yet.
    if (this.depth > 0) return;
    this.flushQueued = false;
    const byDoc = new Map<DocName, Outgoing[]>();
    for (const o of this.outbox.splice(0)) {
      const list = byDoc.get(o.name);
      if (list) list.push(o);
      else byDoc.set(o.name, [o]);
    }
    for (const [name, list] of byDoc) {
      const update = list.length === 1 ? list[0]!.update : Y.mergeUpdates(list.map((o) => o.update));
      const senders = new Set(list.map((o) => o.sender));
      const except = senders.size === 1 ? list[0]!.sender : null;
      this.broadcast(name, encodeMessage({ type: "sync-update", update }), except);
    }
    for (const name of this.compactions) {
      const loaded = this.docs.get(name);
      if (loaded) this.storage.compact(name, Y.encodeStateAsUpdate(loaded.doc));
    }
    this.compactions.clear();
  }

  private broadcast(name: DocName, message: Uint8Array, except: Peer | null): void {
    for (const peer of this.subscribers.get(name) ?? []) {
      if (peer === except) continue;
      try {
        peer.send(name, message);
      } catch {
        // A socket closing mid-send is handled by its close event.
      }
    }
  }

  private unload(name: DocName): void {
    this.docs.get(name)?.doc.destroy();
    this.docs.delete(name);
  }

  /**
   * Unloads least recently used docs nobody is subscribed to, never `keep` (the doc in use) nor a
   * doc the transaction in progress changed (it may still be changing it).
   */
  private evictOverBudget(keep: DocName): void {
    if (this.estimatedBytes() <= this.budget) return;
    const changing = new Set(this.depth > 0 ? this.outbox.slice(this.txStart).map((o) => o.name) : []);
    const idle = [...this.docs]
      .filter(
        ([name]) => name !== keep && name !== "manifest" && !this.subscribers.get(name)?.size && !changing.has(name),
      )
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [name] of idle) {
      if (this.estimatedBytes() <= this.budget) break;
      this.unload(name);
    }
  }
}

const BYTES_PER_ROW = 200;

/** A full estimate, once per load (Y.Map's size walks its entries, so this is O(cells)). */
function estimateBytes(doc: Y.Doc, name: DocName): number {
  if (name === "manifest") return 64 * 1024;
  let cells = 0;
  for (const row of rowsOf(doc).values()) {
    const counts = cellCounts(row);
    cells += counts.edits * BYTES_PER_CELL + counts.base * BYTES_PER_BASE_CELL;
  }
  return cells + rowCount(doc) * BYTES_PER_ROW;
}

/** How a transaction's row changes move the estimate. */
function bytesDelta(changes: RowChange[]): number {
  let delta = 0;
  for (const c of changes) {
    // A new row's cells are its base; a deleted row's are counted as base cells too (most are).
    if (c.kind === "insert") delta += BYTES_PER_ROW + Object.keys(c.cells).length * BYTES_PER_BASE_CELL;
    else if (c.kind === "delete") delta -= BYTES_PER_ROW + Object.keys(c.old).length * BYTES_PER_BASE_CELL;
    else {
      for (const d of Object.values(c.cells)) {
        if (d.old === undefined && d.new !== undefined) delta += BYTES_PER_CELL;
        else if (d.old !== undefined && d.new === undefined) delta -= BYTES_PER_CELL;
      }
    }
  }
  return delta;
}

/** Whether an update carries content the doc does not have yet (new structs beyond its state vector). */
function hasNewContent(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const { structs } = Y.decodeUpdate(update);
    return structs.some((s) => s.id.clock + s.length > (sv.get(s.id.client) ?? 0));
  } catch {
    return true;
  }
}

/**
 * The app's connection to one table: one multiplexed WebSocket for all its docs, each doc also
 * kept in IndexedDB (y-indexeddb) so the table opens and takes edits offline, reconnection with
 * jittered backoff, a status for the UI, and lazy opening of blocks: a table of more than
 * EAGER_BLOCKS blocks is "windowed", and its page opens and closes the blocks its view needs.
 */
import { IndexeddbPersistence, storeState } from "y-indexeddb";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { blocksOf, type DocName, isWindowed, LAYOUT_VERSION } from "../layout";
import { CLOSE_OUTDATED, decodeFrame, decodeMessage, encodeFrame, encodeMessage, type Message } from "../protocol";
import { backoffDelay } from "./backoff";
import type { EarlySocket } from "./early";
import { Inbox } from "./inbox";
import { keeper } from "./keep";

/** `Y.encodeStateAsUpdate` of nothing: no structs, no deletions. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * Entries a doc's IndexedDB copy may hold before it is merged into one. Each visit adds about one
 * whole copy (the server answers a doc still loading from IndexedDB with all of it), and
 * y-indexeddb merges only at 500 (PREFERRED_TRIM_SIZE): a block read 500 times over on load.
 */
const COMPACT_AFTER = 4;
/** Merging waits for the page to be idle (it encodes the whole doc), at most this long. */
const COMPACT_IDLE_MS = 10_000;

/** How often to look whether the socket has sent everything (there is no event for it). */
const DRAIN_POLL_MS = 200;

export type SyncStatus = {
  state: "online" | "offline" | "syncing";
  /** Local changes not yet sent to the server. */
  pending: number;
  /** Set when the server said this connection may not write. */
  readOnly: boolean;
  /** Set when the server turned this page away as older than its tables (CLOSE_OUTDATED): reload it. */
  outdated?: true;
};

export type TableSyncOptions = {
  /** e.g. `wss://app.example.com/sync`. */
  url: string;
  tableId: string;
  /** An API token, for clients that have no session cookie (scripts, tests). */
  token?: string;
  /** Keep docs in IndexedDB (browsers); off in Node. */
  persist?: boolean;
  WebSocket?: typeof globalThis.WebSocket;
  /**
   * The table's blocks as the page was told them (the server's table detail): a table that is not
   * windowed opens them at once, so they sync in the manifest's round trip rather than after it.
   */
  blocks?: readonly DocName[];
  /**
   * Ms to hold back the server's next large update (a block's first load) because the page is in
   * use; the page passes `inputHoldBack` (./inbox). Without it every update applies as it arrives.
   */
  holdBack?: () => number;
  /** The socket the page's HTML opened for this table (./early), taken over by the first connection. */
  early?: EarlySocket | null;
};

type DocEntry = {
  doc: Y.Doc;
  persistence: IndexeddbPersistence | null;
  /** Writes an update to the doc's IndexedDB copy, resolving once it is kept there (./keep). */
  keep: ((update: Uint8Array) => Promise<boolean>) | null;
  /** Keeps every change in IndexedDB and sends the doc's local ones (its "update" listener). */
  send: (update: Uint8Array, origin: unknown) => void;
  synced: boolean;
  /** What the server has of the doc, as it said on this connection (its sync step 1). */
  serverHas?: Uint8Array;
};

/** localStorage keys holding each table's count of changes waiting to be sent. */
const PENDING_PREFIX = "rowpilot:pending:";

/** Unsent changes of this page still being written to IndexedDB (not counted in localStorage yet). */
let beingKept = 0;

/** Changes made offline in this browser, on every table, not yet on the server. */
export function changesWaiting(): number {
  let waiting = beingKept;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PENDING_PREFIX)) waiting += Number(localStorage.getItem(key)) || 0;
    }
  } catch {
    return 0; // no storage, so nothing kept in it
  }
  return waiting;
}

/** Runs `fn` when the page is idle (within COMPACT_IDLE_MS), or on the next task without that API. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: COMPACT_IDLE_MS });
  else setTimeout(fn, 0);
}

export class TableSync {
  readonly manifest: Y.Doc;
  readonly awareness: Awareness;
  private readonly docs = new Map<DocName, DocEntry>();
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly docListeners = new Set<() => void>();
  private readonly syncedListeners = new Set<(name: DocName) => void>();
  /** Docs that `close` leaves open, with how many hold each (see `pin`). */
  private readonly pinned = new Map<DocName, number>();
  private destroyed = false;
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private status: SyncStatus = { state: "offline", pending: 0, readOnly: false };
  /** Server updates waiting for a pause in the person's clicks and keys. */
  private readonly inbox: Inbox;
  /** Counts connections: a first sync that waited past its socket's end does not count as synced. */
  private connection = 0;
  /** Counts the times everything was found saved (a change kept after one is no longer waiting). */
  private saves = 0;

  constructor(private readonly options: TableSyncOptions) {
    this.inbox = new Inbox(options.holdBack);
    // Changes made offline before a reload are still in IndexedDB, waiting: say how many.
    this.status.pending = Number(this.pendingStore()?.getItem(this.pendingKey()) ?? 0) || 0;
    this.manifest = this.open("manifest");
    this.awareness = new Awareness(this.manifest);
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added!, ...updated!, ...removed!];
      this.sendTo("manifest", { type: "awareness", update: encodeAwarenessUpdate(this.awareness, changed) });
    });
    this.manifest.getArray("blocks").observe(() => this.openEagerBlocks());
    if (options.blocks && !isWindowed(options.blocks.length)) for (const block of options.blocks) this.open(block);
    this.openEagerBlocks();
    this.connect();
  }

  /** The doc, opened (and synced) if it was not. */
  open(name: DocName): Y.Doc {
    const existing = this.docs.get(name);
    if (existing) return existing.doc;
    const doc = new Y.Doc();
    const persistence =
      this.options.persist === false ? null : new IndexeddbPersistence(`rowpilot:${this.options.tableId}:${name}`, doc);
    const keep = persistence && keeper(persistence);
    const send = (update: Uint8Array, origin: unknown) => {
      if (persistence && origin === persistence) return;
      // IndexedDB first: a change is kept before it is sent.
      const kept = keep?.(update);
      if (origin === this || this.sendTo(name, { type: "sync-update", update })) return;
      // Waiting once kept in the browser (a tab closed before that loses it), unless saved meanwhile.
      const saves = this.saves;
      const waiting = () => {
        if (this.saves === saves) this.setStatus({ pending: this.status.pending + 1 });
      };
      if (!kept) return waiting();
      beingKept++;
      void kept
        .then(() => {
          beingKept--;
          waiting();
        })
        .catch((error: unknown) => console.error(error)); // a status listener that threw
    };
    const entry: DocEntry = { doc, persistence, keep, send, synced: false };
    this.docs.set(name, entry);
    void persistence?.whenSynced.then(() => {
      if (this.docs.get(name) !== entry) return;
      // Counted once idle: y-indexeddb says it has loaded before it has counted its entries.
      whenIdle(() => {
        if (this.docs.get(name) !== entry || persistence._dbsize <= COMPACT_AFTER) return;
        // A merge that fails (the doc closed meanwhile) leaves the entries for the next visit.
        storeState(persistence, true).catch(() => {});
      });
      // Changes kept in IndexedDB (made offline) that load after the server asked for ours: sent now.
      if (!entry.serverHas) return;
      const missing = Y.encodeStateAsUpdate(doc, entry.serverHas);
      if (missing.byteLength > EMPTY_UPDATE_BYTES) this.sendTo(name, { type: "sync-update", update: missing });
      this.savedIfAllIn();
    });
    doc.on("update", send);
    this.subscribe(name);
    for (const listener of this.docListeners) listener();
    return doc;
  }

  /** Whether the doc is open here (windowed tables keep only some blocks open). */
  isOpen(name: DocName): boolean {
    return this.docs.has(name);
  }

  /** The blocks open here, whether or not the manifest that lists them has arrived yet. */
  openBlocks(): DocName[] {
    return [...this.docs.keys()].filter((name) => name !== "manifest");
  }

  /**
   * Closes a block: the server is told to stop sending it, and its doc and IndexedDB copy are let
   * go. Call it only while online with nothing waiting: an unsent local change would wait until
   * the block is opened again.
   */
  close(name: DocName): void {
    const entry = this.docs.get(name);
    if (!entry || name === "manifest" || this.pinned.has(name)) return;
    this.sendTo(name, { type: "unsubscribe" });
    this.docs.delete(name);
    entry.persistence?.destroy();
    entry.doc.destroy();
    for (const listener of this.docListeners) listener();
  }

  /** Keeps a doc open through `close` (a windowed grid's) until the returned function is called. */
  pin(name: DocName): () => void {
    this.pinned.set(name, (this.pinned.get(name) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const count = (this.pinned.get(name) ?? 1) - 1;
      if (count > 0) this.pinned.set(name, count);
      else this.pinned.delete(name);
    };
  }

  /** Whether `destroy` was called: nothing opens or syncs any more. */
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Whether the doc has had its first exchange with the server on this connection. */
  isSynced(name: DocName): boolean {
    return this.docs.get(name)?.synced ?? false;
  }

  /** Hears each doc's first exchange with the server (again after a reconnection). */
  onSynced(listener: (name: DocName) => void): () => void {
    this.syncedListeners.add(listener);
    return () => this.syncedListeners.delete(listener);
  }

  /** Hears when a doc is opened or closed. */
  onDocs(listener: () => void): () => void {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  }

  /** Blocks the manifest lists. */
  blocks(): DocName[] {
    return blocksOf(this.manifest);
  }

  /** More blocks than EAGER_BLOCKS: only the blocks a view needs are opened (see `open`, `close`). */
  windowed(): boolean {
    return isWindowed(this.blocks().length);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every open doc has had its first exchange with the server. */
  whenSynced(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`Table ${this.options.tableId} did not sync within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onStatus((s) => {
        if (s.state === "online" && [...this.docs.values()].every((d) => d.synced)) {
          clearTimeout(timer);
          queueMicrotask(() => off());
          resolve();
        }
      });
    });
  }

  /** Goes offline on purpose (edits keep working and are sent on `connect`). */
  disconnect(): void {
    this.stopped = true;
    if (this.drainTimer) clearInterval(this.drainTimer);
    this.drainTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    // Closing a socket that is still connecting is an error in some implementations (ws).
    if (socket?.readyState === 0) socket.onopen = () => socket.close(1000, "client disconnect");
    else socket?.close(1000, "client disconnect");
    this.setStatus({ state: "offline" });
  }

  connect(): void {
    this.stopped = false;
    if (this.socket) return;
    const WS = this.options.WebSocket ?? globalThis.WebSocket;
    const query = `?layout=${LAYOUT_VERSION}${this.options.token ? `&token=${encodeURIComponent(this.options.token)}` : ""}`;
    // The page's own socket, the first time, if it is still opening or open.
    const offered = this.options.early;
    this.options.early = null;
    const early = offered && offered.socket.readyState <= 1 ? offered : null;
    if (offered && !early) offered.socket.close();
    const socket = early?.socket ?? new WS(`${this.options.url}/${this.options.tableId}${query}`);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    this.connection++;
    this.setStatus({ state: "syncing", outdated: undefined });
    const opened = (asked: readonly string[]) => {
      this.attempt = 0;
      for (const name of this.docs.keys()) if (!asked.includes(name)) this.subscribe(name);
      const local = this.awareness.getLocalState() ? [this.manifest.clientID] : [];
      if (local.length)
        this.sendTo("manifest", { type: "awareness", update: encodeAwarenessUpdate(this.awareness, local) });
    };
    socket.onopen = () => opened([]);
    socket.onmessage = (event) => this.receive(new Uint8Array(event.data as ArrayBuffer));
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      for (const entry of this.docs.values()) {
        entry.synced = false;
        entry.serverHas = undefined;
      }
      const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.manifest.clientID);
      removeAwarenessStates(this.awareness, others, this);
      if (event.code === CLOSE_OUTDATED) {
        // Retrying would be turned away again; what is unsent waits in IndexedDB for the reload.
        this.stopped = true;
        this.setStatus({ state: "offline", outdated: true });
        return;
      }
      this.setStatus({ state: "offline" });
      if (!this.stopped) this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
    };
    // Taken over open: the docs it asked for are answered in what it kept, the others asked for now.
    // What it kept is applied in tasks of its own, a frame a task, not all in the one that takes it over.
    if (early && socket.readyState === 1) {
      opened(early.asked ?? []);
      for (const data of early.held.splice(0)) this.receive(new Uint8Array(data), true);
    }
  }

  destroy(): void {
    this.disconnect();
    this.inbox.clear();
    this.awareness.destroy();
    for (const { doc, persistence } of this.docs.values()) {
      persistence?.destroy();
      doc.destroy();
    }
    this.docs.clear();
    this.destroyed = true;
    // Every doc is closed: whoever waits on one hears it.
    for (const listener of this.docListeners) listener();
    this.docListeners.clear();
    this.syncedListeners.clear();
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  /**
   * Online with nothing waiting once every doc has synced and the browser's own copy of each is in
   * (its changes sent): not "saved" while changes kept in IndexedDB may still be loading.
   */
  private savedIfAllIn(): void {
    if (this.socket?.readyState !== 1) return;
    if ([...this.docs.values()].every((d) => d.synced && (!d.persistence || d.persistence.synced))) {
      this.saves++;
      this.setStatus({ state: "online", pending: 0 });
    }
  }

  private openEagerBlocks(): void {
    if (this.windowed()) return;
    for (const name of this.blocks()) this.open(name);
  }

  private subscribe(name: DocName): void {
    const entry = this.docs.get(name);
    if (entry) this.sendTo(name, { type: "sync-step-1", stateVector: Y.encodeStateVector(entry.doc) });
  }

  private sendTo(name: DocName, message: Message): boolean {
    if (this.socket?.readyState !== 1) return false;
    this.socket.send(encodeFrame(name, encodeMessage(message)));
    // Presence is not data: only document changes still in the socket make the badge say "syncing".
    if (message.type !== "awareness" && this.socket.bufferedAmount > 0) this.watchDrain();
    return true;
  }

  private drainTimer: ReturnType<typeof setInterval> | null = null;

  /** While the socket still holds unsent bytes (a big import), the status says "syncing", not saved. */
  private watchDrain(): void {
    if (this.drainTimer) return;
    if (this.status.state === "online") this.setStatus({ state: "syncing" });
    this.drainTimer = setInterval(() => {
      if (this.socket?.readyState === 1 && this.socket.bufferedAmount > 0) return;
      if (this.drainTimer) clearInterval(this.drainTimer);
      this.drainTimer = null;
      if (this.socket?.readyState === 1 && [...this.docs.values()].every((d) => d.synced))
        this.setStatus({ state: "online" });
    }, DRAIN_POLL_MS);
  }

  /** A frame from the server; `later`: its changes apply in a task of their own (Inbox.push). */
  private receive(frame: Uint8Array, later = false): void {
    const decoded = decodeFrame(frame);
    const entry = decoded && this.docs.get(decoded.doc as DocName);
    const message = decoded && decodeMessage(decoded.message);
    if (!decoded || !entry || !message) return;
    const name = decoded.doc as DocName;
    switch (message.type) {
      case "sync-step-1":
        // Our reply carries every local change the server lacks, offline edits included (those still
        // loading from IndexedDB follow when they have loaded).
        entry.serverHas = message.stateVector;
        this.sendTo(name, { type: "sync-step-2", update: Y.encodeStateAsUpdate(entry.doc, message.stateVector) });
        break;
      case "sync-step-2": {
        const connection = this.connection;
        this.inbox.push(
          () => {
            if (this.docs.get(name) !== entry) return; // closed (and maybe opened again) meanwhile
            this.applyRemote(entry, message.update);
            if (connection !== this.connection || this.socket?.readyState !== 1) return;
            entry.synced = true;
            for (const listener of this.syncedListeners) listener(name);
            this.savedIfAllIn();
          },
          message.update.byteLength,
          later,
        );
        break;
      }
      case "sync-update":
        this.inbox.push(
          () => {
            if (this.docs.get(name) === entry) this.applyRemote(entry, message.update);
          },
          message.update.byteLength,
          later,
        );
        break;
      case "awareness":
        applyAwarenessUpdate(this.awareness, message.update, this);
        break;
      case "auth":
        if (message.denied) this.setStatus({ readOnly: true });
        break;
      case "query-awareness":
        break;
    }
  }

  /**
   * Applies the server's update. Into an empty doc (a block's first load, about 450 KB) it is
   * applied with this provider's "update" listener off, and IndexedDB keeps the update's own
   * bytes: while anything listens for "update", Yjs encodes every transaction again to hand it
   * over, 60–70 ms of a 150 ms apply, and into an empty doc that encoding is the update. Into a
   * doc that has content the listener stays on, so IndexedDB keeps only what was new (the
   * server's reply to a doc still loading from IndexedDB is the whole doc again).
   */
  private applyRemote({ doc, keep, send }: DocEntry, update: Uint8Array): void {
    if (doc.store.clients.size > 0) {
      Y.applyUpdate(doc, update, this);
      return;
    }
    doc.off("update", send);
    let applied = false;
    try {
      Y.applyUpdate(doc, update, this);
      applied = true;
    } finally {
      doc.on("update", send);
      // What the doc took, if an observer threw after it did (never bytes Yjs could not read:
      // they would break the doc's next load from IndexedDB).
      if (keep && doc.store.clients.size > 0) void keep(applied ? update : Y.encodeStateAsUpdate(doc));
    }
  }

  /** Where the count of changes waiting survives a reload (with the docs in IndexedDB), if anywhere. */
  private pendingStore(): Storage | null {
    if (this.options.persist === false) return null;
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      return null; // storage refused (a sandboxed frame, a privacy setting)
    }
  }

  private pendingKey(): string {
    return `${PENDING_PREFIX}${this.options.tableId}`;
  }

  private setStatus(change: Partial<SyncStatus>): void {
    if (change.pending !== undefined && change.pending !== this.status.pending) {
      const store = this.pendingStore();
      try {
        if (change.pending > 0) store?.setItem(this.pendingKey(), String(change.pending));
        else store?.removeItem(this.pendingKey());
      } catch {
        // Storage full or refused: the count is only lost on a reload, the changes are in IndexedDB.
      }
    }
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}

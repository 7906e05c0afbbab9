/**
 * The sync benchmark's platform floors, served by `wrangler dev` as Rowpilot is, behind a Worker
 * that forwards each y-websocket upgrade to its table's Durable Object (hibernatable sockets):
 * - `FloorRoom`: Rowpilot's `Room` (sync/room) with its docs in memory only: no SQLite log, no
 *   durable commit before broadcast, no row index or triggers, no sign-in. Rowpilot's latency
 *   over this one is what those cost.
 * - `RelayRoom` (rooms under `/relay/`): no Yjs at all. It answers a client's sync step 1 with the
 *   updates it was sent, merged, and passes each update on to the doc's other sockets as it came.
 *   Nothing a y-websocket server on this platform does can cost less, so its latency over the
 *   in-memory Node reference is workerd's own path for a frame from a client through the Worker
 *   to the object and back out to the other clients.
 */
import { DurableObject } from "cloudflare:workers";
import * as Y from "yjs";
import { type DocName, parseRoom } from "../../sync/layout";
import { decodeMessage, encodeMessage } from "../../sync/protocol";
import { type DocStorage, type Peer, Room } from "../../sync/room";

type Env = { FLOOR: DurableObjectNamespace; RELAY: DurableObjectNamespace };

/**
 * Docs kept in the isolate's memory, outside the object: an idle object is evicted (and one whose
 * sockets hibernate may be) between the benchmark's runs, and its next instance loads them here.
 * Appending is O(1); nothing is durable.
 */
const kept = new Map<string, Uint8Array[]>();
const memory = (tableId: string): DocStorage => {
  const log = (doc: DocName) => {
    const key = `${tableId}:${doc}`;
    const updates = kept.get(key) ?? [];
    kept.set(key, updates);
    return updates;
  };
  return {
    load: (doc) => ({ snapshot: null, updates: log(doc) }),
    append: (doc, update) => ({ count: log(doc).push(update), bytes: 0 }),
    compact: (doc, state) => {
      log(doc).splice(0, Infinity, state);
    },
    transaction: (fn) => fn(),
  };
};

type Attachment = { id: string; tableId: string; doc: DocName };

export class FloorRoom extends DurableObject<Env> {
  private room: Room | null = null;
  private readonly peers = new Map<WebSocket, { room: Room; peer: Peer; doc: DocName }>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Woken with sockets open: they rejoin their docs, as Rowpilot's room does.
    for (const ws of ctx.getWebSockets()) this.join(ws);
  }

  override async fetch(request: Request): Promise<Response> {
    const room = parseRoom(decodeURIComponent(new URL(request.url).pathname.slice(1)));
    if (!room) return new Response("unknown room", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ id: crypto.randomUUID(), ...room } satisfies Attachment);
    this.join(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const entry = this.peers.get(ws) ?? this.join(ws);
    const message = typeof data === "string" ? null : decodeMessage(new Uint8Array(data));
    if (!message) return ws.close(1003, "not a y-websocket frame");
    entry.room.receive(entry.peer, entry.doc, message);
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    const entry = this.peers.get(ws);
    this.peers.delete(ws);
    if (entry) this.room?.leave(entry.peer);
  }

  private join(ws: WebSocket) {
    const { id, tableId, doc } = ws.deserializeAttachment() as Attachment;
    this.room ??= new Room({ storage: memory(tableId) });
    const peer: Peer = {
      id,
      canWrite: true,
      origin: { kind: "user", userId: "bench" },
      state: { docs: {}, toldReadOnly: false },
      send: (_doc, message) => ws.send(message),
      saved: () => {},
    };
    const entry = { room: this.room, peer, doc };
    this.peers.set(ws, entry);
    this.room.join(peer, doc);
    return entry;
  }
}

/** Each doc's updates, as sent, for the next client's first sync; kept like the floor's docs. */
const relayed = new Map<string, Uint8Array[]>();

export class RelayRoom extends DurableObject<Env> {
  /** Each socket's doc key (`<table>:<doc>`), and each doc's sockets: kept in memory, as the floor keeps its peers. */
  private readonly keyOf = new Map<WebSocket, string>();
  private readonly sockets = new Map<string, Set<WebSocket>>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    for (const ws of ctx.getWebSockets()) this.join(ws, ws.deserializeAttachment() as string);
  }

  override async fetch(request: Request): Promise<Response> {
    const room = parseRoom(decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? ""));
    if (!room) return new Response("unknown room", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const key = `${room.tableId}:${room.doc}`;
    server.serializeAttachment(key);
    this.join(server, key);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const message = typeof data === "string" ? null : decodeMessage(new Uint8Array(data));
    if (!message) return ws.close(1003, "not a y-websocket frame");
    const key = this.keyOf.get(ws) ?? this.join(ws, ws.deserializeAttachment() as string);
    const updates = relayed.get(key) ?? [];
    relayed.set(key, updates);
    if (message.type === "sync-step-1") {
      const update = updates.length ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(new Y.Doc());
      ws.send(encodeMessage({ type: "sync-step-2", update }));
    } else if (message.type === "sync-step-2" || message.type === "sync-update") {
      updates.push(message.update);
      for (const other of this.sockets.get(key) ?? []) if (other !== ws) other.send(data);
    }
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    const key = this.keyOf.get(ws);
    this.keyOf.delete(ws);
    if (key) this.sockets.get(key)?.delete(ws);
  }

  private join(ws: WebSocket, key: string): string {
    this.keyOf.set(ws, key);
    const set = this.sockets.get(key) ?? new Set<WebSocket>();
    this.sockets.set(key, set);
    set.add(ws);
    return key;
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("sync floor");
    const path = decodeURIComponent(new URL(request.url).pathname);
    const relay = path.startsWith("/relay/");
    const room = parseRoom(path.slice(relay ? "/relay/".length : 1));
    if (!room) return new Response("unknown room", { status: 404 });
    const rooms = relay ? env.RELAY : env.FLOOR;
    return rooms.get(rooms.idFromName(room.tableId)).fetch(request);
  },
} satisfies ExportedHandler<Env>;

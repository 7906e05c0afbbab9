/**
 * The sync benchmark's platform floor: Rowpilot's `Room` (sync/room) in a Durable Object with
 * hibernatable sockets, behind a Worker that forwards each y-websocket upgrade to its table's
 * object, served by `wrangler dev` as Rowpilot is, but with its docs in memory only: no SQLite
 * log, no durable commit before broadcast, no row index or triggers, no sign-in. Rowpilot's
 * latency over this one is what those cost; this one's over the in-memory Node reference is the
 * platform's own (workerd's path for a frame from a client through the Worker to the object and
 * back out to the other clients).
 */
import { DurableObject } from "cloudflare:workers";
import { type DocName, parseRoom } from "../../sync/layout";
import { decodeMessage } from "../../sync/protocol";
import { type DocStorage, type Peer, Room } from "../../sync/room";

type Env = { FLOOR: DurableObjectNamespace };

/** Keeps nothing: the docs live in the room's memory for as long as the object runs. */
const noStorage: DocStorage = {
  load: () => ({ snapshot: null, updates: [] }),
  append: () => ({ count: 0, bytes: 0 }),
  compact: () => {},
  transaction: (fn) => fn(),
};

export class FloorRoom extends DurableObject<Env> {
  private readonly room = new Room({ storage: noStorage });
  private readonly peers = new Map<WebSocket, { peer: Peer; doc: DocName }>();

  override async fetch(request: Request): Promise<Response> {
    const name = decodeURIComponent(new URL(request.url).pathname.slice(1));
    const doc = parseRoom(name)?.doc;
    if (!doc) return new Response(`unknown room ${name}`, { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const peer: Peer = {
      id: crypto.randomUUID(),
      canWrite: true,
      origin: { kind: "user", userId: "bench" },
      state: { docs: {}, toldReadOnly: false },
      send: (_doc, message) => server.send(message),
      saved: () => {},
    };
    this.peers.set(server, { peer, doc });
    this.room.join(peer, doc);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const entry = this.peers.get(ws);
    const message = typeof data === "string" ? null : decodeMessage(new Uint8Array(data));
    if (!entry || !message) return ws.close(1003, "not a y-websocket frame");
    this.room.receive(entry.peer, entry.doc, message);
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    const entry = this.peers.get(ws);
    this.peers.delete(ws);
    if (entry) this.room.leave(entry.peer);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("sync floor");
    const room = parseRoom(decodeURIComponent(new URL(request.url).pathname.slice(1)));
    if (!room) return new Response("unknown room", { status: 404 });
    return env.FLOOR.get(env.FLOOR.idFromName(room.tableId)).fetch(request);
  },
} satisfies ExportedHandler<Env>;

/**
 * A y-websocket client for tests inside workerd: a WebSocket from `SELF`, one Y.Doc per doc it
 * syncs, speaking the per-doc protocol or the multiplexed one.
 */
import { SELF } from "cloudflare:test";
import * as Y from "yjs";
import { LAYOUT_VERSION } from "../../sync/layout";
import { decodeFrame, decodeMessage, encodeFrame, encodeMessage, type Message } from "../../sync/protocol";
import { type Client, ORIGIN } from "./http";

const WAIT_MS = 5000;

export class TestSocket {
  readonly docs = new Map<string, Y.Doc>();
  readonly received: Array<{ doc: string; message: Message }> = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];
  /** workerd hands a client socket's binary messages over as Blobs; this keeps them in order. */
  private inbox: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    private readonly fixedDoc: string | null,
  ) {
    ws.addEventListener("message", (event) => {
      const data = event.data as ArrayBuffer | Blob | string;
      this.inbox = this.inbox.then(async () => this.onMessage(data instanceof Blob ? await data.arrayBuffer() : data));
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.notify();
    });
  }

  /** The doc this socket syncs under `name`, created and announced (sync step 1) on first use. */
  doc(name = this.fixedDoc!): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) {
      doc = new Y.Doc();
      this.docs.set(name, doc);
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== this) this.send(name, { type: "sync-update", update });
      });
      this.send(name, { type: "sync-step-1", stateVector: Y.encodeStateVector(doc) });
    }
    return doc;
  }

  send(doc: string, message: Message): void {
    this.raw(this.fixedDoc ? encodeMessage(message) : encodeFrame(doc, encodeMessage(message)));
  }

  raw(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Resolves when `check` holds, rejecting with `what` after a few seconds. */
  async until(what: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.ws.close(1000, "done");
  }

  private onMessage(data: ArrayBuffer | string) {
    if (typeof data === "string") return;
    let bytes = new Uint8Array(data);
    let name = this.fixedDoc;
    if (!name) {
      const frame = decodeFrame(bytes);
      if (!frame) return;
      name = frame.doc;
      bytes = new Uint8Array(frame.message);
    }
    const message = decodeMessage(bytes);
    if (!message) return;
    this.received.push({ doc: name, message });
    const doc = this.docs.get(name);
    if (doc) {
      if (message.type === "sync-step-1") {
        this.send(name, { type: "sync-step-2", update: Y.encodeStateAsUpdate(doc, message.stateVector) });
      } else if (message.type === "sync-step-2" || message.type === "sync-update") {
        Y.applyUpdate(doc, message.update, this);
      }
    }
    this.notify();
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/**
 * Opens `/sync/<room>`; for a per-doc room the doc is synced at once. A multiplexed room's socket
 * names the layout it reads as the app's does (`layout`; null leaves it out, as an older page).
 */
export async function connect(
  client: Client,
  room: string,
  { layout = LAYOUT_VERSION as number | null } = {},
): Promise<TestSocket> {
  const headers = new Headers({ upgrade: "websocket", origin: ORIGIN });
  if (client.cookie) headers.set("cookie", client.cookie);
  const query = new URLSearchParams();
  if (layout !== null && !room.includes(":")) query.set("layout", String(layout));
  if (client.token) query.set("token", client.token);
  const url = `${ORIGIN}/sync/${room}${query.size ? `?${query}` : ""}`;
  const res = await SELF.fetch(url, { headers });
  if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  res.webSocket.accept();
  const fixed = room.includes(":") ? room.slice(room.indexOf(":") + 1) : null;
  const socket = new TestSocket(res.webSocket, fixed);
  if (fixed) socket.doc(fixed);
  return socket;
}

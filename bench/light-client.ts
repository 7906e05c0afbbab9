/**
 * A y-websocket client light enough that fifty of them in one process can keep a server at
 * thousands of edits a second: it syncs its block once, sends its own edits as sync updates, and
 * does not apply what it receives; it only finds the edits' send times in the bytes (each edited
 * value is `t:<performance.now()>:<sender>`, written as plain UTF-8 inside a Yjs update). A full client
 * applying 45,000 remote updates a second would measure this machine's client, not the server.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { decodeMessage, encodeMessage } from "../sync/protocol";

/** How long a client may take to connect and load its block. */
const SYNC_TIMEOUT_MS = 60_000;
const STAMP = Buffer.from("t:");

export class LightClient {
  readonly doc = new Y.Doc();
  private constructor(private readonly ws: WebSocket) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "remote") this.ws.send(encodeMessage({ type: "sync-update", update }));
    });
  }

  /** Connects to `room` on a y-websocket server at `url` and resolves once its doc is loaded. */
  static connect(
    url: string,
    room: string,
    params: Record<string, string>,
    onStamps: (stamps: Stamp[]) => void,
  ): Promise<LightClient> {
    const query = new URLSearchParams(params).toString();
    // Unencoded, as y-websocket names rooms (`<table>:b0`).
    const ws = new WebSocket(`${url}/${room}${query ? `?${query}` : ""}`);
    ws.binaryType = "nodebuffer";
    const client = new LightClient(ws);
    return new Promise((resolve, reject) => {
      let synced = false;
      const timer = setTimeout(() => reject(new Error(`${room} did not sync within 60 s`)), SYNC_TIMEOUT_MS);
      ws.on("error", reject);
      ws.on("open", () => ws.send(encodeMessage({ type: "sync-step-1", stateVector: new Uint8Array([0]) })));
      ws.on("message", (data: Buffer) => {
        if (synced) {
          const stamps = stampsIn(data);
          if (stamps.length) onStamps(stamps);
          return;
        }
        const message = decodeMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (message?.type === "sync-step-1") {
          ws.send(
            encodeMessage({ type: "sync-step-2", update: Y.encodeStateAsUpdate(client.doc, message.stateVector) }),
          );
        } else if (message?.type === "sync-step-2") {
          Y.applyUpdate(client.doc, message.update, "remote");
          synced = true;
          clearTimeout(timer);
          resolve(client);
        }
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}

export type Stamp = { sentAt: number; sender: number };

/** Every stamped value in a message (a merged update may carry several). */
function stampsIn(data: Buffer): Stamp[] {
  const out: Stamp[] = [];
  for (let at = data.indexOf(STAMP); at >= 0; at = data.indexOf(STAMP, at + 2)) {
    let colon = at + 2;
    while (colon < data.length && data[colon] !== 0x3a) colon++;
    let end = colon + 1;
    while (end < data.length && data[end]! >= 0x30 && data[end]! <= 0x39) end++;
    const sentAt = Number(data.toString("latin1", at + 2, colon));
    const sender = Number(data.toString("latin1", colon + 1, end));
    if (Number.isFinite(sentAt) && end > colon + 1) out.push({ sentAt, sender });
  }
  return out;
}

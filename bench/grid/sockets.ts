/**
 * What a page asked of the sync server, read from its WebSocket frames: the docs it subscribed
 * to (sync step 1 sent), the docs it received (sync step 2) and the bytes it received.
 */
import type { Page } from "playwright-core";
import { decodeFrame, decodeMessage } from "../../sync/protocol";

export type SocketTally = { subscribed: Set<string>; received: Set<string>; bytesIn: number };

export function watchSockets(page: Page): SocketTally {
  const tally: SocketTally = { subscribed: new Set(), received: new Set(), bytesIn: 0 };
  const read = (payload: string | Buffer) => {
    if (typeof payload === "string") return null;
    const frame = decodeFrame(new Uint8Array(payload));
    const message = frame && decodeMessage(frame.message);
    return frame && message ? { doc: frame.doc, type: message.type } : null;
  };
  page.on("websocket", (socket) => {
    socket.on("framesent", ({ payload }) => {
      const m = read(payload);
      if (m?.type === "sync-step-1") tally.subscribed.add(m.doc);
    });
    socket.on("framereceived", ({ payload }) => {
      tally.bytesIn += typeof payload === "string" ? Buffer.byteLength(payload) : payload.byteLength;
      const m = read(payload);
      if (m?.type === "sync-step-2") tally.received.add(m.doc);
    });
  });
  return tally;
}

/** Block docs (not the manifest) in a set of doc names. */
export const blockCount = (docs: Set<string>) => [...docs].filter((d) => d !== "manifest").length;

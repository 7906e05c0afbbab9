import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  decodeAwareness,
  decodeFrame,
  decodeMessage,
  encodeAwareness,
  encodeFrame,
  encodeMessage,
  type Message,
} from ".";

describe("y-websocket messages", () => {
  it("decode what y-protocols writes", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
    expect(decodeMessage(encoding.toUint8Array(e))).toEqual({
      type: "sync-step-1",
      stateVector: Y.encodeStateVector(doc),
    });
    const u = encoding.createEncoder();
    encoding.writeVarUint(u, 0);
    syncProtocol.writeUpdate(u, Y.encodeStateAsUpdate(doc));
    expect(decodeMessage(encoding.toUint8Array(u))?.type).toBe("sync-update");
  });

  it("round-trip every message type", () => {
    const messages: Message[] = [
      { type: "sync-step-1", stateVector: new Uint8Array([0]) },
      { type: "sync-step-2", update: new Uint8Array([0, 0]) },
      { type: "sync-update", update: new Uint8Array([1, 2, 3]) },
      { type: "awareness", update: new Uint8Array([0]) },
      { type: "auth", denied: true, reason: "read-only" },
      { type: "query-awareness" },
      { type: "unsubscribe" },
    ];
    for (const m of messages) expect(decodeMessage(encodeMessage(m))).toEqual(m);
  });

  it("refuse truncated, unknown and over-long messages without throwing", () => {
    const good = encodeMessage({ type: "sync-update", update: new Uint8Array(50) });
    expect(decodeMessage(good.slice(0, 10))).toBeNull();
    expect(decodeMessage(new Uint8Array([]))).toBeNull();
    expect(decodeMessage(new Uint8Array([9]))).toBeNull();
    expect(decodeMessage(new Uint8Array([0, 7, 0]))).toBeNull();
    expect(decodeMessage(new Uint8Array([...good, 1]))).toBeNull();
    for (let i = 0; i < 500; i++) {
      const junk = crypto.getRandomValues(new Uint8Array(1 + (i % 40)));
      expect(() => decodeMessage(junk)).not.toThrow();
      expect(() => decodeFrame(junk)).not.toThrow();
    }
  });
});

describe("multiplexed frames", () => {
  it("carry the doc name ahead of the message", () => {
    const message = encodeMessage({ type: "query-awareness" });
    expect(decodeFrame(encodeFrame("t1:b3", message))).toEqual({ doc: "t1:b3", message });
    expect(decodeFrame(encodeFrame("t1:b3", new Uint8Array()))).toBeNull();
  });
});

describe("awareness updates", () => {
  it("decode what y-protocols encodes, and encode what it reads", () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: "Ana" }, cell: [3, 4] });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = decodeAwareness(update)!;
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.state)).toEqual({ user: { name: "Ana" }, cell: [3, 4] });
    expect(encodeAwareness(entries)).toEqual(update);
    awareness.destroy();
  });
  it("refuse malformed updates", () => {
    expect(decodeAwareness(new Uint8Array([1, 5, 1, 3, 123, 120, 125]))).toBeNull();
    expect(decodeAwareness(new Uint8Array([2, 1]))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type DocName, initManifest, insertRow, readRow, setCells } from "../layout";
import { decodeMessage, encodeAwareness, encodeMessage, type Message } from "../protocol";
import { MemoryStorage } from "./memory-storage";
import { COMPACT_COUNT, Room } from "./room";
import type { ChangeBatch, Peer, PeerState } from "./types";

class FakePeer implements Peer {
  readonly received: Array<{ doc: DocName; message: Message }> = [];
  readonly state: PeerState = { docs: {}, toldReadOnly: false };
  constructor(
    readonly id: string,
    readonly canWrite: boolean,
    readonly storageEvents?: string[],
  ) {}
  get origin() {
    return { kind: "user" as const, userId: this.id };
  }
  send(doc: DocName, message: Uint8Array) {
    this.storageEvents?.push(`send ${this.id}`);
    this.received.push({ doc, message: decodeMessage(message)! });
  }
  saved() {}
  /** Applies what the room sent it, like a y-websocket client would. */
  applyTo(doc: Y.Doc) {
    for (const { message } of this.received) {
      if (message.type === "sync-step-2" || message.type === "sync-update") Y.applyUpdate(doc, message.update);
    }
  }
}

function newRoom() {
  const storage = new MemoryStorage();
  const room = new Room({ storage });
  room.write("manifest", { kind: "automation", job: "init" }, (m) => initManifest(m, "T", []));
  return { storage, room };
}

/** Peers a and b on b0; `insert(i)` has a send row `r<i>` made in its own doc. */
function twoPeers(room: Room) {
  const a = new FakePeer("a", true);
  const b = new FakePeer("b", true);
  room.join(a, "b0");
  room.join(b, "b0");
  const doc = new Y.Doc();
  const insert = (i: number) => {
    const sv = Y.encodeStateVector(doc);
    insertRow(doc, `r${i}`, { c1: i }, `a${i}`);
    room.receive(a, "b0", { type: "sync-update", update: Y.encodeStateAsUpdate(doc, sv) });
  };
  return { a, b, insert };
}

function editUpdate(edit: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, sv);
}

describe("Room — sync", () => {
  it("answers sync step 1 with what the peer lacks", () => {
    const { room } = newRoom();
    room.write("b0", { kind: "automation", job: "seed" }, (b) => insertRow(b, "r1", { c1: "A" }, "a0"));
    const peer = new FakePeer("p1", true);
    room.join(peer, "b0");
    expect(peer.received[0]!.message.type).toBe("sync-step-1");
    room.receive(peer, "b0", { type: "sync-step-1", stateVector: Y.encodeStateVector(new Y.Doc()) });
    const mirror = new Y.Doc();
    peer.applyTo(mirror);
    expect(readRow(mirror, "r1")).toEqual({ c1: "A" });
  });

  it("logs an update before broadcasting it, and does not echo it to its sender", () => {
    const { room, storage } = newRoom();
    const a = new FakePeer("a", true, storage.events);
    const b = new FakePeer("b", true, storage.events);
    room.join(a, "b0");
    room.join(b, "b0");
    storage.events.length = 0;
    room.receive(a, "b0", { type: "sync-update", update: editUpdate((d) => insertRow(d, "r1", { c1: "x" }, "a0")) });
    room.flush();
    expect(storage.events).toEqual(["append b0", "send b"]);
    const mirror = new Y.Doc();
    b.applyTo(mirror);
    expect(readRow(mirror, "r1")).toEqual({ c1: "x" });
    expect(a.received.filter((r) => r.message.type === "sync-update")).toHaveLength(0);
  });

  it("sends an edit at the end of the turn that committed it, with no window to wait for", async () => {
    const { b, insert } = twoPeers(newRoom().room);
    for (let i = 0; i < 3; i++) {
      insert(i);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const mirror = new Y.Doc();
      b.applyTo(mirror);
      expect(mirror.getMap("rows").size).toBe(i + 1);
    }
  });

  it("merges what one turn commits into one frame per doc", () => {
    const { room } = newRoom();
    const { a, b, insert } = twoPeers(room);
    for (let i = 0; i < 20; i++) insert(i);
    expect(b.received.filter((r) => r.message.type === "sync-update")).toHaveLength(0);
    room.flush();
    expect(b.received.filter((r) => r.message.type === "sync-update")).toHaveLength(1);
    expect(a.received.filter((r) => r.message.type === "sync-update")).toHaveLength(0);
    const mirror = new Y.Doc();
    b.applyTo(mirror);
    expect(mirror.getMap("rows").size).toBe(20);
  });

  it("broadcasts a write made inside another's transaction only when the outer one commits", () => {
    const { room, storage } = newRoom();
    const b = new FakePeer("b", true, storage.events);
    room.join(b, "b0");
    room.join(b, "b1");
    storage.events.length = 0;
    room.write("b0", { kind: "automation", job: "outer" }, (b0) => {
      insertRow(b0, "r1", { c1: "outer" }, "a0");
      room.write("b1", { kind: "automation", job: "inner" }, (b1) => insertRow(b1, "r2", { c1: "inner" }, "a0"));
      room.flush();
      expect(storage.events).toEqual(["append b1"]);
    });
    room.flush();
    expect(storage.events).toEqual(["append b1", "append b0", "send b", "send b"]);
  });
});

describe("Room — a write that fails", () => {
  it("neither stores nor broadcasts what it changed, and reloads the doc from storage", () => {
    const { room, storage } = newRoom();
    const b = new FakePeer("b", true);
    room.join(b, "b0");
    room.write("b0", { kind: "automation", job: "seed" }, (d) => insertRow(d, "r1", { c1: "kept" }, "a0"));
    room.flush();
    const sent = b.received.length;
    expect(() =>
      room.write("b0", { kind: "automation", job: "broken" }, (d) => {
        setCells(d, "r1", { c1: "lost" });
        throw new Error("the change failed half way");
      }),
    ).toThrow("half way");
    room.flush();
    expect(b.received).toHaveLength(sent);
    expect(storage.logs.get("b0")).toHaveLength(1);
    expect(readRow(room.open("b0"), "r1")).toEqual({ c1: "kept" });
  });
});

describe("Room — unsubscribing", () => {
  it("sends a doc's updates no more to a peer that left it, and lets it go idle", () => {
    const { room } = newRoom();
    const a = new FakePeer("a", true);
    const b = new FakePeer("b", true);
    room.join(a, "b0");
    room.join(b, "b0");
    expect(room.receive(b, "b0", { type: "unsubscribe" })).toBe("ok");
    expect(room.isJoined(b, "b0")).toBe(false);
    expect(b.state.docs.b0).toBeUndefined();
    room.receive(a, "b0", { type: "sync-update", update: editUpdate((d) => insertRow(d, "r1", { c1: "x" }, "a0")) });
    expect(b.received.filter((r) => r.message.type === "sync-update")).toHaveLength(0);
    expect(room.peerCount()).toBe(1);
  });
});

describe("Room — bad input", () => {
  it("refuses an update that fails to decode, and keeps serving", () => {
    const { room, storage } = newRoom();
    const a = new FakePeer("a", true);
    room.join(a, "b0");
    expect(room.receive(a, "b0", { type: "sync-update", update: new Uint8Array([1, 200, 3, 4, 5, 6]) })).toBe(
      "malformed",
    );
    expect(storage.logs.get("b0") ?? []).toHaveLength(0);
    const ok = editUpdate((d) => insertRow(d, "r1", { c1: "fine" }, "a0"));
    expect(room.receive(a, "b0", { type: "sync-update", update: ok })).toBe("ok");
    expect(readRow(room.open("b0"), "r1")).toEqual({ c1: "fine" });
  });

  it("drops a viewer's edits and tells it once", () => {
    const { room, storage } = newRoom();
    const viewer = new FakePeer("v", false);
    const editor = new FakePeer("e", true);
    room.join(viewer, "b0");
    room.join(editor, "b0");
    for (let i = 0; i < 3; i++) {
      const result = room.receive(viewer, "b0", {
        type: "sync-update",
        update: editUpdate((d) => insertRow(d, `r${i}`, { c1: "no" }, "a0")),
      });
      expect(result).toBe("rejected");
    }
    expect(room.open("b0").getMap("rows").size).toBe(0);
    expect(storage.logs.get("b0") ?? []).toHaveLength(0);
    expect(viewer.received.filter((r) => r.message.type === "auth")).toEqual([
      { doc: "b0", message: { type: "auth", denied: true, reason: "read-only: viewers cannot edit this table" } },
    ]);
    expect(editor.received.filter((r) => r.message.type === "sync-update")).toHaveLength(0);
  });

  it("does not scold a viewer whose step 2 brings nothing new", () => {
    const { room } = newRoom();
    const viewer = new FakePeer("v", false);
    room.join(viewer, "b0");
    room.receive(viewer, "b0", { type: "sync-step-2", update: Y.encodeStateAsUpdate(new Y.Doc()) });
    expect(viewer.received.some((r) => r.message.type === "auth")).toBe(false);
  });
});

describe("Room — persistence", () => {
  it("reloads the same content from its log and from a compacted snapshot", () => {
    const { room, storage } = newRoom();
    const a = new FakePeer("a", true);
    room.join(a, "b0");
    const base = new Y.Doc();
    for (let i = 0; i < COMPACT_COUNT + 20; i++) {
      const sv = Y.encodeStateVector(base);
      if (i % 3 === 0) insertRow(base, `r${i}`, { c1: `v${i}` }, `a${i}`);
      else setCells(base, `r${i - (i % 3)}`, { c2: i });
      room.receive(a, "b0", { type: "sync-update", update: Y.encodeStateAsUpdate(base, sv) });
    }
    room.flush();
    expect(storage.events).toContain("compact b0");
    const fresh = new Room({ storage });
    expect(fresh.open("b0").getMap("rows").toJSON()).toEqual(base.getMap("rows").toJSON());
    room.leave(a);
    expect(storage.logs.get("b0")).toEqual([]);
    expect(new Room({ storage }).open("b0").getMap("rows").toJSON()).toEqual(base.getMap("rows").toJSON());
  });

  it("feeds row changes with the writer's origin", () => {
    const { room } = newRoom();
    const batches: ChangeBatch[] = [];
    room.onChanges((b) => batches.push(b));
    const a = new FakePeer("ana", true);
    room.join(a, "b0");
    room.receive(a, "b0", { type: "sync-update", update: editUpdate((d) => insertRow(d, "r1", { c1: "x" }, "a0")) });
    room.write("b0", { kind: "api", userId: null, tokenId: "t1" }, (b) => setCells(b, "r1", { c1: "y" }));
    expect(batches.map((b) => [b.origin.kind, b.changes[0]!.kind])).toEqual([
      ["user", "insert"],
      ["api", "update"],
    ]);
  });

  it("keeps docs within the memory budget by unloading idle blocks", () => {
    const storage = new MemoryStorage();
    // One 100-row block of 3 cells a row in its base (~44 KB estimated) fits; two do not.
    const room = new Room({ storage, budgetBytes: 60_000 });
    for (let n = 0; n < 5; n++) {
      room.write(`b${n}` as DocName, { kind: "automation", job: "seed" }, (b) => {
        for (let i = 0; i < 100; i++) insertRow(b, `r${n}-${i}`, { c1: "x", c2: 1, c3: true }, `a${i}`);
      });
    }
    expect(room.estimatedBytes()).toBeLessThanOrEqual(60_000);
    expect(room.loadedDocs()).toEqual(["b4"]);
    expect(room.loadedDocs()).not.toContain("b0");
    expect(room.open("b0").getMap("rows").size).toBe(100);
  });
});

describe("Room — awareness", () => {
  it("relays states and clears a leaving peer's clients for the others", () => {
    const { room } = newRoom();
    const a = new FakePeer("a", true);
    const b = new FakePeer("b", true);
    room.join(a, "b0");
    room.join(b, "b0");
    const update = encodeAwareness([{ clientId: 7, clock: 3, state: JSON.stringify({ user: "Ana" }) }]);
    expect(room.receive(a, "b0", { type: "awareness", update })).toBe("ok");
    expect(b.received.at(-1)!.message).toEqual({ type: "awareness", update });
    const late = new FakePeer("c", true);
    room.join(late, "b0");
    expect(late.received.some((r) => r.message.type === "awareness")).toBe(true);
    room.leave(a);
    const last = b.received.at(-1)!.message;
    expect(last).toEqual({ type: "awareness", update: encodeAwareness([{ clientId: 7, clock: 3, state: "null" }]) });
    expect(room.receive(a, "b0", { type: "awareness", update: new Uint8Array([3, 1]) })).toBe("malformed");
    expect(encodeMessage).toBeDefined();
  });
});

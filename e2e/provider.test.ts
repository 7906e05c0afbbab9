import { afterAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { insertRow, LAYOUT_VERSION, readRow, setCells } from "../sync/layout";
import { decodeFrame, decodeMessage } from "../sync/protocol";
import { type SyncStatus, TableSync, type TableSyncOptions } from "../sync/provider";
import { askFrames } from "../sync/provider/early";
import { Api } from "./api";

const syncs: TableSync[] = [];
afterAll(() => {
  for (const s of syncs) s.destroy();
});

async function until(what: string, check: () => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function open(
  base: string,
  tableId: string,
  token: string,
  holdBack?: () => number,
  more: Partial<TableSyncOptions> = {},
) {
  const sync = new TableSync({
    url: `${base.replace("http", "ws")}/sync`,
    tableId,
    token,
    persist: false,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    holdBack,
    ...more,
  });
  syncs.push(sync);
  return sync;
}

describe("the app's table connection (one multiplexed socket)", () => {
  const base = inject("baseUrl");

  it("loads the manifest and blocks, and carries edits both ways", async () => {
    const { token, tableId, api, columns } = await Api.withTable(base);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: "seeded by the API" } });
    const a = open(base, tableId, token);
    const b = open(base, tableId, token);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    expect(a.blocks()).toEqual(["b0"]);
    expect(a.manifest.getArray("columns").length).toBe(columns.length);
    const block = a.open("b0");
    expect([...block.getMap("rows").keys()]).toHaveLength(1);
    block.transact(() => insertRow(block, "rA", { c1: "from a" }, "zz"));
    await until("b to see it", () => readRow(b.open("b0"), "rA")?.c1 === "from a");
  });

  it("takes over the socket its page opened, with what the server sent on it, asking for nothing twice", async () => {
    const { token, tableId, api } = await Api.withTable(base);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: "served early" } });
    // What the page's inline script does: open the socket, ask for the manifest and b0, keep what comes.
    const socket = new WebSocket(
      `${base.replace("http", "ws")}/sync/${tableId}?layout=${LAYOUT_VERSION}&token=${token}`,
    );
    socket.binaryType = "arraybuffer";
    const held: ArrayBuffer[] = [];
    socket.onmessage = (event) => held.push(event.data as ArrayBuffer);
    await new Promise((resolve) => socket.once("open", resolve));
    for (const frame of askFrames(["manifest", "b0"])) socket.send(frame);
    const kinds = (frames: ArrayBuffer[]) =>
      frames.map((data) => {
        const frame = decodeFrame(new Uint8Array(data))!;
        return `${frame.doc} ${decodeMessage(frame.message)?.type}`;
      });
    await until("the server to answer for b0", () => kinds(held).includes("b0 sync-step-2"));
    const sent: string[] = [];
    const send = socket.send.bind(socket);
    socket.send = ((data: Uint8Array) => {
      sent.push(...kinds([data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer]));
      send(data);
    }) as typeof socket.send;

    const sync = open(base, tableId, token, undefined, {
      blocks: ["b0"],
      early: { tableId, socket: socket as unknown as globalThis.WebSocket, held, asked: ["manifest", "b0"] },
    });
    await sync.whenSynced();
    expect([...sync.open("b0").getMap<unknown>("rows").keys()]).toHaveLength(1);
    expect(sync.manifest.getArray("columns").length).toBeGreaterThan(0);
    // It answered the server's questions, and asked nothing again.
    expect(sent.filter((k) => k.endsWith("sync-step-1"))).toEqual([]);
    expect(held).toEqual([]);
    // The socket is its own: an edit goes through it to another client.
    const other = open(base, tableId, token);
    await other.whenSynced();
    const block = sync.open("b0");
    block.transact(() => insertRow(block, "rE", { c1: "after the takeover" }, "zz"));
    await until("the other client to see it", () => readRow(other.open("b0"), "rE")?.c1 === "after the takeover");
  });

  it("reports offline with pending changes, then merges them and clears the count on reconnect", async () => {
    const { token, tableId } = await Api.withTable(base);
    const a = open(base, tableId, token);
    const b = open(base, tableId, token);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const seen: SyncStatus[] = [];
    a.onStatus((s) => seen.push(s));
    a.disconnect();
    const block = a.open("b0");
    block.transact(() => insertRow(block, "off1", { c1: "offline one" }, "a0"));
    block.transact(() => setCells(block, "off1", { c2: 5 }));
    expect(a.getStatus()).toEqual({ state: "offline", pending: 2, readOnly: false });
    a.connect();
    await a.whenSynced();
    expect(a.getStatus()).toMatchObject({ state: "online", pending: 0 });
    await until("b to get the offline edits", () => readRow(b.open("b0"), "off1")?.c2 === 5);
    expect(seen.map((s) => s.state)).toEqual(expect.arrayContaining(["offline", "syncing", "online"]));
  });

  it("holds a block's first load while the page is in use, and is not synced until it has applied it", async () => {
    const { token, tableId } = await Api.withTable(base);
    const writer = open(base, tableId, token);
    await writer.whenSynced();
    const block = writer.open("b0");
    // 600 rows make the block's first load a large update (tens of KB), not a keystroke.
    block.transact(() => {
      for (let i = 0; i < 600; i++) insertRow(block, `r${i}`, { c1: `row ${i} ${"x".repeat(60)}` }, `a${i}`);
    });
    await writer.whenSynced();

    let busy = true;
    const reader = open(base, tableId, token, () => (busy ? 100 : 0));
    const seen: SyncStatus["state"][] = [];
    reader.onStatus((s) => seen.push(s.state));
    await until("the manifest to arrive", () => reader.blocks().length === 1);
    await new Promise((r) => setTimeout(r, 600));
    expect(reader.getStatus().state).toBe("syncing");
    expect(reader.open("b0").getMap("rows").size).toBe(0);

    busy = false;
    await reader.whenSynced();
    expect(reader.open("b0").getMap("rows").size).toBe(600);
    expect(readRow(reader.open("b0"), "r599")?.c1).toBe(`row 599 ${"x".repeat(60)}`);
    expect(seen.at(-1)).toBe("online");
  });

  it("stops and asks for a reload when the server turns it away as older than the layout, keeping its edits", async () => {
    const { token, tableId, api } = await Api.withTable(base);
    await api.request("POST", `/api/tables/${tableId}/rows`, { cells: { Name: "in a row's base" } });
    let sockets = 0;
    // A page built before the layout it names: its socket's address has no `layout`.
    class OlderPage extends WebSocket {
      constructor(url: string) {
        sockets += 1;
        super(url.replace(/layout=\d+&?/, ""));
      }
    }
    const old = open(base, tableId, token, undefined, {
      WebSocket: OlderPage as unknown as typeof globalThis.WebSocket,
    });
    await until("the outdated status", () => old.getStatus().outdated === true);
    expect(old.getStatus().state).toBe("offline");
    expect(old.open("b0").getMap("rows").size).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sockets, "no reconnection").toBe(1);

    const current = open(base, tableId, token);
    await current.whenSynced();
    await until("the row", () => current.open("b0").getMap("rows").size === 1);
    const [id] = [...current.open("b0").getMap("rows").keys()];
    expect(Object.values(readRow(current.open("b0"), id!)!)).toEqual(["in a row's base"]);
    expect(current.getStatus().outdated).toBeUndefined();
  });

  it("shares presence through awareness", async () => {
    const { token, tableId } = await Api.withTable(base);
    const a = open(base, tableId, token);
    const b = open(base, tableId, token);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.awareness.setLocalState({ user: { name: "Ana", color: "#4f46e5" }, cell: { row: "r1", col: "c1" } });
    await until("b to see Ana", () => [...b.awareness.getStates().values()].some((s) => s.user?.name === "Ana"));
    a.destroy();
    await until(
      "Ana to leave b's view",
      () => ![...b.awareness.getStates().values()].some((s) => s.user?.name === "Ana"),
    );
  });
});
